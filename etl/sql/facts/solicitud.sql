-- stg_solicitud (good rows) → solicitud; etl/staging/solicitudes.py then deletes the copies solicitud_reemplazo.sql
-- discarded.
-- Parameter $corte: the data cut-off date, used to decide whether an unanswered request is already overdue.
INSERT INTO solicitud BY NAME
WITH latest AS (
    SELECT * FROM stg_solicitud WHERE motivo IS NULL
),
timed AS (
    SELECT l.*,
           l.dias_respuesta + CASE WHEN l.ampliacion THEN l.dias_ampliacion ELSE 0 END AS plazo,
           cr.n_habil AS n_recepcion,
           cs.n_habil AS n_respuesta
    FROM latest l
    JOIN calendario cr ON cr.fecha = l.f_recepcion
    LEFT JOIN calendario cs ON cs.fecha = l.f_respuesta
)
SELECT
    t.folio, a.layout, t.ente_id, t.tipo AS tipo_solicitud, t.derecho_arcop, t.medio_entrada,
    t.f_presentacion AS fecha_presentacion, t.f_recepcion AS fecha_recepcion,
    date_trunc('month', t.f_recepcion)::DATE AS mes,
    t.f_respuesta AS fecha_respuesta, lim.fecha AS fecha_limite, t.f_limite_fuente AS fecha_limite_fuente,
    t.estatus AS estatus_original, t.respuesta AS respuesta_original, t.estado_final AS estado,
    CASE WHEN t.estado_final = 'desechada' THEN 'desechada'
         WHEN t.estado_final IN ('en_proceso', 'en_espera_solicitante') THEN 'en_proceso'
         ELSE coalesce(t.resp_cat, 'sin_dato') END AS respuesta_categoria,
    t.prevencion_final AS hubo_prevencion, t.ampliacion AS hubo_ampliacion, t.queja AS hubo_queja, t.ley_version,
    t.plazo AS plazo_dias,
    greatest(t.n_respuesta - t.n_recepcion, 0) AS dias_habiles_respuesta,  -- answered on its filing weekend: 0, never -1
    CASE WHEN t.estado_final = 'terminada' AND t.f_respuesta IS NOT NULL THEN t.n_respuesta - t.n_recepcion <= t.plazo
         WHEN t.estado_final = 'en_proceso' AND t.f_respuesta IS NULL AND corte.n_habil - t.n_recepcion > t.plazo THEN FALSE
    END AS en_plazo,
    t.carga_id, t.fila
FROM timed t
JOIN lectura.archivo_leido a ON a.carga_id = t.carga_id
CROSS JOIN (SELECT n_habil FROM calendario WHERE fecha = $corte) corte
LEFT JOIN calendario lim ON lim.habil AND lim.n_habil = t.n_recepcion + t.plazo;
