-- Index of each ente in each review: weighted mean of the scores of its applicable fracciones evaluated
-- (a fracción that does not apply is never a result, so it never counts as 0), and the change against the
-- previous review of the same ente and the same type (by date): a monthly review covers a few fracciones and a
-- vinculante all of them, so a change between two types would compare different things. Reviews without a type
-- are compared among themselves. Fractional sums are exact (DECIMAL): a DOUBLE
-- sum depends on the order the terms are added, so two builds of the same data could differ.
INSERT INTO indice_ente BY NAME
WITH por_revision AS (
    SELECT f.verificacion_id, f.ente_id, v.tipo, v.fecha, v.mes, v.ley_version,
           count(*)::INTEGER                           AS fracciones_evaluadas,
           count(*) FILTER (WHERE f.incumplida)::INTEGER AS fracciones_incumplidas,
           sum((f.peso_fraccion * f.puntaje)::DECIMAL(38, 10))::DOUBLE AS suma_puntaje,
           sum(f.peso_fraccion::DECIMAL(38, 10))::DOUBLE   AS peso_evaluado
    FROM indice_fraccion f
    JOIN verificacion v USING (verificacion_id)
    GROUP BY ALL
),
aplicables AS (
    SELECT ente_id, ley_version, count(*) FILTER (WHERE aplica)::INTEGER AS fracciones_aplicables
    FROM aplicabilidad GROUP BY ALL
),
con_indice AS (
    SELECT r.*, a.fracciones_aplicables, r.suma_puntaje / r.peso_evaluado AS indice
    FROM por_revision r JOIN aplicables a USING (ente_id, ley_version)
)
SELECT *,
       lag(verificacion_id) OVER w        AS verificacion_anterior,
       lag(indice) OVER w                 AS indice_anterior,
       indice - lag(indice) OVER w        AS variacion
FROM con_indice
WINDOW w AS (PARTITION BY ente_id, tipo ORDER BY fecha, verificacion_id);
