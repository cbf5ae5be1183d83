-- raw_recurso → stg_recurso: parsed, mapped, checked; `motivo` is NULL for a good row. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_recurso AS
WITH parsed AS (
    SELECT r.*, co.archivo_orden,
           parse_fecha(r.fecha_interposicion) AS f_interposicion,
           parse_fecha(r.fecha_resolucion)    AS f_resolucion,
           me.ente_id, me.sugerencia,
           ms.sentido AS sentido_norm, ms.modifica_o_revoca,
           mc.causa AS causa_norm, mu.cumplimiento AS cumplimiento_norm
    FROM raw_recurso r
    JOIN carga_orden co      ON co.carga_id = r.carga_id
    LEFT JOIN map_ente me    ON me.valor = r.dependencia
    LEFT JOIN map_sentido ms ON ms.valor = r.sentido
    LEFT JOIN map_causa mc   ON mc.valor = r.causa
    LEFT JOIN map_cumplimiento mu ON mu.valor = r.cumplimiento
),
checked AS (
    SELECT p.*,
        CASE
            WHEN expediente IS NULL THEN struct_pack(c := 'expediente', v := NULL, m := 'Falta el número de expediente.')
            WHEN con_dato_personal(expediente) OR NOT regexp_matches(expediente, '[0-9]') THEN
                 struct_pack(c := 'expediente', v := expediente,
                 m := 'El expediente no parece un número de expediente (no tiene cifras o parece un dato personal: '
                      || 'nombre, CURP, RFC, correo o teléfono); escríbalo como lo asignó el órgano garante, p. ej. RR/123/2024.')
            WHEN con_dato_personal(folio_solicitud) OR NOT regexp_matches(folio_solicitud, '[0-9]') THEN
                 struct_pack(c := 'folio_solicitud', v := folio_solicitud,
                 m := 'El folio de la solicitud no parece un folio (no tiene cifras o parece un dato personal); '
                      || 'escriba el folio de la PNT o déjelo vacío.')
            WHEN dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL, m := 'Falta el sujeto obligado.')
            WHEN ente_id IS NULL THEN struct_pack(c := 'dependencia', v := dependencia,
                 m := 'Sujeto obligado desconocido. ' || sugerencia)
            WHEN f_interposicion IS NULL THEN struct_pack(c := 'fecha_interposicion', v := fecha_interposicion,
                 m := 'Fecha imposible, vacía o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_interposicion > $hoy THEN struct_pack(c := 'fecha_interposicion', v := fecha_interposicion,
                 m := 'Fecha futura: posterior a la fecha de construcción; revise día y mes.')
            WHEN fecha_resolucion IS NOT NULL AND f_resolucion IS NULL THEN struct_pack(c := 'fecha_resolucion',
                 v := fecha_resolucion, m := 'Fecha imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_resolucion > $hoy THEN struct_pack(c := 'fecha_resolucion', v := fecha_resolucion,
                 m := 'Fecha de resolución futura: posterior a la fecha de construcción; revise día, mes y año.')
            WHEN f_resolucion < f_interposicion THEN struct_pack(c := 'fecha_resolucion', v := fecha_resolucion,
                 m := 'La resolución es anterior a la interposición del recurso; revise ambas fechas.')
            WHEN sentido IS NOT NULL AND sentido_norm IS NULL THEN struct_pack(c := 'sentido', v := sentido,
                 m := 'Sentido de la resolución no reconocido; agréguelo a data/catalogos/sentido_recurso.csv.')
            WHEN causa IS NOT NULL AND causa_norm IS NULL THEN struct_pack(c := 'causa', v := causa,
                 m := 'Causa del recurso no reconocida; use una de data/catalogos/causa_recurso.csv (las de la LGTAIP '
                      || 'art. 143) o agréguela allí.')
            WHEN cumplimiento IS NOT NULL AND cumplimiento_norm IS NULL THEN struct_pack(c := 'cumplimiento',
                 v := cumplimiento, m := 'Cumplimiento no reconocido; use Cumplida, Incumplida, En cumplimiento o No '
                      || 'aplica (data/catalogos/cumplimiento_recurso.csv).')
        END AS problema
    FROM parsed p
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
