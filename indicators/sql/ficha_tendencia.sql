-- The ente's monthly index over the 12 months ending with the period.
SELECT periodo, valor FROM indicador_valor
WHERE nivel = 'ente' AND clave = $ente AND indicador = 'indice_desempeno' AND tipo_periodo = 'mes'
  AND periodo_inicio < $hasta AND periodo_inicio >= $hasta - INTERVAL 12 MONTH
ORDER BY periodo
