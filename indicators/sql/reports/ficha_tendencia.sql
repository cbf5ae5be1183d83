-- The ente's monthly index over the 12 months ending with the period, through its predecessors (nivel 'linaje'). An
-- index from fewer than two dimensions is not drawn as a number (NULL: a gap).
SELECT periodo, CASE WHEN suficiente THEN valor END AS valor FROM indicador_valor
WHERE nivel IN ('ente', 'linaje') AND clave = $ente AND indicador = 'indice_desempeno' AND tipo_periodo = 'mes'
  AND periodo_inicio < $hasta AND periodo_inicio >= $hasta - INTERVAL 12 MONTH
ORDER BY periodo
