-- stg_evaluacion → evaluacion_ciudadana: the good rows. An evaluation counts in the month (Quintana Roo) it was sent.
INSERT INTO evaluacion_ciudadana BY NAME
SELECT evaluacion_id, ente_id, ley_version, articulo, fraccion, clave_historica, fecha,
       date_trunc('month', fecha)::DATE AS mes, encontrada, actualizada, comprension, carga_id, fila
FROM stg_evaluacion
WHERE motivo IS NULL;
