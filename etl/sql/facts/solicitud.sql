-- stg_solicitud (good rows) → solicitud; etl/staging/solicitudes.py then deletes the copies solicitud_reemplazo.sql
-- discarded.
-- Parameter $corte: the data cut-off date, used to decide whether an unanswered request is already overdue.
INSERT INTO solicitud BY NAME
WITH latest AS (
    SELECT *, dias_respuesta + CASE WHEN ampliacion THEN dias_ampliacion ELSE 0 END AS plazo
    FROM stg_solicitud WHERE motivo IS NULL
),
started AS (
    -- Day 0 of the term (etl/sql/functions/plazo.sql, the same macros the deadline calculator runs): the receipt;
    -- after a prevención, its desahogo (the term starts again the day after); a prevención with no desahogo date
    -- (or no date at all: only the Sí of the source) leaves no computable term.
    SELECT l.*,
           inicio_del_plazo(l.f_recepcion,
                            prevencion := CASE WHEN l.prevencion_final THEN coalesce(l.f_prevencion, l.f_recepcion) END,
                            desahogo := l.f_desahogo) AS f_inicio
    FROM latest l
),
limited AS (
    -- The deadline that applies, in this order: computed from day 0; for a prevención without its dates, the one
    -- the platform stated (FechaLimite); else none ("plazo no determinable": en_plazo stays NULL).
    SELECT s.*,
           CASE WHEN s.f_inicio IS NOT NULL THEN plazo_vence(s.f_inicio, s.plazo) ELSE s.f_limite_fuente END AS f_limite,
           CASE WHEN s.f_desahogo IS NOT NULL THEN 'desahogo'
                WHEN s.f_inicio IS NOT NULL THEN 'ley'
                WHEN s.f_limite_fuente IS NOT NULL THEN 'fuente'
                ELSE 'no_determinable' END AS limite_origen
    FROM started s
),
timed AS (
    -- Business days are counted from day 0 when it is known, else from the receipt. On time: answered on or
    -- before the deadline's business day (an answer on the Saturday after a Friday deadline is on time).
    SELECT l.*,
           dias_habiles_entre(coalesce(l.f_inicio, l.f_recepcion), l.f_respuesta) AS dias_respuesta_habiles,
           dias_habiles_entre(l.f_limite, l.f_respuesta) AS respuesta_tras_limite,
           dias_habiles_entre(l.f_limite, $corte) AS corte_tras_limite,
           dias_habiles_entre(l.f_recepcion, l.f_prevencion) AS dias_a_prevencion
    FROM limited l
)
SELECT
    t.folio, a.layout, t.ente_id, t.tipo AS tipo_solicitud, t.derecho_arcop, t.medio_entrada,
    t.f_presentacion AS fecha_presentacion, t.f_recepcion AS fecha_recepcion,
    t.fuera_de_horario AS recibida_fuera_de_horario,
    date_trunc('month', t.f_recepcion)::DATE AS mes,
    t.f_respuesta AS fecha_respuesta, t.f_limite AS fecha_limite, t.limite_origen AS fecha_limite_origen,
    t.f_limite_fuente AS fecha_limite_fuente, t.f_prevencion AS fecha_prevencion, t.f_desahogo AS fecha_desahogo,
    t.estatus AS estatus_original, t.respuesta AS respuesta_original, t.estado_final AS estado,
    -- An afirmativa ficta says the ente did not answer in time, whatever state the platform shows.
    CASE WHEN t.resp_cat = 'afirmativa_ficta' THEN 'afirmativa_ficta'
         WHEN t.estado_final = 'desechada' THEN 'desechada'
         WHEN t.estado_final IN ('en_proceso', 'en_espera_solicitante') THEN 'en_proceso'
         ELSE coalesce(t.resp_cat, 'sin_dato') END AS respuesta_categoria,
    t.prevencion_final AS hubo_prevencion, t.ampliacion AS hubo_ampliacion, t.queja AS hubo_queja, t.ley_version,
    t.plazo AS plazo_dias,
    CASE WHEN t.resp_cat IS DISTINCT FROM 'afirmativa_ficta'  -- a ficta is no answer: no days to answer
         THEN greatest(t.dias_respuesta_habiles, 0) END AS dias_habiles_respuesta,  -- filing weekend: 0, never -1
    CASE WHEN t.resp_cat = 'afirmativa_ficta' THEN FALSE
         WHEN t.estado_final = 'terminada' AND t.f_respuesta IS NOT NULL THEN t.respuesta_tras_limite <= 0
         WHEN t.estado_final = 'en_proceso' AND t.f_respuesta IS NULL AND t.corte_tras_limite > 0 THEN FALSE
    END AS en_plazo,
    -- Sub-deadlines, each with its own term (plazo_legal.csv): a notoria incompetencia declared by day 3 (counted
    -- like the answer: from the receipt, or from the desahogo after a prevención), a prevención issued by day 5 from
    -- the receipt. Only with the dates in the source; an incompetence on day 9 is in the 10-day term, not in its own.
    CASE WHEN t.estado_final = 'terminada' AND t.resp_cat = 'incompetencia' AND t.f_respuesta IS NOT NULL
         THEN greatest(t.dias_respuesta_habiles, 0) <= t.dias_incompetencia END AS incompetencia_en_plazo,
    t.dias_a_prevencion <= t.dias_prevencion AS prevencion_en_plazo,
    t.carga_id, t.fila
FROM timed t
JOIN lectura.archivo_leido a ON a.carga_id = t.carga_id;
