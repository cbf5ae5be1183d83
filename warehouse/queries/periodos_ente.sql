-- Periods of one kind in which an ente is in force and has values (an ente that ended is not offered for the
-- periods after its end), newest first.
SELECT DISTINCT periodo, periodo_inicio
FROM indicador_valor
WHERE nivel = 'ente' AND clave = $ente AND tipo_periodo = $tipo_periodo
ORDER BY periodo_inicio DESC
