-- stg_estadistica (good rows) → solicitud_estadistica. A quarter published again (a corrected table) replaces the
-- earlier one: the file ranked later wins, as with overlapping request exports.
INSERT INTO solicitud_estadistica
SELECT ente_id, trimestre, periodo_inicio, dependencia, categoria, reportado,
       cifra(hombre), cifra(mujer), cifra(personas_morales), cifra(no_identificado), cifra(total),
       cifra(competencia), cifra(no_competencia), cifra(por_escrito), cifra(verbal), cifra(telegrafo),
       cifra(medios_electronicos), cifra(total_modalidades), cifra(tiempo_promedio),
       origen_trimestre, carga_id, archivo, fila
FROM stg_estadistica
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY ente_id, trimestre ORDER BY archivo_orden DESC, fila DESC) = 1;
