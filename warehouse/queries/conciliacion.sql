-- Every published identity that did not hold in the quarterly tables (the load went on).
SELECT archivo, trimestre, fila, regla, esperado, publicado, mensaje
FROM conciliacion
ORDER BY archivo, fila, regla
