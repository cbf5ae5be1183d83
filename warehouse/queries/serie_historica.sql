-- Quarterly series of an ente through its predecessors, from the published tables into the PNT records,
-- each value marked by its source and by the ente (predecessor or itself) it belongs to.
SELECT v.periodo, v.periodo_inicio, v.indicador, v.valor, v.numerador, v.denominador, v.fuente, v.clave AS ente_id,
       v.nombre
FROM indicador_valor v
JOIN ente_linaje l ON l.antecesor_id = v.clave AND l.ente_id = $ente
WHERE v.nivel = 'ente' AND v.tipo_periodo = 'trimestre' AND list_contains($indicadores, v.indicador)
ORDER BY v.periodo_inicio, v.indicador
