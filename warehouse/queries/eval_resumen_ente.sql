-- Verifiers' and citizens' results of one ente in one period, side by side (indicador_valor; nivel 'ente' and its
-- history through predecessors, as the Ficha reads).
SELECT v.indicador, i.nombre, i.unidad, v.valor, v.numerador, v.denominador, v.suficiente, i.denominador_minimo
FROM indicador_valor v JOIN indicador i USING (indicador)
WHERE v.nivel IN ('ente', 'linaje') AND v.clave = $ente AND v.tipo_periodo = $tipo_periodo AND v.periodo = $periodo
  AND (v.indicador = 'indice_cumplimiento_obligaciones' OR v.indicador LIKE 'evaluacion\_ciudadana\_%' ESCAPE '\')
ORDER BY i.orden
