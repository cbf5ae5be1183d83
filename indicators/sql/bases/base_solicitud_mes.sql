-- Counts per ente × cohort month (the month the request was officially received) × type of request (información
-- pública or datos personales: ARCOP apart). Every roll-up of every request indicator is a sum of these columns, so
-- quarters, years, groups and both types together never average percentages. An appeal takes its request's type;
-- one whose folio names no loaded request has none (tipo_solicitud NULL): it counts only with both types together.
INSERT INTO base_solicitud_tipo_mes BY NAME
WITH cuenta AS (
    -- Which response counts each answer category enters (data/catalogos/categoria_respuesta.csv, Metodología's table
    -- of values): a refusal to process is a final answer but not a competent one, a partial delivery in versión
    -- pública is a delivery and also classified, an afirmativa ficta is overdue without an answer.
    SELECT categoria,
           list_contains(entra_en, 'con_respuesta_final') AS final, list_contains(entra_en, 'resp_entrega') AS entrega,
           list_contains(entra_en, 'resp_inexistencia') AS inexistencia,
           list_contains(entra_en, 'resp_incompetencia') AS incompetencia,
           list_contains(entra_en, 'resp_clasificada') AS clasificada,
           list_contains(entra_en, 'resp_competente') AS competente,
           list_contains(entra_en, 'vencidas_sin_respuesta') AS vencida
    FROM categoria_respuesta
),
req AS (
    SELECT s.ente_id, s.mes, CAST(s.tipo_solicitud AS VARCHAR) AS tipo_solicitud,
        count(*)                                                          AS recibidas,
        count(en_plazo)                                                   AS con_plazo_determinado,
        count(*) FILTER (WHERE en_plazo)                                  AS en_plazo,
        count(dias_habiles_respuesta) FILTER (WHERE estado = 'terminada') AS respondidas,
        coalesce(sum(dias_habiles_respuesta) FILTER (WHERE estado = 'terminada'), 0) AS suma_dias,
        -- The legal term (ampliación included) of the same answered requests: days used / days allowed.
        coalesce(sum(plazo_dias) FILTER (WHERE estado = 'terminada' AND dias_habiles_respuesta IS NOT NULL), 0)
                                                                          AS suma_plazo,
        count(*) FILTER (WHERE hubo_ampliacion)                           AS con_ampliacion,
        count(*) FILTER (WHERE hubo_prevencion)                           AS con_prevencion,
        count(*) FILTER (WHERE estado = 'terminada' AND k.final)          AS con_respuesta_final,
        count(*) FILTER (WHERE estado = 'terminada' AND k.entrega)        AS resp_entrega,
        count(*) FILTER (WHERE estado = 'terminada' AND k.inexistencia)   AS resp_inexistencia,
        count(*) FILTER (WHERE estado = 'terminada' AND k.incompetencia)  AS resp_incompetencia,
        count(*) FILTER (WHERE estado = 'terminada' AND k.clasificada)    AS resp_clasificada,
        count(*) FILTER (WHERE estado = 'terminada' AND k.competente)     AS resp_competente,
        count(*) FILTER (WHERE en_plazo = FALSE AND (fecha_respuesta IS NULL OR k.vencida))   AS vencidas_sin_respuesta,
        count(*) FILTER (WHERE estado IN ('en_proceso', 'en_espera_solicitante'))                    AS pendientes,
        -- Still being processed and within the legal deadline at the cut-off (fecha_limite, solicitud.sql): these
        -- keep their month preliminary. Requests waiting on the requester do not.
        count(*) FILTER (WHERE estado = 'en_proceso' AND fecha_limite >= corte.fecha)                 AS abiertas_en_plazo,
        -- Answered or in process with no deadline to judge them by (a prevención without dates or FechaLimite):
        -- counted apart, never on time or late.
        count(*) FILTER (WHERE fecha_limite_origen = 'no_determinable'
                           AND estado IN ('terminada', 'en_proceso'))                                  AS plazo_no_determinable,
        -- Sub-deadlines (solicitud.incompetencia_en_plazo, prevencion_en_plazo): judged only where the source dates them.
        count(incompetencia_en_plazo)                                     AS incompetencias_con_fecha,
        count(*) FILTER (WHERE incompetencia_en_plazo)                    AS incompetencias_en_plazo,
        count(prevencion_en_plazo)                                        AS prevenciones_con_fecha,
        count(*) FILTER (WHERE prevencion_en_plazo)                       AS prevenciones_en_plazo
    FROM solicitud s LEFT JOIN cuenta k ON k.categoria = s.respuesta_categoria
    CROSS JOIN (SELECT max(valor)::DATE AS fecha FROM metadatos WHERE clave = 'fecha_corte') corte
    GROUP BY s.ente_id, s.mes, s.tipo_solicitud
),
rec AS (
    SELECT ente_id, mes, tipo_solicitud,
        count(*)                                            AS recursos,
        count(*) FILTER (WHERE sentido <> 'en_tramite')     AS recursos_resueltos,
        -- Resolved on the merits (admitted and decided): the denominator of "modifican o revocan". A desechamiento
        -- or a sobreseimiento never judged the ente's answer: counted apart.
        count(*) FILTER (WHERE sentido IN ('confirma', 'modifica', 'revoca')) AS recursos_fondo,
        count(*) FILTER (WHERE sentido = 'desecha')         AS recursos_desechados,
        count(*) FILTER (WHERE sentido = 'sobresee')        AS recursos_sobreseidos,
        count(*) FILTER (WHERE modifica_o_revoca)           AS recursos_modifican_revocan,
        -- Causes and compliance only where the source says them (the template's optional columns): never guessed.
        count(causa)                                        AS recursos_con_causa,
        count(*) FILTER (WHERE causa = 'falta_respuesta')   AS recursos_falta_respuesta,
        count(*) FILTER (WHERE modifica_o_revoca AND cumplimiento IN ('cumplida', 'incumplida'))
                                                            AS resoluciones_cumplimiento_determinado,
        count(*) FILTER (WHERE modifica_o_revoca AND cumplimiento = 'cumplida') AS resoluciones_cumplidas
    FROM recurso_revision
    GROUP BY ente_id, mes, tipo_solicitud
)
-- A month with appeals and no requests (or the other way round) has zeros, not NULLs, in the other's counts.
SELECT coalesce(req.ente_id, rec.ente_id) AS ente_id, coalesce(req.mes, rec.mes) AS mes,
       coalesce(req.tipo_solicitud, rec.tipo_solicitud) AS tipo_solicitud,
       coalesce(recibidas, 0) AS recibidas, coalesce(con_plazo_determinado, 0) AS con_plazo_determinado,
       coalesce(en_plazo, 0) AS en_plazo, coalesce(respondidas, 0) AS respondidas,
       coalesce(suma_dias, 0) AS suma_dias, coalesce(suma_plazo, 0) AS suma_plazo, coalesce(con_ampliacion, 0) AS con_ampliacion,
       coalesce(con_prevencion, 0) AS con_prevencion, coalesce(con_respuesta_final, 0) AS con_respuesta_final,
       coalesce(resp_entrega, 0) AS resp_entrega, coalesce(resp_inexistencia, 0) AS resp_inexistencia,
       coalesce(resp_incompetencia, 0) AS resp_incompetencia, coalesce(resp_clasificada, 0) AS resp_clasificada,
       coalesce(vencidas_sin_respuesta, 0) AS vencidas_sin_respuesta, coalesce(pendientes, 0) AS pendientes,
       coalesce(recursos, 0) AS recursos, coalesce(recursos_resueltos, 0) AS recursos_resueltos,
       coalesce(recursos_modifican_revocan, 0) AS recursos_modifican_revocan,
       coalesce(recursos_fondo, 0) AS recursos_fondo, coalesce(recursos_desechados, 0) AS recursos_desechados,
       coalesce(recursos_sobreseidos, 0) AS recursos_sobreseidos,
       coalesce(resp_competente, 0) AS resp_competente, coalesce(abiertas_en_plazo, 0) AS abiertas_en_plazo,
       coalesce(plazo_no_determinable, 0) AS plazo_no_determinable,
       coalesce(incompetencias_con_fecha, 0) AS incompetencias_con_fecha,
       coalesce(incompetencias_en_plazo, 0) AS incompetencias_en_plazo,
       coalesce(prevenciones_con_fecha, 0) AS prevenciones_con_fecha,
       coalesce(prevenciones_en_plazo, 0) AS prevenciones_en_plazo,
       coalesce(recursos_con_causa, 0) AS recursos_con_causa,
       coalesce(recursos_falta_respuesta, 0) AS recursos_falta_respuesta,
       coalesce(resoluciones_cumplimiento_determinado, 0) AS resoluciones_cumplimiento_determinado,
       coalesce(resoluciones_cumplidas, 0) AS resoluciones_cumplidas
FROM req FULL OUTER JOIN rec ON req.ente_id = rec.ente_id AND req.mes = rec.mes
                              AND req.tipo_solicitud IS NOT DISTINCT FROM rec.tipo_solicitud;

INSERT INTO base_solicitud_mes BY NAME
SELECT ente_id, mes, CAST(sum(COLUMNS(* EXCLUDE (ente_id, mes, tipo_solicitud))) AS BIGINT)
FROM base_solicitud_tipo_mes
GROUP BY ente_id, mes;

INSERT INTO hist_dias_tipo BY NAME
SELECT ente_id, mes, CAST(tipo_solicitud AS VARCHAR) AS tipo_solicitud, dias_habiles_respuesta AS dias, count(*) AS n
FROM solicitud
WHERE estado = 'terminada' AND dias_habiles_respuesta IS NOT NULL
GROUP BY ALL;

INSERT INTO hist_dias BY NAME
SELECT ente_id, mes, dias, sum(n) AS n FROM hist_dias_tipo GROUP BY ALL;
