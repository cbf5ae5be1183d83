-- stg_estadistica (good rows) → solicitud_estadistica. A quarter published again (a corrected table) replaces the
-- earlier one: the file ranked later wins, as with overlapping request exports.
INSERT INTO solicitud_estadistica BY NAME
SELECT ente_id, trimestre, periodo_inicio, dependencia AS nombre_publicado, categoria AS categoria_publicada,
       reportado,
       cifra(hombre) AS hombre, cifra(mujer) AS mujer, cifra(personas_morales) AS personas_morales,
       cifra(no_identificado) AS no_identificado, cifra(total) AS total,
       cifra(competencia) AS competencia, cifra(no_competencia) AS no_competencia, cifra(por_escrito) AS por_escrito,
       cifra(verbal) AS verbal, cifra(telegrafo) AS telegrafo, cifra(medios_electronicos) AS medios_electronicos,
       cifra(total_modalidades) AS total_modalidades, cifra(tiempo_promedio) AS tiempo_promedio,
       origen_trimestre, carga_id, archivo, fila
FROM stg_estadistica
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY ente_id, trimestre ORDER BY archivo_orden DESC, fila DESC) = 1;
