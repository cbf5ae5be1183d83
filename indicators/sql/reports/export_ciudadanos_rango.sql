-- The rows of the citizens' file whose month lies within [$desde, $hasta] ('AAAA-MM'; NULL: no bound).
SELECT *
FROM exportacion_ciudadanos
WHERE ($desde IS NULL OR mes >= $desde) AND ($hasta IS NULL OR mes <= $hasta)
