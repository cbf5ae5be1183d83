-- The index's components of one ente in one period (what indicators/sql/index/indice.sql weighed), with each
-- indicator's target and the rule that turns its value into a 0–100 score: the input of indicators/acciones.py.
SELECT c.dimension, c.indicador, i.nombre, i.unidad, i.meta, i.orden, c.valor, c.puntaje,
       c.peso_dimension_norm, c.peso_componente_norm, r.cero, r.cien, r.peso
FROM indice_componente c
JOIN indicador i ON i.indicador = c.indicador
JOIN indice_regla r ON r.dimension = c.dimension AND r.indicador = c.indicador
WHERE c.ente_id = $ente AND c.tipo_periodo = $tipo_periodo AND c.periodo = $periodo
ORDER BY i.orden
