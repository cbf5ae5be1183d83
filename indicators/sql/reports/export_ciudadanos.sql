-- The citizens beside the verifiers, one row per ente × fracción × month (comparacion_ciudadana): the second
-- open-data file. Each month's values pool the 12 months that end with it (indicators/comparison.py); the citizens'
-- values are empty below the catalog's minimum, the verifiers' when no verification scored the fracción in those
-- months. Text cells go through seguro() (seguro.sql).
CREATE OR REPLACE TEMP VIEW exportacion_ciudadanos AS
SELECT seguro(c.ente_id)                AS ente_id,
       seguro(e.nombre_oficial)         AS ente,
       strftime(c.mes, '%Y-%m')         AS mes,
       seguro(c.articulo)               AS articulo,
       seguro(c.fraccion)               AS fraccion,
       seguro(c.obligacion)             AS obligacion,
       c.evaluaciones,
       round(c.pct_encontrada, 4)       AS pct_encontrada,
       round(c.pct_actualizada, 4)      AS pct_actualizada,
       round(c.comprension_media, 4)    AS comprension_media,
       c.evaluaciones_verificacion      AS verificaciones,
       round(c.puntaje_verificacion, 4) AS puntaje_verificacion,
       round(c.diferencia, 4)           AS diferencia,
       c.desacuerdo,
       (SELECT valor FROM metadatos WHERE clave = 'fecha_corte') AS datos_al
FROM comparacion_ciudadana c JOIN ente e USING (ente_id)
ORDER BY c.ente_id, c.mes, c.orden, c.fraccion;
