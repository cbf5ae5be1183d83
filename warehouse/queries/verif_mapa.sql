-- Ente × fracción of one review: every obligation of the review's law for the entes the review evaluated.
-- estado: evaluada | no_aplica | sin_evaluar. A fracción that does not apply has no score (never 0).
WITH rev AS (SELECT * FROM verificacion WHERE verificacion_id = $verificacion),
-- with many entes the map shows the $max_entes with the lowest index (a map of thousands of rows cannot be read)
entes AS (SELECT ente_id FROM indice_ente WHERE verificacion_id = $verificacion
          ORDER BY indice, ente_id LIMIT $max_entes)
SELECT e.ente_id, en.siglas, en.nombre_oficial AS nombre, o.articulo, o.fraccion, o.orden, o.nombre AS obligacion,
       o.tipo_obligacion, a.aplica, a.motivo AS motivo_aplicabilidad, f.puntaje, f.incumplida, f.nivel,
       f.n_criterios, f.media_sustantivos, f.media_adjetivos, f.observaciones,
       CASE WHEN f.puntaje IS NOT NULL THEN 'evaluada' WHEN NOT a.aplica THEN 'no_aplica' ELSE 'sin_evaluar' END AS estado
FROM rev
JOIN obligacion o ON o.ley_version = rev.ley_version
CROSS JOIN entes e
JOIN ente en ON en.ente_id = e.ente_id
JOIN aplicabilidad a ON a.ente_id = e.ente_id AND a.ley_version = o.ley_version AND a.articulo = o.articulo
                    AND a.fraccion = o.fraccion
LEFT JOIN indice_fraccion f ON f.verificacion_id = rev.verificacion_id AND f.ente_id = e.ente_id
                           AND f.ley_version = o.ley_version AND f.articulo = o.articulo AND f.fraccion = o.fraccion
-- specific obligations that apply to none of the entes shown are left out of the map
WHERE o.tipo_obligacion = 'comun'
   OR EXISTS (SELECT 1 FROM aplicabilidad a2 JOIN entes e2 USING (ente_id)
              WHERE a2.aplica AND a2.ley_version = o.ley_version AND a2.articulo = o.articulo
                AND a2.fraccion = o.fraccion)
ORDER BY nombre, o.articulo, o.orden
