-- stg_plantilla (good rows) → plantilla. The same ente and cut-off date in a later file wins (a correction).
INSERT INTO plantilla BY NAME
SELECT ente_id, f_corte AS fecha_corte, n_total AS total_personal, n_ut AS personal_ut, n_comite AS integrantes_comite,
       b_certificado AS titular_ut_certificado, carga_id, archivo, fila
FROM stg_plantilla
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY ente_id, f_corte ORDER BY archivo_orden DESC, fila DESC) = 1;
