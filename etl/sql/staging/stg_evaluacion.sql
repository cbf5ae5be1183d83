-- raw_evaluacion → stg_evaluacion: each evaluation read from the participación store, checked against this build's
-- catalogs; `motivo` says why a row is rejected (the first failing check), NULL when it is good. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_evaluacion AS
WITH parsed AS (
    SELECT r.carga_id, r.fila, r.evaluacion_id, r.ente_id, r.ley_version, r.articulo, r.fraccion, r.encontrada,
           r.actualizada, r.comprension, r.fecha,
           try_cast(r.fecha AS DATE) AS f_fecha, try_cast(r.comprension AS INTEGER) AS n_comprension,
           e.ente_id IS NOT NULL AS ente_conocido, o.clave_historica, a.aplica
    FROM raw_evaluacion r
    LEFT JOIN ente e         ON e.ente_id = r.ente_id
    LEFT JOIN obligacion o   ON o.ley_version = r.ley_version AND o.articulo = r.articulo AND o.fraccion = r.fraccion
    LEFT JOIN aplicabilidad a ON a.ente_id = r.ente_id AND a.ley_version = r.ley_version AND a.articulo = r.articulo
                             AND a.fraccion = r.fraccion
),
checked AS (
    SELECT p.*,
        CASE
            WHEN NOT ente_conocido THEN struct_pack(c := 'ente_id', v := ente_id,
                 m := 'El ente ya no está en data/catalogos/entes.csv; la evaluación se conserva en el almacén de '
                      || 'participación y vuelve a contar si el ente regresa al catálogo.')
            WHEN clave_historica IS NULL THEN struct_pack(c := 'fraccion', v := ley_version || ' art. ' || articulo
                      || ' fr. ' || fraccion,
                 m := 'La obligación ya no está en los catálogos de obligaciones (data/catalogos/obligaciones_*.csv).')
            WHEN NOT aplica THEN struct_pack(c := 'fraccion', v := ley_version || ' art. ' || articulo || ' fr. '
                      || fraccion,
                 m := 'Según la tabla de aplicabilidad, esta obligación no aplica al ente: no cuenta.')
            WHEN f_fecha IS NULL THEN struct_pack(c := 'fecha', v := fecha, m := 'Fecha de la evaluación ilegible.')
            WHEN f_fecha > $hoy THEN struct_pack(c := 'fecha', v := fecha,
                 m := 'Evaluación con fecha posterior a la de construcción; revise el reloj del servidor.')
            WHEN encontrada NOT IN ('si', 'parcialmente', 'no') OR actualizada NOT IN ('si', 'no', 'no_se')
                 OR n_comprension IS NULL OR n_comprension NOT BETWEEN 1 AND 5 THEN
                 struct_pack(c := 'respuestas', v := encontrada || ' / ' || actualizada || ' / ' || comprension,
                 m := 'Respuestas fuera de las opciones de la página (sí / parcialmente / no; sí / no / no sé; 1 a 5).')
        END AS problema
    FROM parsed p
)
SELECT carga_id, fila, evaluacion_id, ente_id, ley_version, articulo, fraccion, clave_historica, f_fecha AS fecha,
       encontrada, actualizada, n_comprension AS comprension,
       problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo
FROM checked;
