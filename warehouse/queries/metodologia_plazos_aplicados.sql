-- Which law version judged which requests: receipt dates and months each version covered, per ámbito and type.
SELECT a.ambito, a.ley_version, p.ley_nombre, a.tipo_solicitud, p.dias_respuesta, p.dias_ampliacion, p.confirmado,
       a.primera_recepcion, a.ultima_recepcion, a.meses, a.solicitudes
FROM plazo_aplicado a
LEFT JOIN plazo_legal p USING (ambito, ley_version, tipo_solicitud)
ORDER BY a.ambito, a.primera_recepcion, a.tipo_solicitud
