-- Courses that started in [desde, hasta) by theme and modality, with attendance of the chosen entes.
SELECT c.tema, c.modalidad, count(DISTINCT c.curso_id) AS cursos,
       count(a.persona_id) FILTER (WHERE a.asistio) AS asistencias,
       coalesce(sum(c.horas) FILTER (WHERE a.asistio), 0) AS horas_persona
FROM curso c
LEFT JOIN asistencia a ON a.curso_id = c.curso_id
     AND ($ente IS NULL OR a.ente_id = $ente)
     AND ($grupo IS NULL OR a.ente_id IN (SELECT ente_id FROM ente WHERE grupo_pares = $grupo))
WHERE c.impartido AND c.fecha_inicio >= $desde AND c.fecha_inicio < $hasta
GROUP BY ALL
ORDER BY c.tema, c.modalidad
