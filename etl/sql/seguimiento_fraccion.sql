-- Follow-up of every failed fracción: the next review of the same ente that evaluated it decides whether it was
-- solventada (score ≥ $umbral) or is reincidente. Within one law the same fracción is followed; after a change of
-- law, its equivalent (same clave_historica). No later evaluation yet: pendiente.
INSERT INTO seguimiento_fraccion BY NAME
WITH evaluadas AS (
    SELECT f.*, v.fecha, v.mes FROM indice_fraccion f JOIN verificacion v USING (verificacion_id)
),
siguiente AS (
    SELECT f.ente_id, f.verificacion_id, f.fecha, f.ley_version, f.articulo, f.fraccion, f.clave_historica,
           f.puntaje,
           n.verificacion_id AS verificacion_siguiente, n.fecha AS fecha_siguiente, n.mes AS mes_siguiente,
           n.ley_version AS ley_version_siguiente, n.articulo AS articulo_siguiente,
           n.fraccion AS fraccion_siguiente, n.puntaje AS puntaje_siguiente
    FROM evaluadas f
    LEFT JOIN evaluadas n
           ON n.ente_id = f.ente_id AND n.fecha > f.fecha
          AND ((n.ley_version = f.ley_version AND n.articulo = f.articulo AND n.fraccion = f.fraccion)
               OR (n.ley_version <> f.ley_version AND n.clave_historica = f.clave_historica))
    WHERE f.incumplida
    QUALIFY row_number() OVER (PARTITION BY f.ente_id, f.verificacion_id, f.ley_version, f.articulo, f.fraccion
                               ORDER BY n.fecha NULLS LAST, n.verificacion_id, n.puntaje) = 1
)
SELECT *,
       CASE WHEN verificacion_siguiente IS NULL THEN 'pendiente'
            WHEN puntaje_siguiente >= $umbral THEN 'solventada'
            ELSE 'reincidente' END AS estado
FROM siguiente;
