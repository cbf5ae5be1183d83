-- `python -m etl alias`: the ente names of the last build that resolved to no ente, with how many rows they cost
-- and in which files, most rejected rows first.
SELECT u.valor, count(r.fila), list(DISTINCT r.archivo ORDER BY r.archivo) FILTER (WHERE r.archivo IS NOT NULL)
FROM (SELECT DISTINCT valor FROM ente_sin_resolver) u
LEFT JOIN rechazo r ON r.columna = 'dependencia' AND r.valor = u.valor
GROUP BY u.valor
ORDER BY count(r.fila) DESC, u.valor
