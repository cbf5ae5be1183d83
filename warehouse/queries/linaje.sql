-- The ente's predecessors (renames, mergers, splits), nearest first, with the date and kind of each change.
SELECT l.distancia, l.antecesor_id, e.nombre_oficial, e.siglas, s.sucesor_id, s.fecha, s.tipo, s.fuente
FROM ente_linaje l
JOIN ente e ON e.ente_id = l.antecesor_id
LEFT JOIN ente_sucesion s ON s.ente_id = l.antecesor_id
WHERE l.ente_id = $ente AND l.distancia > 0
ORDER BY l.distancia, l.antecesor_id
