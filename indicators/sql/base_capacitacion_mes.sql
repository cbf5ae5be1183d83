-- Counts per ente × month for the training indicators (tables curso, asistencia, plantilla).
-- Rules, stated on the Capacitación page and in the catalog:
--  * A person is trained ("capacitada") by an attendance that was attended and not failed.
--  * Unique persons: each person counts once per ente and calendar year, in the month of their first course
--    of that year (personas_capacitadas). So months add up to the year; a quarter holds the persons whose
--    first course of the year fell in it. personas_acum is the running total of the year (a stock).
--  * Staff: the latest plantilla whose cut-off date is on or before the last day of the month.
--  * Coverage numerators are capped at the staff count and are 0 for an ente without a plantilla, so that
--    numerator and denominator always cover the same entes.
-- The grid has a row for every ente with a plantilla, every month of the years with attendance while the ente
-- is in force, so stocks exist at the end of every period (plus any ente × month with attendance).
INSERT INTO base_capacitacion_mes
WITH regla AS (
    SELECT max(valor) FILTER (WHERE clave = 'pct_personal_minimo') AS pct_personal,
           max(valor) FILTER (WHERE clave = 'pct_ut_minimo')       AS pct_ut
    FROM capacitacion_regla
),
rango AS (
    SELECT date_trunc('year', min(mes))::DATE AS desde, max(mes) AS hasta FROM asistencia
),
meses AS (
    SELECT generate_series::DATE AS mes
    FROM rango, generate_series(rango.desde, rango.hasta, INTERVAL 1 MONTH)
),
grid AS (
    SELECT e.ente_id, m.mes
    FROM ente e JOIN meses m
      ON m.mes >= date_trunc('month', coalesce(e.vigente_desde, DATE '1900-01-01'))
     AND m.mes <= coalesce(e.vigente_hasta, DATE '9999-12-31')
    WHERE e.ente_id IN (SELECT ente_id FROM plantilla)
    UNION
    SELECT DISTINCT ente_id, mes FROM asistencia
),
flujos AS (
    SELECT a.ente_id, a.mes,
           count(*)                                                        AS inscripciones,
           count(*) FILTER (WHERE a.asistio)                               AS asistentes,
           count(*) FILTER (WHERE a.asistio AND a.aprobado IS NOT NULL)    AS evaluados,
           count(*) FILTER (WHERE a.aprobado)                              AS aprobados,
           coalesce(sum(c.horas::DECIMAL(38, 10)) FILTER (WHERE a.asistio), 0) AS horas_persona
    FROM asistencia a JOIN curso c USING (curso_id)
    GROUP BY ALL
),
primeras AS (
    -- The month of each person's first course of the year at an ente (overall, and as a UT member).
    SELECT ente_id, persona_id, year(mes) AS anio, min(mes) AS mes, min(mes) FILTER (WHERE es_ut) AS mes_ut
    FROM asistencia
    WHERE capacitada
    GROUP BY ALL
),
nuevas AS (
    SELECT ente_id, mes, count(*) AS personas, 0 AS personas_ut FROM primeras GROUP BY ALL
    UNION ALL
    SELECT ente_id, mes_ut, 0, count(*) FROM primeras WHERE mes_ut IS NOT NULL GROUP BY ALL
),
por_mes AS (
    SELECT g.ente_id, g.mes,
           coalesce(f.inscripciones, 0) AS inscripciones, coalesce(f.asistentes, 0) AS asistentes,
           coalesce(f.evaluados, 0) AS evaluados, coalesce(f.aprobados, 0) AS aprobados,
           coalesce(f.horas_persona, 0) AS horas_persona,
           coalesce(n.personas, 0) AS personas_capacitadas, coalesce(n.personas_ut, 0) AS personas_ut_capacitadas
    FROM grid g
    LEFT JOIN flujos f USING (ente_id, mes)
    LEFT JOIN (SELECT ente_id, mes, sum(personas) AS personas, sum(personas_ut) AS personas_ut
               FROM nuevas GROUP BY ALL) n USING (ente_id, mes)
),
acumulado AS (
    SELECT p.*,
           sum(personas_capacitadas) OVER anio AS ytd,
           sum(personas_ut_capacitadas) OVER anio AS ytd_ut
    FROM por_mes p
    WINDOW anio AS (PARTITION BY ente_id, year(mes) ORDER BY mes)
),
con_plantilla AS (
    SELECT a.*, pl.total_personal, pl.personal_ut
    FROM acumulado a
    ASOF LEFT JOIN plantilla pl ON pl.ente_id = a.ente_id AND last_day(a.mes) >= pl.fecha_corte
),
stocks AS (
    SELECT c.*,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(ytd, total_personal) END AS personas_acum,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(ytd_ut, coalesce(personal_ut, 0)) END AS personas_ut_acum
    FROM con_plantilla c
)
SELECT s.ente_id, s.mes, s.inscripciones, s.asistentes, s.evaluados, s.aprobados, s.horas_persona,
       s.personas_capacitadas, s.personas_ut_capacitadas, s.personas_acum, s.personas_ut_acum,
       coalesce(s.total_personal, 0), CASE WHEN s.total_personal IS NULL THEN 0 ELSE coalesce(s.personal_ut, 0) END,
       CASE WHEN s.total_personal IS NOT NULL
             AND 100 * s.personas_acum >= r.pct_personal * s.total_personal
             AND (coalesce(s.personal_ut, 0) = 0 OR 100 * s.personas_ut_acum >= r.pct_ut * s.personal_ut)
            THEN 1 ELSE 0 END,
       (s.total_personal IS NOT NULL)::INTEGER
FROM stocks s CROSS JOIN regla r;
