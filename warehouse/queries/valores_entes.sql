-- One indicator for every ente in a period, optionally within one peer group.
SELECT v.clave AS ente_id, v.nombre, e.siglas, v.grupo_pares,
       v.valor, v.numerador, v.denominador, v.suficiente
FROM indicador_valor v
LEFT JOIN ente e ON e.ente_id = v.clave
WHERE v.nivel = 'ente' AND v.indicador = $indicador
  AND v.tipo_periodo = $tipo_periodo AND v.periodo = $periodo
  AND ($grupo IS NULL OR v.grupo_pares = $grupo)
ORDER BY v.nombre
