-- Requests of a period that are still being processed (within their deadline or waiting for the requester):
-- while there are some, the period's percentages can still change. Optional ente.
SELECT coalesce(sum(pendientes - vencidas_sin_respuesta), 0)::BIGINT AS en_tramite,
       coalesce(sum(recibidas), 0)::BIGINT AS recibidas
FROM base_solicitud_mes
WHERE mes >= $desde AND mes < $hasta AND ($ente IS NULL OR ente_id = $ente)
