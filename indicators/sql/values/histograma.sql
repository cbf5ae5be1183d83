-- hist_{base}: how many answers took each number of días hábiles ({histogram}: ente × month × dias → n), per level
-- and period, with the running count up to each number of days (acumulado) and the period's total: a percentile
-- is read from it exactly (valor_percentil.sql), never averaged from monthly medians.
-- {base}, {histogram}: tables of indicators/definitions.py (identifiers, never data).
CREATE OR REPLACE TEMP TABLE hist_{base} AS
WITH h AS (
    SELECT nivel_en(n.nivel, any_value(n.vigente_desde), any_value(n.vigente_hasta),
                    min(inicio_de(h.mes, t.tipo_periodo)), t.tipo_periodo) AS nivel,
           n.clave, t.tipo_periodo, periodo_de(h.mes, t.tipo_periodo) AS periodo, h.dias, sum(h.n) AS n
    FROM {histogram} h JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
    GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(h.mes, t.tipo_periodo), h.dias
)
SELECT *, sum(n) OVER (PARTITION BY nivel, clave, tipo_periodo, periodo ORDER BY dias) AS acumulado,
          sum(n) OVER (PARTITION BY nivel, clave, tipo_periodo, periodo) AS total
FROM h;
