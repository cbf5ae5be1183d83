-- Load log, newest first.
SELECT fuente, archivo, layout, filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas,
       left(sha256, 12) AS sha256_corto, inicio, segundos
FROM carga
ORDER BY inicio DESC, archivo
