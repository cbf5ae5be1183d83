-- Rejected rows with their reason, optionally of one file; at most $limite rows.
SELECT archivo, fila, columna, valor, motivo
FROM rechazo
WHERE ($archivo IS NULL OR archivo = $archivo)
ORDER BY archivo, fila, columna
LIMIT $limite
