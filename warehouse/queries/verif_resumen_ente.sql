-- The latest review of one ente: index, change and failing fracciones (for the Ficha del ente).
SELECT i.verificacion_id, v.tipo, i.fecha, i.indice, i.variacion, i.fracciones_evaluadas,
       i.fracciones_incumplidas, i.fracciones_aplicables
FROM indice_ente i JOIN verificacion v USING (verificacion_id)
WHERE i.ente_id = $ente
ORDER BY i.fecha DESC, i.verificacion_id DESC
LIMIT 1
