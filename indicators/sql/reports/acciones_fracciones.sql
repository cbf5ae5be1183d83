-- Every fracción scored below 100 in the ente's reviews of the period (the reviews whose month the verification
-- indicator counts, base_verificacion_mes.sql), with what it weighs: a fracción failed in two reviews of a quarter
-- adds both shortfalls. peso_total is the weight of every fracción evaluated in those reviews (the indicator's
-- denominator) and suma_puntaje its numerator, so indicators/acciones.py can check they give the indicator's value.
WITH revisadas AS (
    SELECT f.*, e.fecha
    FROM indice_fraccion f JOIN indice_ente e USING (verificacion_id, ente_id)
    WHERE f.ente_id = $ente AND e.mes >= $desde AND e.mes < $hasta
),
totales AS (
    SELECT sum(peso_fraccion) AS peso_total, sum(peso_fraccion * puntaje) AS suma_puntaje FROM revisadas
)
SELECT r.ley_version, r.articulo, r.fraccion, any_value(o.nombre) AS nombre, any_value(o.orden) AS orden,
       sum(r.peso_fraccion * (100 - r.puntaje)) AS faltante,
       arg_max(r.puntaje, r.fecha) AS puntaje,
       arg_max(r.observaciones, r.fecha) AS observaciones,
       any_value(t.peso_total) AS peso_total, any_value(t.suma_puntaje) AS suma_puntaje
FROM revisadas r
CROSS JOIN totales t
LEFT JOIN obligacion o USING (ley_version, articulo, fraccion)
WHERE r.puntaje < 100
GROUP BY r.ley_version, r.articulo, r.fraccion
ORDER BY r.ley_version, r.articulo, orden, r.fraccion
