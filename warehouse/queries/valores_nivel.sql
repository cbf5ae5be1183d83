-- Every indicator of one unit (gobierno 'GEQROO', a grupo or an ente) for some periods. An ente's values in
-- periods it was not in force in come from its predecessors (nivel 'linaje'): its previous period is its own.
SELECT periodo, periodo_inicio, indicador, valor, numerador, denominador, suficiente
FROM indicador_valor
WHERE (nivel = $nivel OR ($nivel = 'ente' AND nivel = 'linaje')) AND clave = $clave AND tipo_periodo = $tipo_periodo
  AND list_contains($periodos, periodo)
ORDER BY periodo_inicio, indicador
