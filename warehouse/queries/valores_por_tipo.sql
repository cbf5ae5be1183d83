-- The request indicators of one unit and period read three ways: both types of request together (indicador_valor,
-- what the index uses), información pública alone and ARCOP (datos_personales) alone (indicador_valor_tipo). An
-- ente's values in periods it was not in force in come from its predecessors (nivel 'linaje'), as in valores_nivel.
WITH v AS (
    SELECT indicador, valor, suficiente, nivel FROM indicador_valor
    WHERE (nivel = $nivel OR ($nivel = 'ente' AND nivel = 'linaje')) AND clave = $clave
      AND tipo_periodo = $tipo_periodo AND periodo = $periodo
),
t AS (
    SELECT indicador, tipo_solicitud, valor, denominador, suficiente, nivel FROM indicador_valor_tipo
    WHERE (nivel = $nivel OR ($nivel = 'ente' AND nivel = 'linaje')) AND clave = $clave
      AND tipo_periodo = $tipo_periodo AND periodo = $periodo
)
SELECT i.indicador, i.nombre, i.unidad,
       v.valor AS ambos, v.suficiente AS ambos_suficiente,
       ip.valor AS informacion_publica, ip.suficiente AS informacion_publica_suficiente,
       dp.valor AS datos_personales, dp.suficiente AS datos_personales_suficiente
FROM indicador i
JOIN v ON v.indicador = i.indicador
LEFT JOIN t ip ON ip.indicador = i.indicador AND ip.nivel = v.nivel AND ip.tipo_solicitud = 'informacion_publica'
LEFT JOIN t dp ON dp.indicador = i.indicador AND dp.nivel = v.nivel AND dp.tipo_solicitud = 'datos_personales'
WHERE i.indicador IN (SELECT DISTINCT indicador FROM indicador_valor_tipo)
ORDER BY i.orden
