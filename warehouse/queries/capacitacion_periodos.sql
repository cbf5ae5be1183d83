-- Periods with government-wide training values for one kind of period, newest first.
SELECT DISTINCT v.periodo, v.periodo_inicio
FROM indicador_valor v JOIN indicador i USING (indicador)
WHERE v.nivel = 'gobierno' AND v.tipo_periodo = $tipo_periodo AND i.dimension = 'capacitacion'
ORDER BY v.periodo_inicio DESC
