-- Public events in [desde, hasta) by sector: the program's, no ente.
SELECT sector, count(DISTINCT (evento, fecha)) AS eventos, sum(asistentes) AS asistentes
FROM evento_publico
WHERE fecha >= $desde AND fecha < $hasta
GROUP BY sector
ORDER BY asistentes DESC, sector
