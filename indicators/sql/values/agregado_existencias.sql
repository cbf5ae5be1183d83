-- agg_{base} for a base with stocks (staff counts, coverage, year-to-date totals: $existencias), in two steps.
-- Per unit (ente) and period, flows ($flujos) are summed and stocks take their value at the unit's last month in
-- the period, if the unit is in force at the end of the period: an ente that ended adds no staff nor coverage after
-- its end (its successor carries them). Then units are added per level.
-- {base}: a base table of indicators/definitions.py (an identifier, never data); its columns are named in the
-- parameters, and no column of niveles, ente or tipos_periodo has the name of one of them (catalog.py checks it).
CREATE OR REPLACE TEMP TABLE agg_{base} AS
WITH u AS (
    SELECT n.nivel, n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
           any_value(n.vigente_desde) AS vigente_desde, any_value(n.vigente_hasta) AS vigente_hasta,
           t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
           inicio_de(b.mes, t.tipo_periodo) AS periodo_inicio,
           sum(COLUMNS(lambda c: list_contains($flujos, c))),
           CASE WHEN en_vigor(any_value(ue.vigente_desde), any_value(ue.vigente_hasta),
                              fin_de(inicio_de(b.mes, t.tipo_periodo), t.tipo_periodo))
                THEN arg_max(COLUMNS(lambda c: list_contains($existencias, c)), b.mes) ELSE 0 END
    FROM {base} b JOIN niveles n USING (ente_id) JOIN ente ue ON ue.ente_id = b.ente_id CROSS JOIN tipos_periodo t
    WHERE list_contains($periodos, t.tipo_periodo)
    GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo), inicio_de(b.mes, t.tipo_periodo),
             b.ente_id
),
por_nivel AS (
    SELECT nivel, clave, any_value(nombre) AS nombre, any_value(grupo_pares) AS grupo_pares,
           any_value(vigente_desde) AS vigente_desde, any_value(vigente_hasta) AS vigente_hasta, tipo_periodo,
           periodo, min(periodo_inicio) AS periodo_inicio,
           sum(COLUMNS(lambda c: list_contains($flujos, c) OR list_contains($existencias, c)))::DOUBLE
    FROM u GROUP BY nivel, clave, tipo_periodo, periodo
)
SELECT nivel_en(nivel, vigente_desde, vigente_hasta, periodo_inicio, tipo_periodo) AS nivel, clave, nombre,
       grupo_pares, tipo_periodo, periodo, periodo_inicio, COLUMNS(* EXCLUDE (nivel, clave, nombre, grupo_pares,
       vigente_desde, vigente_hasta, tipo_periodo, periodo, periodo_inicio))
FROM por_nivel;
