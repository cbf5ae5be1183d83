-- For the verification part of "why did it move": the fracciones whose score changed between the review in force
-- for the ente at the end of the period before and the one in force at the end of the period (verificacion_vigente:
-- the review the indicator stands on; the same review carried over both periods changes nothing). A fracción is
-- matched with itself within one law and with its equivalent (same clave_historica) across law versions, as in
-- seguimiento_fraccion: 91-V and 91-VI both continue in 65-V, but 91-V is never compared with 91-VI.
WITH ultima AS (
    SELECT vv.ente_id, t.tipo_periodo, periodo_de(vv.mes, t.tipo_periodo) AS periodo,
           arg_max(vv.verificacion_id, vv.mes) AS verificacion_id
    FROM verificacion_vigente vv CROSS JOIN tipos_periodo t
    GROUP BY ALL
),
pares AS (
    SELECT DISTINCT ente_id, tipo_periodo, periodo, periodo_anterior FROM indice_cambio
    WHERE indicador = 'indice_cumplimiento_obligaciones'
)
SELECT p.ente_id, p.tipo_periodo, p.periodo, 'fracción ' || f1.fraccion || ' del art. ' || f1.articulo
           || coalesce(' (' || o.nombre || ')', '') AS fraccion,
       f0.puntaje AS antes, f1.puntaje AS ahora
FROM pares p
JOIN ultima u1 ON u1.ente_id = p.ente_id AND u1.tipo_periodo = p.tipo_periodo AND u1.periodo = p.periodo
JOIN ultima u0 ON u0.ente_id = p.ente_id AND u0.tipo_periodo = p.tipo_periodo AND u0.periodo = p.periodo_anterior
JOIN indice_fraccion f1 ON f1.verificacion_id = u1.verificacion_id AND f1.ente_id = p.ente_id
JOIN indice_fraccion f0 ON f0.verificacion_id = u0.verificacion_id AND f0.ente_id = p.ente_id
                       AND f0.clave_historica = f1.clave_historica
                       AND (f0.ley_version <> f1.ley_version
                            OR (f0.articulo = f1.articulo AND f0.fraccion = f1.fraccion))
LEFT JOIN obligacion o ON o.ley_version = f1.ley_version AND o.articulo = f1.articulo AND o.fraccion = f1.fraccion
WHERE f1.puntaje <> f0.puntaje
QUALIFY row_number() OVER (PARTITION BY p.ente_id, p.tipo_periodo, p.periodo, f1.puntaje > f0.puntaje
                           ORDER BY abs(f1.puntaje - f0.puntaje) DESC, f1.articulo, f1.fraccion,
                                    f0.articulo, f0.fraccion) <= 2
