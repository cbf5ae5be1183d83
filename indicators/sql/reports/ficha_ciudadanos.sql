-- Citizens beside the verifiers for one ente: the period's values of both sides (indicador_valor) and the fracciones
-- where they disagree most in the 12 months that end with the period's last month (comparacion_ciudadana).
SELECT 'valor' AS parte, i.nombre AS texto, v.valor, v.denominador AS casos, v.suficiente, i.unidad, NULL AS diferencia,
       NULL::DOUBLE AS verificadores, i.orden
FROM indicador_valor v JOIN indicador i USING (indicador)
WHERE v.nivel IN ('ente', 'linaje') AND v.clave = $ente AND v.tipo_periodo = $tipo_periodo AND v.periodo = $periodo
  AND v.indicador IN ('indice_cumplimiento_obligaciones', 'evaluacion_ciudadana_evaluaciones',
                      'evaluacion_ciudadana_pct_encontrada')
UNION ALL
SELECT 'desacuerdo', obligacion || ' (art. ' || articulo || ', fr. ' || fraccion || ')', pct_encontrada, evaluaciones,
       TRUE, '%', diferencia, puntaje_verificacion, row_number() OVER (ORDER BY abs(diferencia) DESC, orden)
FROM comparacion_ciudadana
WHERE ente_id = $ente AND mes = $mes AND desacuerdo
ORDER BY parte DESC, orden
