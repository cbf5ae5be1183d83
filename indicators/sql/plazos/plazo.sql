-- One request's deadline, by the warehouse's own macros (etl/sql/functions/plazo.sql: the ones the build used for
-- solicitud.fecha_limite). Parameters: $presentada (filing date-time), $hora_cierre (office closing time or NULL)
-- or, when $hora_del_almacen, the one configured in the warehouse (data/catalogos/horario_oficina.csv),
-- $tipo (request type), $ley (law version) or, when it is NULL, $ambito (the law in force for that ámbito on the
-- receipt date, as etl/sql/staging/stg_solicitud.sql picks it), $prevencion and $desahogo (dates or NULL).
WITH recibida AS (
    SELECT recepcion_oficial(CAST($presentada AS TIMESTAMP),
                             hora_cierre := CASE WHEN $hora_del_almacen THEN (SELECT hora_cierre FROM horario_oficina)
                                                 ELSE CAST($hora_cierre AS TIME) END) AS recepcion,
           recepcion_oficial(CAST($presentada AS DATE)) AS recepcion_sin_horario
),
ley AS (
    SELECT p.ley_version, p.ley_nombre, p.dias_respuesta, p.dias_ampliacion,
           coalesce(p.confirmado, FALSE) AS ley_confirmada
    FROM plazo_legal p, recibida r
    WHERE p.tipo_solicitud = $tipo
      AND (p.ley_version = $ley
           OR ($ley IS NULL AND p.ambito = $ambito
               AND r.recepcion BETWEEN p.vigente_desde AND coalesce(p.vigente_hasta, DATE '9999-12-31')))
),
inicio AS (
    SELECT recepcion, recepcion_sin_horario, inicio_del_plazo(recepcion, prevencion := CAST($prevencion AS DATE),
                                       desahogo := CAST($desahogo AS DATE)) AS inicio
    FROM recibida
)
SELECT i.recepcion, i.recepcion <> i.recepcion_sin_horario AS fuera_de_horario, i.inicio,
       l.ley_version, l.ley_nombre, l.dias_respuesta, l.dias_ampliacion, l.ley_confirmada,
       plazo_vence(i.inicio, l.dias_respuesta) AS limite,
       plazo_vence(i.inicio, l.dias_respuesta + l.dias_ampliacion) AS limite_ampliado
FROM inicio i LEFT JOIN ley l ON TRUE
