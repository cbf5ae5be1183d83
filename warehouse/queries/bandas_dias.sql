-- Answered requests per ente in business-day bands, for requests received in [desde, hasta).
SELECT h.ente_id, e.nombre_oficial AS nombre, e.siglas, e.grupo_pares,
       CASE WHEN h.dias <= 5 THEN 1 WHEN h.dias <= 10 THEN 2 WHEN h.dias <= 20 THEN 3
            WHEN h.dias <= 30 THEN 4 ELSE 5 END AS banda,
       sum(h.n)::BIGINT AS solicitudes
FROM hist_dias h
JOIN ente e ON e.ente_id = h.ente_id
WHERE h.mes >= $desde AND h.mes < $hasta
  AND ($grupo IS NULL OR e.grupo_pares = $grupo)
  AND ($ente IS NULL OR h.ente_id = $ente)
GROUP BY ALL
ORDER BY nombre, banda
