-- stg_verificacion (good rows) → verificacion + verificacion_resultado.
-- A review's type and evaluated period are the ones most of its good rows carry; ties go to the first in
-- alphabetical order, so that the result never depends on the order rows were read (mode() leaves ties to
-- chance). Its good rows share one date (staging rejects the others), and with it the law in force.
INSERT INTO verificacion BY NAME
WITH votos AS (
    SELECT verificacion, fecha_revision, ley_version, tipo_norm, periodo_evaluado, count(*) AS filas
    FROM stg_verificacion
    WHERE motivo IS NULL
    GROUP BY ALL
),
tipo AS (
    SELECT verificacion, arg_min(tipo_norm, (-filas, tipo_norm)) AS tipo
    FROM (SELECT verificacion, tipo_norm, sum(filas) AS filas FROM votos WHERE tipo_norm IS NOT NULL GROUP BY ALL)
    GROUP BY verificacion
),
periodo AS (
    SELECT verificacion, arg_min(periodo_evaluado, (-filas, periodo_evaluado)) AS periodo
    FROM (SELECT verificacion, periodo_evaluado, sum(filas) AS filas FROM votos
          WHERE periodo_evaluado IS NOT NULL GROUP BY ALL)
    GROUP BY verificacion
),
revision AS (
    SELECT verificacion, fecha_revision, min(ley_version) AS ley_version FROM votos GROUP BY ALL
)
SELECT r.verificacion AS verificacion_id, t.tipo, p.periodo AS periodo_evaluado, r.fecha_revision AS fecha,
       date_trunc('month', r.fecha_revision)::DATE AS mes, r.ley_version
FROM revision r
LEFT JOIN tipo t USING (verificacion)
LEFT JOIN periodo p USING (verificacion);

-- The same review × ente × fracción [× criterio] seen again is one result: the row from the newest file wins
-- (files ranked by archivo_orden, which rank_files writes to carga_orden from the dates staging parsed).
-- Only the keys seen more than once are ranked: a national file has few or none, and sorting all its rows (4.6 M)
-- to find them cost twice as much as counting the keys (README, Rendimiento). Keys are counted by a 64-bit hash:
-- two keys with one hash are only ranked for nothing, each within its own key.
INSERT INTO verificacion_resultado BY NAME
WITH buenas AS NOT MATERIALIZED (
    SELECT s.*, o.archivo_orden,
           hash(verificacion, ente_id, ley_version, articulo_final, fraccion_norm, es_criterio,
                CASE WHEN es_criterio THEN criterio END) AS clave
    FROM stg_verificacion s
    JOIN carga_orden o USING (carga_id)
    WHERE motivo IS NULL
),
repetidas AS (SELECT clave FROM buenas GROUP BY clave HAVING count(*) > 1),
una_vez AS (
    SELECT b.* FROM buenas b ANTI JOIN repetidas r ON b.clave = r.clave
    UNION ALL
    (SELECT b.* FROM buenas b SEMI JOIN repetidas r ON b.clave = r.clave
     QUALIFY row_number() OVER (PARTITION BY verificacion, ente_id, ley_version, articulo_final, fraccion_norm,
                                             es_criterio, CASE WHEN es_criterio THEN criterio END
                                ORDER BY archivo_orden DESC, fila DESC) = 1)
)
SELECT verificacion AS verificacion_id, ente_id, ley_version, articulo_final AS articulo, fraccion_norm AS fraccion,
       CASE WHEN es_criterio THEN 'criterio' ELSE 'fraccion' END AS nivel,
       criterio, tipo_criterio_norm AS tipo_criterio,
       CASE WHEN es_criterio THEN valor_num END AS valor,
       CASE WHEN NOT es_criterio THEN porcentaje_num END AS porcentaje,
       observacion, carga_id, archivo, fila
FROM una_vez;
