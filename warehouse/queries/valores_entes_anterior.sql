-- One indicator in the previous period for the entes in force in the current one, each through its predecessors
-- when it was not in force yet (nivel 'linaje'): the ranking's movement compares an ente with its own past.
SELECT v.clave AS ente_id, v.nombre, e.siglas, v.grupo_pares, v.valor, v.numerador, v.denominador, v.suficiente
FROM indicador_valor v
LEFT JOIN ente e ON e.ente_id = v.clave
WHERE v.nivel IN ('ente', 'linaje') AND v.indicador = $indicador AND v.tipo_periodo = $tipo_periodo
  AND v.periodo = $anterior AND ($grupo IS NULL OR v.grupo_pares = $grupo)
  AND v.clave IN (SELECT clave FROM indicador_valor WHERE nivel = 'ente' AND indicador = $indicador
                  AND tipo_periodo = $tipo_periodo AND periodo = $periodo)
ORDER BY v.nombre
