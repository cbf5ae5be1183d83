-- stg_recurso (good rows) → recurso_revision. An appeal counts in the cohort month of the request it appeals
-- when its folio is known, else in the month it was filed. The latest row of an expediente wins.
INSERT INTO recurso_revision BY NAME
WITH latest AS (
    SELECT * FROM stg_recurso WHERE motivo IS NULL
    QUALIFY row_number() OVER (PARTITION BY expediente ORDER BY archivo_orden DESC, fila DESC) = 1
)
SELECT l.expediente, l.folio_solicitud, l.ente_id, l.f_interposicion AS fecha_interposicion,
       l.f_resolucion AS fecha_resolucion,
       coalesce(l.sentido_norm, CASE WHEN l.f_resolucion IS NULL THEN 'en_tramite' END) AS sentido,
       l.modifica_o_revoca, l.causa_norm AS causa, l.cumplimiento_norm AS cumplimiento,
       s.tipo_solicitud,  -- of the appealed request, when its folio is known (ARCOP apart)
       coalesce(s.mes, date_trunc('month', l.f_interposicion)::DATE) AS mes,
       l.carga_id, l.archivo, l.fila
FROM latest l
LEFT JOIN solicitud s ON s.folio = l.folio_solicitud;
