-- Which law version judged which requests: per ámbito, version and request type, the receipt dates and months it
-- covered (a month can be split between two versions: November 2025 for the state's entes). For Metodología.
INSERT INTO plazo_aplicado BY NAME
SELECT e.ambito, s.ley_version, s.tipo_solicitud, min(s.fecha_recepcion) AS primera_recepcion,
       max(s.fecha_recepcion) AS ultima_recepcion, count(DISTINCT s.mes) AS meses, count(*) AS solicitudes
FROM solicitud s JOIN ente e USING (ente_id)
GROUP BY ALL;
