-- Appeals by cause for requests received in [desde, hasta) (an appeal counts in its request's month, else the month
-- it was filed), per cause of data/catalogos/causa_recurso.csv; appeals whose source does not say the cause apart.
SELECT coalesce(c.nombre, 'Sin causa en la fuente') AS causa, c.fundamento, c.causa IS NULL AS sin_causa,
       count(*) AS recursos,
       count(*) FILTER (WHERE r.modifica_o_revoca) AS modifican_revocan
FROM recurso_revision r
JOIN ente e ON e.ente_id = r.ente_id
LEFT JOIN causa_recurso c ON c.causa = r.causa
WHERE r.mes >= $desde AND r.mes < $hasta
  AND ($grupo IS NULL OR e.grupo_pares = $grupo)
  AND ($ente IS NULL OR r.ente_id = $ente)
GROUP BY ALL
ORDER BY sin_causa, recursos DESC, causa
