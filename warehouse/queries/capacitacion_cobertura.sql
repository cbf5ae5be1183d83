-- Training coverage of every ente (or one group, or one ente) in one period: values with their counts.
SELECT v.clave AS ente_id, v.nombre, e.siglas, v.grupo_pares,
       max(v.numerador) FILTER (WHERE v.indicador = 'personas_capacitadas')             AS personas_periodo,
       max(v.numerador) FILTER (WHERE v.indicador = 'horas_persona_capacitacion')       AS horas_persona,
       max(v.numerador) FILTER (WHERE v.indicador = 'pct_personal_capacitado')          AS personas_acum,
       max(v.denominador) FILTER (WHERE v.indicador = 'pct_personal_capacitado')        AS total_personal,
       max(v.valor) FILTER (WHERE v.indicador = 'pct_personal_capacitado')              AS pct_personal,
       max(v.numerador) FILTER (WHERE v.indicador = 'pct_personal_ut_capacitado')       AS personas_ut_acum,
       max(v.denominador) FILTER (WHERE v.indicador = 'pct_personal_ut_capacitado')     AS personal_ut,
       max(v.valor) FILTER (WHERE v.indicador = 'pct_personal_ut_capacitado')           AS pct_ut,
       max(v.valor) FILTER (WHERE v.indicador = 'pct_aprobacion_capacitacion')          AS pct_aprobacion,
       max(v.numerador) FILTER (WHERE v.indicador = 'pct_institucion_100_capacitada')   AS ente_100,
       max(v.denominador) FILTER (WHERE v.indicador = 'pct_institucion_100_capacitada') AS con_plantilla,
       max(v.numerador) FILTER (WHERE v.indicador = 'pct_comite_capacitado')            AS personas_comite_acum,
       max(v.denominador) FILTER (WHERE v.indicador = 'pct_comite_capacitado')          AS integrantes_comite,
       max(v.numerador) FILTER (WHERE v.indicador = 'titular_ut_certificado')           AS titular_certificado,
       max(v.denominador) FILTER (WHERE v.indicador = 'titular_ut_certificado')         AS informa_certificacion
FROM indicador_valor v
LEFT JOIN ente e ON e.ente_id = v.clave
WHERE v.nivel = 'ente' AND v.tipo_periodo = $tipo_periodo AND v.periodo = $periodo
  AND v.indicador IN ('personas_capacitadas', 'horas_persona_capacitacion', 'pct_personal_capacitado',
                      'pct_personal_ut_capacitado', 'pct_aprobacion_capacitacion', 'pct_institucion_100_capacitada',
                      'pct_comite_capacitado', 'titular_ut_certificado')
  AND ($grupo IS NULL OR v.grupo_pares = $grupo)
  AND ($ente IS NULL OR v.clave = $ente)
GROUP BY ALL
ORDER BY v.nombre
