-- stg_curso (good rows) → curso. The same clave in a later file (or later row) wins: it is the newer catalog.
INSERT INTO curso
SELECT curso_id, nombre_curso, tema_norm, modalidad_norm, f_inicio, coalesce(f_fin, f_inicio), n_horas, publico_norm,
       organizador, f_inicio <= $hoy, date_trunc('month', f_inicio)::DATE, carga_id, archivo, fila
FROM stg_curso
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY curso_id ORDER BY archivo_orden DESC, fila DESC) = 1;
