-- Counts per ente × month for the indicators of the Unidades de Transparencia (UT). Rules, stated on the Metodología
-- page (indicators/reglas.toml) and in the README:
--  * Staff: personal_ut of the latest plantilla whose cut-off date is on or before the last day of the month. An ente
--    without one, or whose plantilla leaves personal_ut blank, has 0 in every _ut column (numerators and denominators
--    cover the same entes); a plantilla that declares 0 UT staff counts, and is below any tier.
--  * Capacity: días-persona = personal_ut × business days of the month, from the calendar the deadlines use.
--  * Tier: the requests received in the 12 months ending with the month (that month and the 11 before) fall in one
--    tier of perfil_ut (data/catalogos/perfil_ut.toml: from and to, both inclusive); its personal_minimo is the staff
--    the UT should have. Below its tier: personal_ut < personal_minimo.
-- The grid has every month from the first to the last month with requests, for every ente with requests or a
-- plantilla while it is in force (plus any ente × month with requests), so the 12-month window has its empty months.
INSERT INTO base_ut_mes BY NAME
WITH grid AS (
    SELECT ente_id, mes
    FROM meses_en_vigor((SELECT min(mes) FROM solicitud), (SELECT max(mes) FROM solicitud))
    WHERE ente_id IN (SELECT ente_id FROM solicitud UNION SELECT ente_id FROM plantilla)
    UNION
    SELECT DISTINCT ente_id, mes FROM solicitud
),
mensual AS (
    SELECT ente_id, mes, count(*) AS recibidas,
           count(*) FILTER (WHERE tipo_solicitud = 'datos_personales') AS recibidas_datos_personales
    FROM solicitud
    GROUP BY ALL
),
habiles AS (
    SELECT date_trunc('month', fecha)::DATE AS mes, count(*) FILTER (WHERE habil) AS dias_habiles
    FROM calendario
    GROUP BY ALL
),
conteos AS (
    SELECT g.ente_id, g.mes, coalesce(m.recibidas, 0) AS recibidas,
           coalesce(m.recibidas_datos_personales, 0) AS recibidas_datos_personales
    FROM grid g LEFT JOIN mensual m USING (ente_id, mes)
),
con_plantilla AS (
    SELECT c.*, pl.personal_ut,
           sum(c.recibidas) OVER (PARTITION BY c.ente_id ORDER BY c.mes
                                  RANGE BETWEEN INTERVAL 11 MONTH PRECEDING AND CURRENT ROW) AS solicitudes_12_meses
    FROM conteos c
    ASOF LEFT JOIN plantilla pl ON pl.ente_id = c.ente_id AND last_day(c.mes) >= pl.fecha_corte
),
con_nivel AS (
    SELECT c.*, c.personal_ut IS NOT NULL AS con_ut, coalesce(p.personal_minimo, 0) AS personal_minimo
    FROM con_plantilla c
    LEFT JOIN perfil_ut p
      ON c.solicitudes_12_meses >= p.solicitudes_desde
     AND (p.solicitudes_hasta IS NULL OR c.solicitudes_12_meses <= p.solicitudes_hasta)
)
SELECT c.ente_id, c.mes, c.recibidas, c.recibidas_datos_personales,
       CASE WHEN c.con_ut THEN c.recibidas ELSE 0 END AS recibidas_con_ut,
       CASE WHEN c.con_ut THEN c.personal_ut * h.dias_habiles ELSE 0 END AS dias_persona_ut,
       CASE WHEN c.con_ut THEN c.personal_ut ELSE 0 END AS personal_ut,
       c.solicitudes_12_meses,
       CASE WHEN c.con_ut THEN c.personal_minimo ELSE 0 END AS personal_ut_minimo,
       (c.con_ut AND c.personal_ut < c.personal_minimo)::INTEGER AS entes_ut_bajo_perfil,
       c.con_ut::INTEGER AS entes_con_ut
FROM con_nivel c JOIN habiles h USING (mes);
