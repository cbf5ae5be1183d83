-- Requests of a period still being processed within their legal deadline at the cut-off date (those that keep
-- the period preliminary), and the requests received in it. Optional ente.
SELECT coalesce(sum(abiertas_en_plazo), 0)::BIGINT AS en_tramite,
       coalesce(sum(recibidas), 0)::BIGINT AS recibidas
FROM base_solicitud_mes
WHERE mes >= $desde AND mes < $hasta AND ($ente IS NULL OR ente_id = $ente)
