-- What is failing now for one ente: the latest evaluation of each fracción (followed across a change of law)
-- when it is below the threshold, with the reviewer's observations and whether it was already failing before.
WITH ultima AS (
    SELECT f.*, v.fecha
    FROM indice_fraccion f JOIN verificacion v USING (verificacion_id)
    WHERE f.ente_id = $ente
    QUALIFY row_number() OVER (PARTITION BY f.clave_historica ORDER BY v.fecha DESC, f.verificacion_id DESC) = 1
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
ORDER BY u.puntaje, u.articulo, o.orden
