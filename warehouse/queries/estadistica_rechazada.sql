-- Rejected rows of the published quarterly tables: their requests count in the published TOTAL, not in the dashboard.
SELECT archivo, trimestre, fila, categoria, nombre_publicado, total, motivo
FROM estadistica_rechazada
ORDER BY archivo, fila
