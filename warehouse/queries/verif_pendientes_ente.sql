-- What is failing now for one ente: every fracción whose latest evaluation is below the threshold, with the
-- reviewer's observations and whether it was already failing before.
-- An evaluation stops being the latest when a later review of the ente (by date, then verificacion_id) evaluates
-- the same fracción of the same law, or its equivalent in another law (same clave_historica): the same rule as
-- seguimiento_fraccion. Two fracciones of the old law that continue in one of the new law (91-V and 91-VI → 65-V)
-- stay two obligations until a review under the new law evaluates 65-V: each one that fails is listed, and a
-- later review of one of them does not hide the other.
WITH evaluadas AS (
    SELECT f.*, v.fecha
    FROM indice_fraccion f JOIN verificacion v USING (verificacion_id)
    WHERE f.ente_id = $ente
),
ultima AS (
    SELECT e.* FROM evaluadas e
    WHERE NOT EXISTS (
        SELECT 1 FROM evaluadas n
        WHERE n.clave_historica = e.clave_historica
          AND (n.ley_version <> e.ley_version OR (n.articulo = e.articulo AND n.fraccion = e.fraccion))
          AND (n.fecha > e.fecha OR (n.fecha = e.fecha AND n.verificacion_id > e.verificacion_id)))
)
SELECT u.verificacion_id, u.fecha, u.ley_version, u.articulo, u.fraccion, o.nombre AS obligacion, u.puntaje,
       u.observaciones,
       EXISTS (SELECT 1 FROM seguimiento_fraccion s
               WHERE s.ente_id = u.ente_id AND s.verificacion_siguiente = u.verificacion_id
                 AND s.articulo_siguiente = u.articulo AND s.fraccion_siguiente = u.fraccion
                 AND s.estado = 'reincidente') AS reincidente
FROM ultima u
JOIN obligacion o USING (ley_version, articulo, fraccion)
WHERE u.incumplida
ORDER BY u.puntaje, u.articulo, o.orden, u.ley_version, u.fraccion
