-- Entes a user can pick: those in force plus any that has data, with where each publishes its obligations.
SELECT e.ente_id, e.nombre_oficial, e.siglas, e.categoria, e.grupo_pares, e.vigente_hasta,
       e.id_sujeto_obligado_pnt, e.url_portal_transparencia  -- links: from the catalog only (common/links.py)
FROM ente e
WHERE e.vigente_hasta IS NULL
   OR e.ente_id IN (SELECT DISTINCT ente_id FROM base_solicitud_mes)
ORDER BY e.nombre_oficial
