-- Verification sums per ente × month, and the review each month's compliance index stands on (verificacion_vigente).
-- Rules (data/catalogos/verificacion_ponderacion.toml, copied by the build into metadatos), stated on the
-- Verificación and Metodología pages:
--  * Like with like: the index of a month is the one of a single review, the ente's latest of the first type of
--    tipos_indice that has a result in force (vinculante, then diagnóstica, mensual, seguimiento by default; a
--    review without a type after all of them). A monthly review covers a few fracciones and a vinculante all: they
--    are never pooled into one number.
--  * Carried: a review's result stays in force in the months without one, until the next review of the same type
--    and for at most meses_vigencia months counted from its own month (12: its month and the 11 after).
--  * Incumplidas are the standing state: the fracciones whose latest evaluation (whatever review made it, the
--    same series as seguimiento_fraccion: the fracción or its equivalent in another law) is below the threshold,
--    within the same meses_vigencia. A fracción failed in three monthly reviews is one incumplida, not three.
--  * Flows are the reviews held in the month: revisiones, fracciones evaluadas, the change against the previous
--    review of the same type (indice_ente.variacion) and the follow-ups decided (in the month of the review that
--    decided them). Stocks (peso_evaluado, suma_puntaje, fracciones_incumplidas) are taken at the last month of a
--    quarter or a year (indicators/definitions.py), so a quarter's index is the one in force at its end.
CREATE OR REPLACE TEMP TABLE verificacion_regla_mes AS
SELECT coalesce((SELECT string_split(valor, ',') FROM metadatos WHERE clave = 'verificacion_tipos_indice'),
                ['vinculante', 'diagnostica', 'mensual', 'seguimiento']) AS tipos,
       coalesce((SELECT valor::INTEGER FROM metadatos WHERE clave = 'verificacion_meses_vigencia'), 12) AS meses,
       -- the grid runs to the last month with data: the last review or the requests' cut-off, whichever is later
       greatest((SELECT max(mes) FROM verificacion),
                (SELECT date_trunc('month', max(TRY_CAST(valor AS DATE)))::DATE FROM metadatos
                 WHERE clave = 'fecha_corte')) AS hasta;

CREATE OR REPLACE TEMP TABLE verificacion_grid AS
WITH primera AS (SELECT ente_id, min(mes) AS desde FROM indice_ente GROUP BY ALL)
SELECT g.ente_id, g.mes
FROM meses_en_vigor((SELECT min(mes) FROM indice_ente), (SELECT hasta FROM verificacion_regla_mes)) g
JOIN primera p ON p.ente_id = g.ente_id AND g.mes >= p.desde
UNION
SELECT DISTINCT ente_id, mes FROM indice_ente;

INSERT INTO verificacion_vigente BY NAME
WITH revisiones AS (
    SELECT i.*, lead(i.mes) OVER (PARTITION BY i.ente_id, i.tipo ORDER BY i.fecha, i.verificacion_id) AS mes_siguiente,
           coalesce(list_position(r.tipos, i.tipo), len(r.tipos) + 1) AS prioridad
    FROM indice_ente i CROSS JOIN verificacion_regla_mes r
)
SELECT g.ente_id, g.mes, v.verificacion_id, v.tipo, v.fecha,
       date_diff('month', v.mes, g.mes)::INTEGER AS meses_desde, v.indice
FROM verificacion_grid g
CROSS JOIN verificacion_regla_mes r
JOIN revisiones v ON v.ente_id = g.ente_id AND v.mes <= g.mes
                 AND (v.mes_siguiente IS NULL OR v.mes_siguiente > g.mes)
                 AND g.mes < v.mes + to_months(r.meses)
-- one per ente × month: the first type of the list, then (a total order) the later review
QUALIFY row_number() OVER (PARTITION BY g.ente_id, g.mes ORDER BY v.prioridad, v.fecha DESC, v.verificacion_id DESC) = 1;

INSERT INTO base_verificacion_mes BY NAME
WITH flujos AS (
    SELECT ente_id, mes,
           count(*)                       AS revisiones,
           sum(fracciones_evaluadas)      AS fracciones_evaluadas,
           count(variacion)               AS revisiones_con_anterior,
           coalesce(sum(variacion::DECIMAL(38, 10)), 0) AS suma_variacion
    FROM indice_ente
    GROUP BY ALL
),
seguimientos AS (
    SELECT ente_id, mes_siguiente AS mes,
           count(*)                                    AS observaciones_seguimiento,
           count(*) FILTER (WHERE estado = 'solventada') AS observaciones_solventadas
    FROM seguimiento_fraccion
    WHERE estado <> 'pendiente'
    GROUP BY ALL
),
incumplidas AS (
    -- Each failure stands from its month until its series' next evaluation (seguimiento_fraccion.mes_siguiente),
    -- at most meses_vigencia months; the same fracción failed twice on one day counts once.
    SELECT g.ente_id, g.mes, count(DISTINCT (s.ley_version, s.articulo, s.fraccion)) AS fracciones_incumplidas
    FROM verificacion_grid g
    CROSS JOIN verificacion_regla_mes r
    JOIN seguimiento_fraccion s ON s.ente_id = g.ente_id AND date_trunc('month', s.fecha) <= g.mes
                               AND (s.mes_siguiente IS NULL OR s.mes_siguiente > g.mes)
                               AND g.mes < date_trunc('month', s.fecha) + to_months(r.meses)
    GROUP BY ALL
)
SELECT g.ente_id, g.mes,
       coalesce(f.revisiones, 0) AS revisiones, coalesce(f.fracciones_evaluadas, 0) AS fracciones_evaluadas,
       coalesce(i.peso_evaluado, 0)::DECIMAL(38, 10) AS peso_evaluado,
       coalesce(i.suma_puntaje, 0)::DECIMAL(38, 10) AS suma_puntaje,
       coalesce(n.fracciones_incumplidas, 0) AS fracciones_incumplidas,
       coalesce(f.revisiones_con_anterior, 0) AS revisiones_con_anterior,
       coalesce(f.suma_variacion, 0) AS suma_variacion,
       coalesce(s.observaciones_seguimiento, 0) AS observaciones_seguimiento,
       coalesce(s.observaciones_solventadas, 0) AS observaciones_solventadas
FROM verificacion_grid g
LEFT JOIN flujos f USING (ente_id, mes)
LEFT JOIN seguimientos s USING (ente_id, mes)
LEFT JOIN incumplidas n USING (ente_id, mes)
LEFT JOIN (SELECT v.ente_id, v.mes, i.peso_evaluado, i.suma_puntaje
           FROM verificacion_vigente v JOIN indice_ente i USING (verificacion_id, ente_id)) i USING (ente_id, mes)
-- a month with nothing in force and no review says nothing (no row: "sin datos", never 0)
WHERE f.revisiones IS NOT NULL OR i.peso_evaluado IS NOT NULL OR n.fracciones_incumplidas IS NOT NULL
   OR s.observaciones_seguimiento IS NOT NULL;
