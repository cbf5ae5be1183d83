-- Entes a user can pick: those in force plus any that has data.
SELECT e.ente_id, e.nombre_oficial, e.siglas, e.categoria, e.grupo_pares, e.vigente_hasta
FROM ente e
WHERE e.vigente_hasta IS NULL
   OR e.ente_id IN (SELECT DISTINCT ente_id FROM base_solicitud_mes)
ORDER BY e.nombre_oficial
