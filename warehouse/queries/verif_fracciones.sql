-- Per fracción in one review, across the government: entes evaluated, failing, not applicable, mean score.
WITH rev AS (SELECT * FROM verificacion WHERE verificacion_id = $verificacion),
entes AS (SELECT DISTINCT ente_id FROM indice_ente WHERE verificacion_id = $verificacion)
SELECT o.articulo, o.fraccion, o.orden, o.nombre AS obligacion,
       count(f.puntaje)                                        AS entes_evaluados,
       count(*) FILTER (WHERE f.incumplida)                    AS entes_incumplen,
       count(*) FILTER (WHERE NOT a.aplica)                    AS entes_no_aplica,
       avg(f.puntaje)                                          AS puntaje_promedio
FROM rev
JOIN obligacion o ON o.ley_version = rev.ley_version
JOIN aplicabilidad a ON a.ley_version = o.ley_version AND a.articulo = o.articulo AND a.fraccion = o.fraccion
JOIN entes e ON e.ente_id = a.ente_id
LEFT JOIN indice_fraccion f ON f.verificacion_id = rev.verificacion_id AND f.ente_id = a.ente_id
                           AND f.ley_version = o.ley_version AND f.articulo = o.articulo AND f.fraccion = o.fraccion
GROUP BY ALL
HAVING count(f.puntaje) > 0
ORDER BY entes_incumplen DESC, puntaje_promedio, o.articulo, o.orden
