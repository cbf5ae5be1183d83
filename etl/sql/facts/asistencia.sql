-- stg_asistencia (good rows) → asistencia. Only the pseudonymous persona_id travels; the hashes stay behind.
INSERT INTO asistencia BY NAME
SELECT s.curso_id, s.persona_id, s.ente_id, coalesce(s.b_ut, FALSE) AS es_ut, coalesce(s.b_comite, FALSE) AS es_comite,
       s.asistio_final AS asistio, s.calificacion_10 AS calificacion, s.b_constancia AS constancia, s.aprobado,
       s.asistio_final AND coalesce(s.aprobado, TRUE) AS capacitada,
       coalesce(s.f_asistencia, s.c_fin) AS fecha, date_trunc('month', coalesce(s.f_asistencia, s.c_fin))::DATE AS mes,
       s.carga_id, s.archivo, s.fila
FROM stg_asistencia s
WHERE s.motivo IS NULL;
