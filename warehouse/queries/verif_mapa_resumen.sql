-- Totals of one review's map over every ente it evaluated (the map itself may show only the lowest ones).
WITH rev AS (SELECT * FROM verificacion WHERE verificacion_id = $verificacion),
entes AS (SELECT * FROM indice_ente WHERE verificacion_id = $verificacion),
mostradas AS (   -- the obligations the map shows: common ones, and specific ones that apply to some ente
    SELECT o.* FROM obligacion o JOIN rev ON o.ley_version = rev.ley_version
    WHERE o.tipo_obligacion = 'comun'
       OR EXISTS (SELECT 1 FROM aplicabilidad a2 JOIN entes e2 USING (ente_id)
                  WHERE a2.aplica AND a2.ley_version = o.ley_version AND a2.articulo = o.articulo
                    AND a2.fraccion = o.fraccion)
)
SELECT (SELECT count(*) FROM entes) AS entes,
       (SELECT coalesce(sum(fracciones_evaluadas), 0) FROM entes) AS evaluadas,
       (SELECT coalesce(sum(fracciones_incumplidas), 0) FROM entes) AS incumplidas,
       (SELECT count(*) FROM aplicabilidad a JOIN entes e USING (ente_id)
        JOIN mostradas m ON m.ley_version = a.ley_version AND m.articulo = a.articulo AND m.fraccion = a.fraccion
        WHERE NOT a.aplica) AS no_aplica
