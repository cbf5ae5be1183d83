-- stg_evento (good rows) → evento_publico. The same event, date and sector in a later file wins.
INSERT INTO evento_publico BY NAME
SELECT evento, f_evento AS fecha, date_trunc('month', f_evento)::DATE AS mes, sector AS sector_original,
       sector_norm AS sector, n_asistentes AS asistentes, municipio, carga_id, archivo, fila
FROM stg_evento
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY evento, f_evento, sector_norm ORDER BY archivo_orden DESC, fila DESC) = 1;
