-- Every indicator of one unit (gobierno 'GEQROO', a grupo or an ente) for some periods.
SELECT periodo, periodo_inicio, indicador, valor, numerador, denominador, suficiente
FROM indicador_valor
WHERE nivel = $nivel AND clave = $clave AND tipo_periodo = $tipo_periodo
  AND list_contains($periodos, periodo)
ORDER BY periodo_inicio, indicador
