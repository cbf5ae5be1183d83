-- Every fracción scored below 100 in the review whose result is in force for the ente at the end of the period
-- (verificacion_vigente at its last month: the review the verification indicator stands on, of the first type of
-- tipos_indice with a result in force), with what it weighs. peso_total is the weight of every fracción evaluated
-- in that review (the indicator's denominator) and suma_puntaje its numerator, so indicators/acciones.py can check
-- they give the indicator's value.
WITH vigente AS (
    SELECT verificacion_id FROM verificacion_vigente
    WHERE ente_id = $ente AND mes >= $desde AND mes < $hasta
    ORDER BY mes DESC LIMIT 1
),
revisadas AS (
    SELECT f.*, e.fecha
    FROM indice_fraccion f JOIN indice_ente e USING (verificacion_id, ente_id)
    WHERE f.ente_id = $ente AND f.verificacion_id IN (SELECT verificacion_id FROM vigente)
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
