-- Legal deadlines by ámbito, law version and request type, with their validity, source and whether confirmed.
SELECT ambito, ley_nombre, ley_version, tipo_solicitud, dias_respuesta, dias_ampliacion, vigente_desde, vigente_hasta,
       confirmado, fuente, dias_incompetencia, dias_prevencion, fuente_subplazos
FROM plazo_legal
ORDER BY ambito, vigente_desde, tipo_solicitud
