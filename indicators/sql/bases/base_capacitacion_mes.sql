-- Counts per ente × month for the training indicators (tables curso, asistencia, plantilla).
-- Rules, stated on the Capacitación and Metodología pages and in the catalog:
--  * A person is trained ("capacitada") by an attendance that was attended and not failed.
--  * Unique persons (personas_capacitadas, a flow): each person counts once per ente and calendar year, in the
--    month of their first course of that year, so months add up to the year.
--  * Coverage (personas_acum, personas_ut_acum, stocks): the distinct persons trained in the 12 months ending with
--    the month (that month and the 11 before), so it does not restart every January; a person trained at an ente's
--    predecessor counts for the ente too (a rename does not empty its coverage).
--  * Institución 100 % capacitada (ente_100): the program's yearly recognition, on the persons trained in the
--    year so far (ytd), also through predecessors.
--  * Comité de Transparencia 100 % capacitado (comite_100): the distinct members of the Comité (attendances marked
--    «Integra el Comité») trained in the 12 months ending with the month, also at a predecessor, reach the
--    integrantes_comite of the plantilla in force; without that column the ente has no value (never a guess).
--  * Certified UT head: the titular_ut_certificado (Sí / No) of the plantilla in force; empty → no value.
--  * Staff: the latest plantilla whose cut-off date is on or before the last day of the month.
--  * Coverage numerators are capped at the staff count and are 0 for an ente without a plantilla, so that
--    numerator and denominator always cover the same entes. A unit's stocks count only while it is in force
--    (indicators/compute.py): an ente that ended adds no staff nor coverage after its end.
-- The grid has a row for every ente with a plantilla, every month of the years with attendance while the ente
-- is in force, so stocks exist at the end of every period (plus any ente × month with attendance).
INSERT INTO base_capacitacion_mes BY NAME
WITH regla AS (
    SELECT max(valor) FILTER (WHERE clave = 'pct_personal_minimo') AS pct_personal,
           max(valor) FILTER (WHERE clave = 'pct_ut_minimo')       AS pct_ut
    FROM capacitacion_regla
),
grid AS (
    SELECT ente_id, mes
    FROM meses_en_vigor((SELECT date_trunc('year', min(mes)) FROM asistencia), (SELECT max(mes) FROM asistencia))
    WHERE ente_id IN (SELECT ente_id FROM plantilla)
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
meses_persona AS (
    -- The months in which each person was trained at an ente or at any of its predecessors (ente_linaje), once as
    -- staff and once more as a UT member when they were.
    SELECT l.ente_id, a.persona_id, a.mes, FALSE AS ut
    FROM asistencia a JOIN (SELECT DISTINCT ente_id, antecesor_id FROM ente_linaje) l ON l.antecesor_id = a.ente_id
    WHERE a.capacitada
    GROUP BY ALL
    UNION ALL
    SELECT l.ente_id, a.persona_id, a.mes, TRUE
    FROM asistencia a JOIN (SELECT DISTINCT ente_id, antecesor_id FROM ente_linaje) l ON l.antecesor_id = a.ente_id
    WHERE a.capacitada AND a.es_ut
    GROUP BY ALL
),
vecinos AS (
    SELECT *, lag(mes) OVER w AS anterior, lead(mes) OVER w AS siguiente
    FROM meses_persona
    WINDOW w AS (PARTITION BY ente_id, persona_id, ut ORDER BY mes)
),
eventos AS (
    -- A person covers the 12 months from each training month on. Counting +1 where a person's coverage starts
    -- (no training in the 12 months before) and −1 twelve months after a training month with none in the 12 after
    -- counts each person once however many courses overlap. Year to date: +1 at a person's first month of a year.
    SELECT ente_id, ut, FALSE AS anual, mes, count(*) AS delta FROM vecinos
    WHERE anterior IS NULL OR anterior < mes - INTERVAL 12 MONTH GROUP BY ALL
    UNION ALL
    SELECT ente_id, ut, FALSE, (mes + INTERVAL 12 MONTH)::DATE, -count(*) FROM vecinos
    WHERE siguiente IS NULL OR siguiente > mes + INTERVAL 12 MONTH GROUP BY ALL
    UNION ALL
    SELECT ente_id, ut, TRUE, mes, count(*) FROM vecinos
    WHERE anterior IS NULL OR year(anterior) <> year(mes) GROUP BY ALL
),
ventana AS (
    -- Distinct persons (and UT members) trained in the 12 months ending with each grid month, and in its year.
    SELECT ente_id, mes,
           sum(delta) FILTER (WHERE NOT anual AND NOT ut) OVER doce AS doce_meses,
           sum(delta) FILTER (WHERE NOT anual AND ut) OVER doce AS doce_meses_ut,
           sum(delta) FILTER (WHERE anual AND NOT ut) OVER anio AS ytd,
           sum(delta) FILTER (WHERE anual AND ut) OVER anio AS ytd_ut
    FROM (SELECT ente_id, FALSE AS ut, FALSE AS anual, mes, 0 AS delta FROM grid
          UNION ALL SELECT ente_id, ut, anual, mes, delta FROM eventos)
    WINDOW doce AS (PARTITION BY ente_id ORDER BY mes RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           anio AS (PARTITION BY ente_id, year(mes) ORDER BY mes RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
acumulado AS (
    SELECT p.*, coalesce(v.doce_meses, 0) AS doce_meses, coalesce(v.doce_meses_ut, 0) AS doce_meses_ut,
           coalesce(v.ytd, 0) AS ytd, coalesce(v.ytd_ut, 0) AS ytd_ut
    FROM por_mes p
    LEFT JOIN (SELECT ente_id, mes, max(doce_meses) AS doce_meses, max(doce_meses_ut) AS doce_meses_ut,
                      max(ytd) AS ytd, max(ytd_ut) AS ytd_ut
               FROM ventana GROUP BY ALL) v USING (ente_id, mes)
),
comite AS (
    -- Distinct Comité members trained in the 12 months ending with each grid month (few rows: a range join).
    SELECT g.ente_id, g.mes, count(DISTINCT a.persona_id) AS personas_comite
    FROM grid g
    JOIN (SELECT DISTINCT ente_id, antecesor_id FROM ente_linaje) l ON l.ente_id = g.ente_id
    JOIN asistencia a ON a.ente_id = l.antecesor_id AND a.es_comite AND a.capacitada
                     AND a.mes <= g.mes AND a.mes > g.mes - INTERVAL 12 MONTH
    GROUP BY ALL
),
con_plantilla AS (
    SELECT a.*, pl.total_personal, pl.personal_ut, pl.integrantes_comite, pl.titular_ut_certificado,
           coalesce(c.personas_comite, 0) AS personas_comite
    FROM acumulado a
    LEFT JOIN comite c USING (ente_id, mes)
    ASOF LEFT JOIN plantilla pl ON pl.ente_id = a.ente_id AND last_day(a.mes) >= pl.fecha_corte
),
stocks AS (
    SELECT c.*,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(doce_meses, total_personal) END AS personas_acum,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(doce_meses_ut, coalesce(personal_ut, 0)) END AS personas_ut_acum,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(ytd, total_personal) END AS personas_anio,
           CASE WHEN total_personal IS NULL THEN 0 ELSE least(ytd_ut, coalesce(personal_ut, 0)) END AS personas_ut_anio
    FROM con_plantilla c
)
SELECT s.ente_id, s.mes, s.inscripciones, s.asistentes, s.evaluados, s.aprobados, s.horas_persona,
       s.personas_capacitadas, s.personas_ut_capacitadas, s.personas_acum, s.personas_ut_acum,
       coalesce(s.total_personal, 0) AS total_personal,
       CASE WHEN s.total_personal IS NULL THEN 0 ELSE coalesce(s.personal_ut, 0) END AS personal_ut,
       CASE WHEN s.total_personal IS NOT NULL
             AND 100 * s.personas_anio >= r.pct_personal * s.total_personal
             AND (coalesce(s.personal_ut, 0) = 0 OR 100 * s.personas_ut_anio >= r.pct_ut * s.personal_ut)
            THEN 1 ELSE 0 END AS ente_100,
       (s.total_personal IS NOT NULL)::INTEGER AS entes_con_plantilla,
       coalesce(least(s.personas_comite, s.integrantes_comite), 0) AS personas_comite_acum,
       coalesce(s.integrantes_comite, 0) AS integrantes_comite,
       (s.integrantes_comite IS NOT NULL AND s.personas_comite >= s.integrantes_comite)::INTEGER AS comite_100,
       (s.integrantes_comite IS NOT NULL)::INTEGER AS entes_con_comite,
       coalesce(s.titular_ut_certificado, FALSE)::INTEGER AS titular_ut_certificado,
       (s.titular_ut_certificado IS NOT NULL)::INTEGER AS entes_informan_certificacion
FROM stocks s CROSS JOIN regla r;
