-- Periods with government-wide values for one kind of period, newest first.
SELECT DISTINCT periodo, periodo_inicio
FROM indicador_valor
WHERE nivel = 'gobierno' AND tipo_periodo = $tipo_periodo
ORDER BY periodo_inicio DESC
