-- Follow-up of every failed fracción: the next review of the same ente that evaluated it decides whether it was
-- solventada (score ≥ $umbral) or is reincidente. Within one law the same fracción is followed; after a change of
-- law, its equivalent (same clave_historica). No later evaluation yet: pendiente.
-- The two ways of being "the same fracción" are two equi-joins (same law and fracción; another law and the same
-- clave_historica: disjoint), not one join with an OR, which would pair every evaluation of an ente with every
-- later one (billions of pairs for thousands of entes × 48 fracciones × 12 months).
INSERT INTO seguimiento_fraccion BY NAME
WITH evaluadas AS (
    SELECT f.*, v.fecha, v.mes FROM indice_fraccion f JOIN verificacion v USING (verificacion_id)
),
fallidas AS (
    SELECT ente_id, verificacion_id, fecha, ley_version, articulo, fraccion, clave_historica, puntaje
    FROM evaluadas WHERE incumplida
),
candidatas AS (
    SELECT f.*, n.verificacion_id AS verificacion_siguiente, n.fecha AS fecha_siguiente, n.mes AS mes_siguiente,
           n.ley_version AS ley_version_siguiente, n.articulo AS articulo_siguiente,
           n.fraccion AS fraccion_siguiente, n.puntaje AS puntaje_siguiente
    FROM fallidas f
    JOIN evaluadas n ON n.ente_id = f.ente_id AND n.ley_version = f.ley_version AND n.articulo = f.articulo
                    AND n.fraccion = f.fraccion AND n.fecha > f.fecha
    UNION ALL
    SELECT f.*, n.verificacion_id, n.fecha, n.mes, n.ley_version, n.articulo, n.fraccion, n.puntaje
    FROM fallidas f
    JOIN evaluadas n ON n.ente_id = f.ente_id AND n.ley_version <> f.ley_version
                    AND n.clave_historica = f.clave_historica AND n.fecha > f.fecha
    UNION ALL   -- no later evaluation: one row without a next one (sorted after any real one)
    SELECT f.*, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM fallidas f
),
siguiente AS (
    -- The earliest later review decides; within it the lowest score (two fracciones of one review can share a
    -- clave_historica), and then the fracción itself, so that the choice never depends on row order.
    SELECT * FROM candidatas
    QUALIFY row_number() OVER (PARTITION BY ente_id, verificacion_id, ley_version, articulo, fraccion
                               ORDER BY fecha_siguiente NULLS LAST, verificacion_siguiente, puntaje_siguiente,
                                        articulo_siguiente, fraccion_siguiente) = 1
)
SELECT *,
       CASE WHEN verificacion_siguiente IS NULL THEN 'pendiente'
            WHEN puntaje_siguiente >= $umbral THEN 'solventada'
            ELSE 'reincidente' END AS estado
FROM siguiente;
