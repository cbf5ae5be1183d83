-- Everything one printable ficha needs for every ente in one period (one row per ente with an index).
SELECT v.clave AS ente_id, v.nombre, e.siglas, v.grupo_pares, v.valor AS indice, v.suficiente,
       i.dimensiones_faltantes, x.texto AS explicacion, x.periodo_anterior, x.cambio
FROM indicador_valor v
JOIN ente e ON e.ente_id = v.clave
JOIN indice_desempeno i ON i.ente_id = v.clave AND i.tipo_periodo = v.tipo_periodo AND i.periodo = v.periodo
LEFT JOIN indice_explicacion x ON x.ente_id = v.clave AND x.tipo_periodo = v.tipo_periodo AND x.periodo = v.periodo
WHERE v.nivel = 'ente' AND v.indicador = 'indice_desempeno' AND v.tipo_periodo = $tipo_periodo
  AND v.periodo = $periodo
ORDER BY v.clave
