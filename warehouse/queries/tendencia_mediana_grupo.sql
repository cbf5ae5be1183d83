-- The median per ente of some indicators in one peer group, month by month: what an ente's count is compared with
-- (a group's total beside one ente's count would dwarf it). Only the entes of the group with a value count.
SELECT periodo, any_value(periodo_inicio) AS periodo_inicio, indicador, median(valor) AS valor
FROM indicador_valor
WHERE nivel = 'ente' AND grupo_pares = $grupo AND tipo_periodo = $tipo_periodo AND list_contains($indicadores, indicador)
  AND valor IS NOT NULL
GROUP BY periodo, indicador
ORDER BY indicador, periodo_inicio
