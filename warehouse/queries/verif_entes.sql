-- Entes with at least one verification result, for the ente picker.
SELECT e.ente_id, e.nombre_oficial, e.siglas, e.grupo_pares, count(*) AS verificaciones, max(i.fecha) AS ultima
FROM indice_ente i JOIN ente e USING (ente_id)
GROUP BY ALL
ORDER BY e.nombre_oficial
