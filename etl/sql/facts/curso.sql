-- stg_curso (good rows) → curso. The same clave in a later file (or later row) wins: it is the newer catalog.
INSERT INTO curso BY NAME
SELECT curso_id, nombre_curso AS nombre, tema_norm AS tema, modalidad_norm AS modalidad, f_inicio AS fecha_inicio,
       coalesce(f_fin, f_inicio) AS fecha_fin, n_horas AS horas, publico_norm AS publico, organizador,
       f_inicio <= $hoy AS impartido, date_trunc('month', f_inicio)::DATE AS mes, carga_id, archivo, fila
FROM stg_curso
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY curso_id ORDER BY archivo_orden DESC, fila DESC) = 1;
