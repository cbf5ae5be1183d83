-- The newest period of a kind in which the government's index has enough data (3 entes with an index or more).
SELECT periodo
FROM indicador_valor
WHERE nivel = 'gobierno' AND indicador = 'indice_desempeno' AND tipo_periodo = $tipo_periodo AND suficiente
ORDER BY periodo_inicio DESC
LIMIT 1
