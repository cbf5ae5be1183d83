-- For the verification part of "why did it move": the fracciones whose score changed between the review in force
-- for the ente at the end of the period before and the one in force at the end of the period (verificacion_vigente:
-- the review the indicator stands on; the same review carried over both periods changes nothing). A fracción is
-- matched with itself within one law and with its equivalent (same clave_historica) across law versions, as in
-- seguimiento_fraccion: 91-V and 91-VI both continue in 65-V, but 91-V is never compared with 91-VI. At most two
-- that went up and two that went down per ente and period, largest change first (ties in artículo, fracción order).
-- Millions of pairs of fracciones are ranked: they carry numbers only (the pair of periods, each fracción's place),
-- and the words are joined to the few kept.
WITH ultima AS (
    SELECT vv.ente_id, t.tipo_periodo, periodo_de(vv.mes, t.tipo_periodo) AS periodo,
           arg_max(vv.verificacion_id, vv.mes) AS verificacion_id
    FROM verificacion_vigente vv CROSS JOIN tipos_periodo t
    GROUP BY ALL
),
pares AS (   -- numbered: the ranking partitions by one number instead of three texts
    SELECT ente_id, tipo_periodo, periodo, periodo_anterior, row_number() OVER () AS par
    FROM (SELECT DISTINCT ente_id, tipo_periodo, periodo, periodo_anterior FROM indice_cambio
          WHERE indicador = 'indice_cumplimiento_obligaciones')
),
fracciones AS (   -- each fracción once, with its words and its place in (artículo, fracción) text order: the
                  -- rows ranked below carry only numbers (ties are broken by the place, as by the text)
    SELECT f.*, dense_rank() OVER (ORDER BY f.articulo, f.fraccion) AS lugar,
           row_number() OVER (ORDER BY f.ley_version, f.articulo, f.fraccion) AS id,
           'fracción ' || f.fraccion || ' del art. ' || f.articulo || coalesce(' (' || o.nombre || ')', '') AS texto
    FROM (SELECT DISTINCT ley_version, articulo, fraccion FROM indice_fraccion) f
    LEFT JOIN obligacion o USING (ley_version, articulo, fraccion)
),
cambios AS (
    SELECT p.par, f1.puntaje > f0.puntaje AS subio, n1.id, n1.lugar AS lugar_ahora, n0.lugar AS lugar_antes,
           f0.puntaje AS antes, f1.puntaje AS ahora
    FROM pares p
    JOIN ultima u1 ON u1.ente_id = p.ente_id AND u1.tipo_periodo = p.tipo_periodo AND u1.periodo = p.periodo
    JOIN ultima u0 ON u0.ente_id = p.ente_id AND u0.tipo_periodo = p.tipo_periodo AND u0.periodo = p.periodo_anterior
                  AND u0.verificacion_id <> u1.verificacion_id   -- the same review carried over changes nothing
    JOIN indice_fraccion f1 ON f1.verificacion_id = u1.verificacion_id AND f1.ente_id = p.ente_id
    JOIN indice_fraccion f0 ON f0.verificacion_id = u0.verificacion_id AND f0.ente_id = p.ente_id
                           AND f0.clave_historica = f1.clave_historica
                           AND (f0.ley_version <> f1.ley_version
                                OR (f0.articulo = f1.articulo AND f0.fraccion = f1.fraccion))
    JOIN fracciones n1 ON n1.ley_version = f1.ley_version AND n1.articulo = f1.articulo AND n1.fraccion = f1.fraccion
    JOIN fracciones n0 ON n0.ley_version = f0.ley_version AND n0.articulo = f0.articulo AND n0.fraccion = f0.fraccion
    WHERE f1.puntaje <> f0.puntaje
    QUALIFY row_number() OVER (PARTITION BY p.par, subio ORDER BY abs(ahora - antes) DESC, lugar_ahora, lugar_antes) <= 2
)
SELECT p.ente_id, p.tipo_periodo, p.periodo, n.texto AS fraccion, c.antes, c.ahora
FROM cambios c
JOIN pares p USING (par)
JOIN fracciones n USING (id)
