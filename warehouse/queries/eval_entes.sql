-- Entes a citizen can evaluate: those in force on $hoy, with where they publish (catalog columns only).
SELECT ente_id, nombre_oficial, siglas, id_sujeto_obligado_pnt, url_portal_transparencia
FROM ente
WHERE coalesce(vigente_desde, DATE '1900-01-01') <= $hoy AND coalesce(vigente_hasta, DATE '9999-12-31') >= $hoy
ORDER BY nombre_oficial
