-- raw_verificacion → stg_verificacion: parsed, mapped to the law in force and its catalog of obligations, checked.
-- One row per source row; `motivo` says why a row is rejected (the first failing check), NULL when it is good.
-- The form of a row (criterion score or fracción-level percentage) is decided by which fields it carries.
-- A national file has millions of rows but a few thousand distinct (review, type, date, article, fracción) as
-- written: the date is parsed, the law in force found and the obligation looked up once per distinct combination
-- (`cabecera`), not once per row. Only the columns the next steps read are kept (verificacion.sql, write_rejects,
-- rank_files and the build's counts): each column of millions of rows costs time to write.
-- Parameter $hoy: the build date.
CREATE OR REPLACE TEMP TABLE stg_verificacion AS
WITH vigencia AS (
    -- A review date belongs to the law whose obligations were in force on it (etl/sql/catalogs/obligacion_vigencia.sql).
    SELECT ley_version, desde, hasta FROM obligacion_vigencia
),
articulo_comun AS (
    SELECT ley_version, min(articulo) AS articulo FROM obligacion WHERE tipo_obligacion = 'comun' GROUP BY ley_version
),
rango AS (
    -- (orden, fraccion): the catalog does not forbid two fracciones with the same orden
    SELECT ley_version, articulo, arg_min(fraccion, (orden, fraccion)) AS primera,
           arg_max(fraccion, (orden, fraccion)) AS ultima
    FROM obligacion GROUP BY ALL
),
filas_por_fecha AS (
    -- Rows of each review per date as written: the distinct dates to parse, and each date's votes below.
    SELECT verificacion, fecha_verificacion, count(*) AS filas FROM raw_verificacion GROUP BY ALL
),
fecha AS (
    SELECT fecha_verificacion, parse_fecha(fecha_verificacion) AS f_verificacion
    FROM (SELECT DISTINCT fecha_verificacion FROM filas_por_fecha WHERE fecha_verificacion IS NOT NULL)
),
fecha_revision AS (
    -- A review has one date: the one most of its rows carry (ties: the earliest; each date once per review).
    SELECT verificacion, arg_min(f_verificacion, (-filas, f_verificacion)) AS fecha_revision
    FROM (SELECT p.verificacion, f.f_verificacion, sum(p.filas) AS filas
          FROM filas_por_fecha p JOIN fecha f USING (fecha_verificacion)
          WHERE f.f_verificacion IS NOT NULL
          GROUP BY ALL)
    GROUP BY verificacion
),
escrito AS (
    -- Each distinct combination as written (NULL is a value here: DISTINCT and the join below treat it as one).
    SELECT DISTINCT verificacion, tipo_verificacion, fecha_verificacion, articulo, fraccion FROM raw_verificacion
),
cabecera_ley AS (
    -- Everything that depends only on those five fields: the date and the review's date, the law in force, the
    -- review type, the article and the fracción normalized.
    SELECT e.*, f.f_verificacion, fr.fecha_revision, v.ley_version, mf.fraccion_norm,
           con_dato_personal(e.verificacion) AS verificacion_personal,
           nullif(ltrim(regexp_replace(e.articulo, '[^0-9]', '', 'g'), '0'), '') AS articulo_norm,
           CASE WHEN upper(strip_accents(trim(e.tipo_verificacion))) LIKE 'DIAGNOST%' THEN 'diagnostica'
                WHEN upper(strip_accents(trim(e.tipo_verificacion))) LIKE 'VINCULANTE%' THEN 'vinculante'
                WHEN upper(strip_accents(trim(e.tipo_verificacion))) LIKE 'SEGUIMIENTO%' THEN 'seguimiento'
                WHEN upper(strip_accents(trim(e.tipo_verificacion))) LIKE 'MENSUAL%' THEN 'mensual' END AS tipo_norm
    FROM escrito e
    LEFT JOIN fecha f           ON f.fecha_verificacion = e.fecha_verificacion
    LEFT JOIN fecha_revision fr ON fr.verificacion = e.verificacion
    LEFT JOIN vigencia v        ON f.f_verificacion BETWEEN v.desde AND v.hasta
    LEFT JOIN map_fraccion mf   ON mf.valor = e.fraccion
),
cabecera AS (
    SELECT c.*, o.nombre AS obligacion_nombre, rg.primera, rg.ultima
    FROM (SELECT c.*, coalesce(c.articulo_norm, ac.articulo) AS articulo_final
          FROM cabecera_ley c LEFT JOIN articulo_comun ac ON ac.ley_version = c.ley_version) c
    LEFT JOIN obligacion o ON o.ley_version = c.ley_version AND o.articulo = c.articulo_final
                          AND o.fraccion = c.fraccion_norm
    LEFT JOIN rango rg ON rg.ley_version = c.ley_version AND rg.articulo = c.articulo_final
),
parsed AS NOT MATERIALIZED (
    -- Not materialized: fracciones_con_criterios reads only its key columns, and only the criterion rows.
    SELECT r.carga_id, r.archivo, r.fila, r.verificacion, r.tipo_verificacion, r.periodo_evaluado,
           r.fecha_verificacion, r.dependencia, r.articulo, r.fraccion, r.porcentaje, r.criterio, r.tipo_criterio,
           r.valor, r.observacion,
           c.f_verificacion, c.fecha_revision, c.ley_version, c.fraccion_norm, c.articulo_norm, c.articulo_final,
           c.tipo_norm, c.obligacion_nombre, c.primera, c.ultima, c.verificacion_personal,
           me.ente_id, me.sugerencia,
           CASE WHEN upper(strip_accents(trim(r.tipo_criterio))) LIKE 'SUSTANTIV%' THEN 'sustantivo'
                WHEN upper(strip_accents(trim(r.tipo_criterio))) LIKE 'ADJETIV%ACTUALIZ%' THEN 'adjetivo_actualizacion'
                WHEN upper(strip_accents(trim(r.tipo_criterio))) LIKE 'ADJETIV%CONFIAB%' THEN 'adjetivo_confiabilidad'
                WHEN upper(strip_accents(trim(r.tipo_criterio))) LIKE 'ADJETIV%FORMATO%' THEN 'adjetivo_formato'
                WHEN upper(strip_accents(trim(r.tipo_criterio))) IN ('ADJETIVO', 'ADJETIVOS') THEN 'adjetivo'
           END AS tipo_criterio_norm,
           try_cast(replace(trim(r.valor), ',', '.') AS DOUBLE) AS valor_num,
           try_cast(replace(replace(trim(r.porcentaje), '%', ''), ',', '.') AS DOUBLE) AS porcentaje_num,
           (r.criterio IS NOT NULL OR r.tipo_criterio IS NOT NULL OR r.valor IS NOT NULL) AS es_criterio
    FROM raw_verificacion r
    JOIN cabecera c ON c.verificacion IS NOT DISTINCT FROM r.verificacion
                   AND c.tipo_verificacion IS NOT DISTINCT FROM r.tipo_verificacion
                   AND c.fecha_verificacion IS NOT DISTINCT FROM r.fecha_verificacion
                   AND c.articulo IS NOT DISTINCT FROM r.articulo
                   AND c.fraccion IS NOT DISTINCT FROM r.fraccion
    LEFT JOIN map_ente me ON me.valor = r.dependencia
),
fracciones_con_criterios AS (
    -- Review × ente × fracción with any criterion row, good or not: a percentage row beside them is rejected.
    -- (A hash aggregate over the criterion rows, not a window over every row.)
    SELECT DISTINCT verificacion, ente_id, ley_version, articulo_final, fraccion_norm FROM parsed WHERE es_criterio
),
matched AS (
    SELECT p.*, a.aplica, a.motivo AS motivo_aplicabilidad, cc.verificacion IS NOT NULL AS fraccion_con_criterios
    FROM parsed p
    -- Only the exceptions: a fracción that applies, or has no row, passes the check either way.
    LEFT JOIN (SELECT * FROM aplicabilidad WHERE NOT aplica) a
           ON a.ente_id = p.ente_id AND a.ley_version = p.ley_version
          AND a.articulo = p.articulo_final AND a.fraccion = p.fraccion_norm
    -- Plain equality: every key is set on the rows that reach that check (a NULL one is rejected before).
    LEFT JOIN fracciones_con_criterios cc ON cc.verificacion = p.verificacion AND cc.ente_id = p.ente_id
                                         AND cc.ley_version = p.ley_version AND cc.articulo_final = p.articulo_final
                                         AND cc.fraccion_norm = p.fraccion_norm
),
checked AS (
    SELECT m.*,
        CASE
            WHEN verificacion IS NULL THEN struct_pack(c := 'verificacion', v := NULL,
                 m := 'Falta el identificador o nombre de la verificación.')
            WHEN verificacion_personal THEN struct_pack(c := 'verificacion', v := verificacion,
                 m := 'El identificador de la verificación parece un dato personal (CURP, RFC, correo o teléfono); '
                      || 'use una clave o nombre sin datos personales.')
            WHEN fecha_verificacion IS NULL THEN struct_pack(c := 'fecha_verificacion', v := NULL,
                 m := 'Falta la fecha de la verificación.')
            WHEN f_verificacion IS NULL THEN struct_pack(c := 'fecha_verificacion', v := fecha_verificacion,
                 m := 'Fecha imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_verificacion > $hoy THEN struct_pack(c := 'fecha_verificacion', v := fecha_verificacion,
                 m := 'Fecha futura: posterior a la fecha de construcción; revise día y mes.')
            WHEN f_verificacion <> fecha_revision THEN struct_pack(c := 'fecha_verificacion', v := fecha_verificacion,
                 m := 'La verificación «' || verificacion || '» tiene fecha ' || strftime(fecha_revision, '%d/%m/%Y')
                      || ' en sus demás filas; una verificación tiene una sola fecha (si es otra revisión, dele otro nombre).')
            WHEN tipo_verificacion IS NOT NULL AND tipo_norm IS NULL THEN struct_pack(c := 'tipo_verificacion',
                 v := tipo_verificacion, m := 'Tipo de verificación no reconocido; use diagnóstica, vinculante, seguimiento o mensual.')
            WHEN dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL, m := 'Falta el ente verificado.')
            WHEN ente_id IS NULL THEN struct_pack(c := 'dependencia', v := dependencia,
                 m := 'Ente desconocido. ' || sugerencia)
            WHEN ley_version IS NULL THEN struct_pack(c := 'fecha_verificacion', v := fecha_verificacion,
                 m := 'Ninguna versión de ley con catálogo de obligaciones cubre esta fecha; revise '
                      || 'data/catalogos/plazo_legal.csv y data/catalogos/obligaciones_*.csv.')
            WHEN fraccion IS NULL THEN struct_pack(c := 'fraccion', v := NULL, m := 'Falta la fracción.')
            WHEN fraccion_norm IS NULL THEN struct_pack(c := 'fraccion', v := fraccion,
                 m := 'Fracción no válida; escriba el número romano (XXII), el número (22) o fracción e inciso (I-a).')
            WHEN articulo IS NOT NULL AND articulo_norm IS NULL THEN struct_pack(c := 'articulo', v := articulo,
                 m := 'Artículo no válido; escriba su número (91, 65…).')
            WHEN primera IS NULL THEN struct_pack(c := 'articulo', v := articulo,
                 m := 'El artículo ' || articulo_final || ' no tiene obligaciones en el catálogo de ' || ley_version
                      || ', la ley vigente el ' || strftime(f_verificacion, '%d/%m/%Y') || '.')
            WHEN obligacion_nombre IS NULL THEN struct_pack(c := 'fraccion', v := fraccion,
                 m := 'La fracción ' || fraccion_norm || ' no existe en el art. ' || articulo_final || ' de ' || ley_version
                      || ', la ley vigente el ' || strftime(f_verificacion, '%d/%m/%Y') || ' (sus fracciones van de '
                      || primera || ' a ' || ultima || '); revise la fracción o data/catalogos/obligaciones_*.csv.')
            WHEN NOT aplica THEN struct_pack(c := 'fraccion', v := fraccion,
                 m := 'La fracción ' || fraccion_norm || ' del art. ' || articulo_final || ' (' || ley_version
                      || ') no aplica a este ente: ' || motivo_aplicabilidad || ' Si sí le aplica, corríjalo en '
                      || 'data/catalogos/aplicabilidad_obligaciones.csv.')
            WHEN es_criterio AND porcentaje IS NOT NULL THEN struct_pack(c := 'porcentaje', v := porcentaje,
                 m := 'La fila trae porcentaje y también calificación por criterio; use una sola forma por fila.')
            WHEN es_criterio AND criterio IS NULL THEN struct_pack(c := 'criterio', v := NULL,
                 m := 'Falta el criterio (número o nombre) de esta calificación.')
            WHEN es_criterio AND valor IS NULL THEN struct_pack(c := 'valor', v := NULL,
                 m := 'Falta el valor del criterio: 1 (cumple), 0.5 (cumple parcialmente) o 0 (no cumple).')
            WHEN es_criterio AND (valor_num IS NULL OR valor_num NOT IN (0, 0.5, 1)) THEN struct_pack(c := 'valor',
                 v := valor, m := 'Valor del criterio fuera de la escala; use 1 (cumple), 0.5 (cumple parcialmente) o 0 (no cumple).')
            WHEN es_criterio AND tipo_criterio IS NULL THEN struct_pack(c := 'tipo_criterio', v := NULL,
                 m := 'Falta el tipo de criterio: Sustantivo o Adjetivo de actualización, de confiabilidad o de formato.')
            WHEN es_criterio AND tipo_criterio_norm IS NULL THEN struct_pack(c := 'tipo_criterio', v := tipo_criterio,
                 m := 'Tipo de criterio no reconocido; use Sustantivo o Adjetivo de actualización, de confiabilidad o de formato.')
            WHEN NOT es_criterio AND porcentaje IS NULL THEN struct_pack(c := 'porcentaje', v := NULL,
                 m := 'Falta el resultado: el porcentaje de la fracción, o el criterio con su tipo y valor.')
            WHEN NOT es_criterio AND (porcentaje_num IS NULL OR porcentaje_num < 0 OR porcentaje_num > 100) THEN
                 struct_pack(c := 'porcentaje', v := porcentaje, m := 'Porcentaje no válido; use un número de 0 a 100.')
            WHEN NOT es_criterio AND fraccion_con_criterios THEN struct_pack(c := 'porcentaje', v := porcentaje,
                 m := 'Esta fracción ya está calificada por criterios en la misma verificación; quite el porcentaje '
                      || 'o los criterios.')
        END AS problema
    FROM matched m
)
SELECT carga_id, archivo, fila, verificacion, periodo_evaluado, f_verificacion, fecha_revision, tipo_norm, ente_id,
       ley_version, articulo_final, fraccion_norm, es_criterio, criterio, tipo_criterio_norm, valor_num,
       porcentaje_num, observacion,
       problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo
FROM checked;
