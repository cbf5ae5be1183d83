-- Published quarterly figures per ente, only where the ente reported (a blank row has no value, not 0).
INSERT INTO base_estadistica_trimestre
SELECT ente_id, periodo_inicio, total,
       tiempo_promedio * total,
       CASE WHEN tiempo_promedio IS NOT NULL THEN total END,
       competencia, competencia + no_competencia,
       tiempo_promedio, (tiempo_promedio IS NOT NULL)::BIGINT
FROM solicitud_estadistica
WHERE reportado;
