-- Every ente × fracción where citizens and verifiers disagree in the 12 months that end with $mes, largest
-- difference first (comparacion_ciudadana; the threshold is indicators/comparison.py's).
SELECT c.ente_id, e.nombre_oficial, e.siglas, c.articulo, c.fraccion, c.obligacion, c.evaluaciones,
       c.pct_encontrada, c.evaluaciones_verificacion, c.puntaje_verificacion, c.diferencia
FROM comparacion_ciudadana c JOIN ente e USING (ente_id)
WHERE c.mes = $mes AND c.desacuerdo
ORDER BY abs(c.diferencia) DESC, e.nombre_oficial, c.articulo, c.orden, c.fraccion
