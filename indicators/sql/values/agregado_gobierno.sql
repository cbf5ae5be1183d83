-- agg_{base} for a base of the whole program (no ente: courses and public events are SABGOB's), at the government
-- level only, so no ente or group gets its counts. Every column but the month is a count (a flow).
-- {base}: a base table of indicators/definitions.py (an identifier, never data).
CREATE OR REPLACE TEMP TABLE agg_{base} AS
WITH u AS (
    SELECT n.nivel, n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
           any_value(n.vigente_desde) AS vigente_desde, any_value(n.vigente_hasta) AS vigente_hasta,
           t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
           inicio_de(b.mes, t.tipo_periodo) AS periodo_inicio,
           sum(COLUMNS(b.* EXCLUDE (mes)))
    FROM {base} b
    CROSS JOIN (SELECT DISTINCT nivel, clave, nombre, grupo_pares, vigente_desde, vigente_hasta
                FROM niveles WHERE nivel = 'gobierno') n
    CROSS JOIN tipos_periodo t
    WHERE list_contains($periodos, t.tipo_periodo)
    GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo), inicio_de(b.mes, t.tipo_periodo)
),
por_nivel AS (
    SELECT nivel, clave, any_value(nombre) AS nombre, any_value(grupo_pares) AS grupo_pares,
           any_value(vigente_desde) AS vigente_desde, any_value(vigente_hasta) AS vigente_hasta, tipo_periodo,
           periodo, min(periodo_inicio) AS periodo_inicio,
           sum(COLUMNS(u.* EXCLUDE (nivel, clave, nombre, grupo_pares, vigente_desde, vigente_hasta, tipo_periodo,
                                    periodo, periodo_inicio)))::DOUBLE
    FROM u GROUP BY nivel, clave, tipo_periodo, periodo
)
SELECT nivel_en(nivel, vigente_desde, vigente_hasta, periodo_inicio, tipo_periodo) AS nivel, clave, nombre,
       grupo_pares, tipo_periodo, periodo, periodo_inicio, COLUMNS(* EXCLUDE (nivel, clave, nombre, grupo_pares,
       vigente_desde, vigente_hasta, tipo_periodo, periodo, periodo_inicio))
FROM por_nivel;
