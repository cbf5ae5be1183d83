-- Score of each fracción in each review (0–100), with its parts.
-- Criterion level: 100 × ($sustantivos × mean of sustantivos + $adjetivos × mean of adjetivos); a fracción with
-- criteria of one type only scores 100 × that type's mean (its weights are stored as 1 and 0).
-- Fracción level: the percentage as reported. Parameters: $sustantivos, $adjetivos, $umbral.
INSERT INTO indice_fraccion BY NAME
WITH criterios AS (
    SELECT verificacion_id, ente_id, ley_version, articulo, fraccion,
           count(*)::INTEGER                                              AS n_criterios,
           count(*) FILTER (WHERE tipo_criterio = 'sustantivo')::INTEGER  AS n_sustantivos,
           count(*) FILTER (WHERE tipo_criterio <> 'sustantivo')::INTEGER AS n_adjetivos,
           avg(valor) FILTER (WHERE tipo_criterio = 'sustantivo')         AS media_sustantivos,
           avg(valor) FILTER (WHERE tipo_criterio <> 'sustantivo')        AS media_adjetivos,
           -- in reading order; the criteria of one fracción can come from two files, each with its own row numbers
           string_agg('Criterio ' || criterio || ': ' || observacion, ' | ' ORDER BY archivo, fila)
               FILTER (WHERE observacion IS NOT NULL)                     AS observaciones
    FROM verificacion_resultado
    WHERE nivel = 'criterio'
    GROUP BY ALL
),
pesos AS (
    SELECT *,
           CASE WHEN n_sustantivos > 0 AND n_adjetivos > 0 THEN $sustantivos
                WHEN n_sustantivos > 0 THEN 1.0 ELSE 0.0 END AS peso_sustantivos,
           CASE WHEN n_sustantivos > 0 AND n_adjetivos > 0 THEN $adjetivos
                WHEN n_adjetivos > 0 THEN 1.0 ELSE 0.0 END AS peso_adjetivos
    FROM criterios
),
puntajes AS (
    SELECT verificacion_id, ente_id, ley_version, articulo, fraccion, 'criterio' AS nivel, n_criterios,
           n_sustantivos, n_adjetivos, media_sustantivos, media_adjetivos, peso_sustantivos, peso_adjetivos,
           -- rounded so that 0.8 × 1 + 0.2 × 1 compares equal to the threshold 100
           round(100 * (peso_sustantivos * coalesce(media_sustantivos, 0)
                        + peso_adjetivos * coalesce(media_adjetivos, 0)), 6) AS puntaje,
           observaciones
    FROM pesos
    UNION ALL
    SELECT verificacion_id, ente_id, ley_version, articulo, fraccion, 'fraccion', NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, porcentaje, observacion
    FROM verificacion_resultado
    WHERE nivel = 'fraccion'
)
SELECT p.*, o.clave_historica, o.peso AS peso_fraccion, p.puntaje < $umbral AS incumplida
FROM puntajes p
JOIN obligacion o USING (ley_version, articulo, fraccion)
-- In key order: the row order, which sums over this table follow (indice_ente), never depends on the query plan,
-- and a page reading one review skips the rest by the blocks' min/max.
ORDER BY verificacion_id, ente_id, ley_version, articulo, fraccion;
