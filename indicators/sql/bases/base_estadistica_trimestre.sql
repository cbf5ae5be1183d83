-- Published quarterly figures per ente, only where the ente reported (a blank row has no value, not 0).
INSERT INTO base_estadistica_trimestre BY NAME
SELECT ente_id, periodo_inicio AS mes, total AS recibidas,
       tiempo_promedio * total AS suma_dias,
       CASE WHEN tiempo_promedio IS NOT NULL THEN total END AS respondidas,
       competencia AS resp_competente, competencia + no_competencia AS con_respuesta_final,
       tiempo_promedio AS suma_promedios, (tiempo_promedio IS NOT NULL)::BIGINT AS entes_con_promedio
FROM solicitud_estadistica
WHERE reportado;
