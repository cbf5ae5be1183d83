-- Time series of some indicators for one unit; an ente's series follows it through its predecessors (nivel
-- 'linaje': the months before it existed, or after a predecessor's rename, re-added from their counts).
-- An index (tipo compuesto) without enough data (fewer than two dimensions; a group mean of fewer than 3 entes)
-- is never drawn as a number: its value is NULL here, a gap in the chart.
SELECT v.periodo, v.periodo_inicio, v.indicador,
       CASE WHEN i.tipo = 'compuesto' AND NOT v.suficiente THEN NULL ELSE v.valor END AS valor,
       v.numerador, v.denominador, v.suficiente, v.fuente
FROM indicador_valor v JOIN indicador i USING (indicador)
WHERE (v.nivel = $nivel OR ($nivel = 'ente' AND v.nivel = 'linaje')) AND v.clave = $clave
  AND v.tipo_periodo = $tipo_periodo AND list_contains($indicadores, v.indicador)
ORDER BY v.indicador, v.periodo_inicio
