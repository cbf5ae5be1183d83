-- agg_{base}: the counts of a base table (ente × month) added up per level (ente, linaje, grupo, gobierno) and period
-- (mes, trimestre, anio), over the period types the base can speak for ($periodos). Every column but the keys is a
-- count (a flow), so sums are all it takes; an ente's rows in periods it is not in force in are its 'linaje'.
-- {base}: a base table of indicators/definitions.py (an identifier, never data).
CREATE OR REPLACE TEMP TABLE agg_{base} AS
SELECT nivel_en(n.nivel, any_value(n.vigente_desde), any_value(n.vigente_hasta),
                min(inicio_de(b.mes, t.tipo_periodo)), t.tipo_periodo) AS nivel,
       n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
       t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
       min(inicio_de(b.mes, t.tipo_periodo)) AS periodo_inicio,
       sum(COLUMNS(b.* EXCLUDE (ente_id, mes)))::DOUBLE
FROM {base} b JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
WHERE list_contains($periodos, t.tipo_periodo)
GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo);
