-- Every part of one ente's index in one period: the indicator's value, its 0–100 score, its effective weight
-- and its contribution in points (the contributions add up to the index).
SELECT r.dimension_nombre AS dimension, i.nombre AS indicador, i.unidad, c.valor, c.puntaje,
       c.peso_dimension_norm * c.peso_componente_norm AS peso, c.contribucion
FROM indice_componente c
JOIN indicador i ON i.indicador = c.indicador
JOIN (SELECT DISTINCT dimension, dimension_nombre, peso_dimension FROM indice_regla) r ON r.dimension = c.dimension
WHERE c.ente_id = $ente AND c.tipo_periodo = $tipo_periodo AND c.periodo = $periodo
ORDER BY r.peso_dimension DESC, c.contribucion DESC
