-- Time series of some indicators for one unit.
SELECT periodo, periodo_inicio, indicador, valor, numerador, denominador, suficiente, fuente
FROM indicador_valor
WHERE nivel = $nivel AND clave = $clave AND tipo_periodo = $tipo_periodo
  AND list_contains($indicadores, indicador)
ORDER BY indicador, periodo_inicio
