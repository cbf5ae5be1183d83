-- Row counts of the tables pages depend on, to tell "no data for this source yet" apart from an error.
SELECT
    (SELECT count(*) FROM solicitud)          AS solicitud,
    (SELECT count(*) FROM recurso_revision)   AS recurso_revision,
    (SELECT count(*) FROM base_solicitud_mes) AS base_solicitud_mes,
    (SELECT count(*) FROM hist_dias)          AS hist_dias,
    (SELECT count(*) FROM indicador)          AS indicador,
    (SELECT count(*) FROM indicador_valor)    AS indicador_valor,
    (SELECT count(*) FROM carga)              AS carga,
    (SELECT count(*) FROM rechazo)            AS rechazo,
    (SELECT count(*) FROM asistencia)         AS asistencia,
    (SELECT count(*) FROM verificacion_resultado) AS verificacion_resultado,
    (SELECT count(*) FROM solicitud_estadistica)  AS solicitud_estadistica
