-- stg_solicitud (good rows) → solicitud; etl/staging/solicitudes.py then deletes the copies solicitud_reemplazo.sql
-- discarded.
-- Parameter $corte: the data cut-off date, used to decide whether an unanswered request is already overdue.
INSERT INTO solicitud BY NAME
WITH latest AS (
    SELECT *, dias_respuesta + CASE WHEN ampliacion THEN dias_ampliacion ELSE 0 END AS plazo
    FROM stg_solicitud WHERE motivo IS NULL
),
timed AS (
    -- The deadline macros (etl/sql/functions/plazo.sql): the same ones the deadline calculator runs.
    SELECT l.*,
           plazo_vence(l.f_recepcion, l.plazo) AS f_limite,
           dias_habiles_entre(l.f_recepcion, l.f_respuesta) AS dias_respuesta_habiles,
           dias_habiles_entre(l.f_recepcion, $corte) AS dias_al_corte
    FROM latest l
)
SELECT
    t.folio, a.layout, t.ente_id, t.tipo AS tipo_solicitud, t.derecho_arcop, t.medio_entrada,
    t.f_presentacion AS fecha_presentacion, t.f_recepcion AS fecha_recepcion,
    t.fuera_de_horario AS recibida_fuera_de_horario,
    date_trunc('month', t.f_recepcion)::DATE AS mes,
    t.f_respuesta AS fecha_respuesta, t.f_limite AS fecha_limite, t.f_limite_fuente AS fecha_limite_fuente,
    t.estatus AS estatus_original, t.respuesta AS respuesta_original, t.estado_final AS estado,
    CASE WHEN t.estado_final = 'desechada' THEN 'desechada'
         WHEN t.estado_final IN ('en_proceso', 'en_espera_solicitante') THEN 'en_proceso'
         ELSE coalesce(t.resp_cat, 'sin_dato') END AS respuesta_categoria,
    t.prevencion_final AS hubo_prevencion, t.ampliacion AS hubo_ampliacion, t.queja AS hubo_queja, t.ley_version,
    t.plazo AS plazo_dias,
    greatest(t.dias_respuesta_habiles, 0) AS dias_habiles_respuesta,  -- answered on its filing weekend: 0, never -1
    CASE WHEN t.estado_final = 'terminada' AND t.f_respuesta IS NOT NULL THEN t.dias_respuesta_habiles <= t.plazo
         WHEN t.estado_final = 'en_proceso' AND t.f_respuesta IS NULL AND t.dias_al_corte > t.plazo THEN FALSE
    END AS en_plazo,
    t.carga_id, t.fila
FROM timed t
JOIN lectura.archivo_leido a ON a.carga_id = t.carga_id;
