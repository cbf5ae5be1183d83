-- stg_asistencia (good rows) → asistencia. Only the pseudonymous persona_id travels; the hashes stay behind.
INSERT INTO asistencia
SELECT s.curso_id, s.persona_id, s.ente_id, coalesce(s.b_ut, FALSE), coalesce(s.b_comite, FALSE), s.asistio_final,
       s.calificacion_10, s.b_constancia, s.aprobado, s.asistio_final AND coalesce(s.aprobado, TRUE),
       coalesce(s.f_asistencia, s.c_fin), date_trunc('month', coalesce(s.f_asistencia, s.c_fin))::DATE,
       s.carga_id, s.archivo, s.fila
FROM stg_asistencia s
WHERE s.motivo IS NULL;
