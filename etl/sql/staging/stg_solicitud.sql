-- raw_solicitud → stg_solicitud: parsed, mapped, checked. One row per source row; `motivo` says why a row is
-- rejected (the first failing check), NULL when it is good. Parameter $hoy: the build date.
CREATE OR REPLACE TEMP TABLE stg_solicitud AS
WITH fechas AS (
    -- A national file has millions of dates but only a few thousand distinct texts: each is parsed once.
    -- A filing date with a time (a template cell, Infomex's YYYY-MM-DD HH:MM:SS) keeps the time: office hours.
    SELECT texto, parse_fecha(texto) AS fecha,
           CASE WHEN contains(texto, ':') THEN try_strptime(trim(texto), ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M',
                '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f'])::TIME END AS hora
    FROM (
        SELECT fecha_solicitud AS texto FROM raw_solicitud UNION SELECT fecha_recepcion_oficial FROM raw_solicitud
        UNION SELECT fecha_respuesta FROM raw_solicitud UNION SELECT fecha_limite FROM raw_solicitud
        UNION SELECT fecha_termino FROM raw_solicitud UNION SELECT fecha_prevencion FROM raw_solicitud
        UNION SELECT fecha_desahogo FROM raw_solicitud)
    WHERE texto IS NOT NULL
),
parsed AS (
    SELECT r.*,
           d1.fecha AS f_presentacion, d1.hora AS h_presentacion,
           d2.fecha AS f_recepcion_oficial,
           d3.fecha AS f_respuesta,
           d4.fecha AS f_limite_fuente,
           d5.fecha AS f_termino,
           d6.fecha AS f_prevencion,
           d7.fecha AS f_desahogo,
           me.ente_id, me.sugerencia, en.ambito,
           es.estado, coalesce(es.implica_prevencion, FALSE) AS est_prev, coalesce(es.implica_ampliacion, FALSE) AS est_ampl,
           rs.categoria AS resp_cat, coalesce(rs.implica_prevencion, FALSE) AS resp_prev,
           coalesce(rs.implica_ampliacion, FALSE) AS resp_ampl,
           coalesce(mt.tipo_solicitud, CASE WHEN r.tipo_solicitud IS NULL THEN 'informacion_publica' END) AS tipo,
           si_no(r.prorroga) AS b_prorroga, si_no(r.prevencion) AS b_prevencion, si_no(r.queja) AS b_queja,
           regexp_full_match(r.folio, '[0-9]{4,30}') AS folio_cifras  -- nearly every folio: one test a row
    FROM raw_solicitud r
    LEFT JOIN fechas d1 ON d1.texto = r.fecha_solicitud
    LEFT JOIN fechas d2 ON d2.texto = r.fecha_recepcion_oficial
    LEFT JOIN fechas d3 ON d3.texto = r.fecha_respuesta
    LEFT JOIN fechas d4 ON d4.texto = r.fecha_limite
    LEFT JOIN fechas d5 ON d5.texto = r.fecha_termino
    LEFT JOIN fechas d6 ON d6.texto = r.fecha_prevencion
    LEFT JOIN fechas d7 ON d7.texto = r.fecha_desahogo
    LEFT JOIN map_ente me       ON me.valor = r.dependencia
    LEFT JOIN ente en           ON en.ente_id = me.ente_id
    LEFT JOIN map_estatus es    ON es.valor = r.estatus
    LEFT JOIN map_respuesta rs  ON rs.valor = r.respuesta
    LEFT JOIN map_tipo mt       ON mt.valor = r.tipo_solicitud
),
received AS (
    -- A request filed on a non-working day, or after the office's closing time, counts as received the next working
    -- day (etl/sql/functions/plazo.sql). An official receipt date stated by the source is already that day.
    SELECT p.*, recepcion_oficial(coalesce(CAST(p.f_recepcion_oficial AS TIMESTAMP),
                                           p.f_presentacion + coalesce(p.h_presentacion, TIME '00:00')),
                                  hora_cierre := (SELECT hora_cierre FROM horario_oficina)) AS f_recepcion
    FROM parsed p
),
with_law AS (
    -- The deadline is the one of the law in force for the ente's ámbito (estatal, federal) on the receipt date.
    SELECT rc.*, pl.ley_version, pl.dias_respuesta, pl.dias_ampliacion, pl.dias_incompetencia, pl.dias_prevencion
    FROM received rc
    LEFT JOIN plazo_legal pl
      ON pl.tipo_solicitud = rc.tipo AND pl.ambito = rc.ambito
     AND rc.f_recepcion BETWEEN pl.vigente_desde AND coalesce(pl.vigente_hasta, DATE '9999-12-31')
),
checked AS (
    SELECT w.*,
        CASE
            WHEN folio IS NULL THEN struct_pack(c := 'folio', v := NULL,
                 m := 'Falta el folio; cada solicitud necesita su folio.')
            -- Folios of digits only (nearly all) pass the first test; the others must also hold a digit and
            -- not look like a CURP, RFC, e-mail or phone number (a shifted column).
            WHEN NOT folio_cifras AND (NOT regexp_matches(folio, '^[0-9A-Za-z\-/]{4,30}$')
                 OR NOT regexp_matches(folio, '[0-9]')) THEN struct_pack(c := 'folio', v := folio,
                 m := 'Folio con caracteres no válidos; debe ser el folio de la PNT o de Infomex.')
            -- Ten digits is a phone number's length and no folio system's (PNT 15, INAI 13, Infomex 8).
            WHEN (length(folio) = 10 AND regexp_full_match(folio, '[0-9]{10}'))
                 OR (NOT folio_cifras AND con_dato_personal(folio)) THEN
                 struct_pack(c := 'folio', v := folio,
                 m := 'El folio parece un dato personal (CURP, RFC, correo o un teléfono de 10 cifras): probablemente una columna '
                      || 'desplazada. Debe ser el folio de la PNT o de Infomex.')
            WHEN dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL,
                 m := 'Falta el nombre del sujeto obligado (si en el libro la celda está combinada con la de '
                      || 'arriba, descombínela y repita el nombre en cada fila).')
            WHEN ente_id IS NULL THEN struct_pack(c := 'dependencia', v := dependencia,
                 m := 'Sujeto obligado desconocido. ' || sugerencia)
            WHEN fecha_solicitud IS NULL THEN struct_pack(c := 'fecha_solicitud', v := NULL,
                 m := 'Falta la fecha de la solicitud.')
            WHEN f_presentacion IS NULL THEN struct_pack(c := 'fecha_solicitud', v := fecha_solicitud,
                 m := 'Fecha imposible o con formato desconocido; use DD/MM/AAAA o AAAA-MM-DD.')
            WHEN fecha_recepcion_oficial IS NOT NULL AND f_recepcion_oficial IS NULL THEN
                 struct_pack(c := 'fecha_recepcion_oficial', v := fecha_recepcion_oficial,
                 m := 'Fecha imposible o con formato desconocido; use DD/MM/AAAA o AAAA-MM-DD.')
            WHEN f_presentacion > $hoy THEN struct_pack(c := 'fecha_solicitud', v := fecha_solicitud,
                 m := 'Fecha futura: posterior a la fecha de construcción; revise día y mes.')
            WHEN f_recepcion_oficial > $hoy THEN struct_pack(c := 'fecha_recepcion_oficial', v := fecha_recepcion_oficial,
                 m := 'Fecha de recepción oficial futura: posterior a la fecha de construcción; revise día, mes y año.')
            WHEN f_recepcion_oficial < f_presentacion THEN struct_pack(c := 'fecha_recepcion_oficial',
                 v := fecha_recepcion_oficial, m := 'La recepción oficial es anterior a la presentación de la solicitud ('
                      || strftime(f_presentacion, '%d/%m/%Y') || '); revise ambas fechas.')
            WHEN f_recepcion IS NULL THEN struct_pack(c := 'fecha_solicitud', v := fecha_solicitud,
                 m := 'Fecha fuera del calendario configurado (2000–2031); revise el año.')
            WHEN fecha_respuesta IS NOT NULL AND f_respuesta IS NULL THEN struct_pack(c := 'fecha_respuesta',
                 v := fecha_respuesta, m := 'Fecha imposible o con formato desconocido; use DD/MM/AAAA o AAAA-MM-DD.')
            WHEN f_respuesta > $hoy THEN struct_pack(c := 'fecha_respuesta', v := fecha_respuesta,
                 m := 'Fecha de respuesta futura: posterior a la fecha de construcción; revise día y mes.')
            WHEN f_respuesta < f_presentacion THEN struct_pack(c := 'fecha_respuesta', v := fecha_respuesta,
                 m := 'La respuesta es anterior a la presentación de la solicitud (' || strftime(f_presentacion, '%d/%m/%Y')
                      || '); revise ambas fechas.')
            WHEN f_respuesta < f_recepcion_oficial THEN struct_pack(c := 'fecha_respuesta', v := fecha_respuesta,
                 m := 'La respuesta es anterior a la recepción oficial de la solicitud ('
                      || strftime(f_recepcion_oficial, '%d/%m/%Y') || '): los días hábiles saldrían negativos; '
                      || 'revise ambas fechas.')
            WHEN fecha_prevencion IS NOT NULL AND f_prevencion IS NULL THEN struct_pack(c := 'fecha_prevencion',
                 v := fecha_prevencion, m := 'Fecha imposible o con formato desconocido; use DD/MM/AAAA o AAAA-MM-DD.')
            WHEN fecha_desahogo IS NOT NULL AND f_desahogo IS NULL THEN struct_pack(c := 'fecha_desahogo',
                 v := fecha_desahogo, m := 'Fecha imposible o con formato desconocido; use DD/MM/AAAA o AAAA-MM-DD.')
            WHEN f_prevencion > $hoy OR f_desahogo > $hoy THEN struct_pack(
                 c := CASE WHEN f_prevencion > $hoy THEN 'fecha_prevencion' ELSE 'fecha_desahogo' END,
                 v := CASE WHEN f_prevencion > $hoy THEN fecha_prevencion ELSE fecha_desahogo END,
                 m := 'Fecha futura: posterior a la fecha de construcción; revise día, mes y año.')
            WHEN f_prevencion < f_presentacion THEN struct_pack(c := 'fecha_prevencion', v := fecha_prevencion,
                 m := 'La prevención es anterior a la presentación de la solicitud (' || strftime(f_presentacion, '%d/%m/%Y')
                      || '); revise ambas fechas.')
            WHEN f_desahogo IS NOT NULL AND f_prevencion IS NULL THEN struct_pack(c := 'fecha_prevencion', v := NULL,
                 m := 'Hay fecha de desahogo sin fecha de prevención; escriba la fecha en que se previno al solicitante.')
            WHEN f_desahogo < f_prevencion THEN struct_pack(c := 'fecha_desahogo', v := fecha_desahogo,
                 m := 'El desahogo es anterior a la prevención (' || strftime(f_prevencion, '%d/%m/%Y')
                      || '); revise ambas fechas.')
            WHEN prorroga IS NOT NULL AND b_prorroga IS NULL THEN struct_pack(c := 'prorroga', v := prorroga,
                 m := 'Valor no reconocido para la ampliación del plazo; use Sí o No (también Si, S, No o N).')
            WHEN prevencion IS NOT NULL AND b_prevencion IS NULL THEN struct_pack(c := 'prevencion', v := prevencion,
                 m := 'Valor no reconocido para la prevención; use Sí o No (también Si, S, No o N).')
            WHEN queja IS NOT NULL AND b_queja IS NULL THEN struct_pack(c := 'queja', v := queja,
                 m := 'Valor no reconocido para la queja; use Sí o No (también Si, S, No o N).')
            WHEN estatus IS NOT NULL AND estado IS NULL THEN struct_pack(c := 'estatus', v := estatus,
                 m := 'Estatus no reconocido; agréguelo con su estado a data/catalogos/estatus.csv.')
            WHEN respuesta IS NOT NULL AND resp_cat IS NULL THEN struct_pack(c := 'respuesta', v := respuesta,
                 m := 'Respuesta no reconocida; agréguela con su categoría a data/catalogos/respuesta.csv.')
            WHEN tipo IS NULL THEN struct_pack(c := 'tipo_solicitud', v := tipo_solicitud,
                 m := 'Tipo de solicitud no reconocido; agréguelo a data/catalogos/tipo_solicitud.csv.')
            WHEN ley_version IS NULL THEN struct_pack(c := 'fecha_solicitud', v := fecha_solicitud,
                 m := 'Ninguna versión de ley configurada cubre esta fecha para el ámbito ' || ambito
                      || ' del ente; revise data/catalogos/plazo_legal.csv.')
        END AS problema
    FROM with_law w
)
-- Only what solicitud.sql and the rejects need: a national file is millions of rows, and every extra text
-- column of this table is memory the build may have to spill. Repeated texts are ENUMs (stg_solicitud_tipos.sql;
-- carga_id is one already in raw_solicitud).
-- The file's name and layout are the same on all its rows: they come back from lectura.archivo_leido by carga_id.
SELECT carga_id, fila, folio, ente_id,
       CAST(tipo AS lectura.main.sol_tipo) AS tipo, derecho_arcop, medio_entrada,
       f_presentacion, f_recepcion,
       -- After hours: the hour moved the receipt past the day the filing date alone gives.
       coalesce(h_presentacion IS NOT NULL AND f_recepcion_oficial IS NULL
                AND f_recepcion <> recepcion_oficial(f_presentacion), FALSE) AS fuera_de_horario,
       f_respuesta, f_limite_fuente, f_prevencion, f_desahogo,
       -- Only to rank copies of a repeated folio (solicitud_reemplazo.sql): an unreadable termination date is no date.
       f_termino, estatus, respuesta,
       CAST(resp_cat AS lectura.main.sol_categoria) AS resp_cat, b_queja AS queja,
       CAST(ley_version AS lectura.main.sol_ley) AS ley_version, dias_respuesta, dias_ampliacion,
       dias_incompetencia::UTINYINT AS dias_incompetencia, dias_prevencion::UTINYINT AS dias_prevencion,
       problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo,
       -- Without a status, a response date means the request was answered.
       CAST(coalesce(estado, CASE WHEN f_respuesta IS NOT NULL THEN 'terminada' ELSE 'en_proceso' END)
            AS lectura.main.sol_estado) AS estado_final,
       coalesce(b_prorroga, FALSE) OR est_ampl OR resp_ampl AS ampliacion,
       coalesce(b_prevencion, FALSE) OR est_prev OR resp_prev OR f_prevencion IS NOT NULL AS prevencion_final
FROM checked;
