-- Every review of one ente, in date order: index, change, failing fracciones and follow-up decided in it.
SELECT i.verificacion_id, v.tipo, v.periodo_evaluado, i.fecha, i.mes, i.ley_version, i.indice, i.variacion,
       i.fracciones_evaluadas, i.fracciones_incumplidas,
       (SELECT count(*) FROM seguimiento_fraccion s
        WHERE s.ente_id = i.ente_id AND s.verificacion_siguiente = i.verificacion_id AND s.estado = 'solventada') AS solventadas,
       (SELECT count(*) FROM seguimiento_fraccion s
        WHERE s.ente_id = i.ente_id AND s.verificacion_siguiente = i.verificacion_id AND s.estado = 'reincidente') AS reincidentes
FROM indice_ente i JOIN verificacion v USING (verificacion_id)
WHERE i.ente_id = $ente
ORDER BY i.fecha, i.verificacion_id
