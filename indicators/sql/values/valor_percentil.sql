-- An indicator of tipo 'percentil' ($p: 0.5 for the median, 0.9 for p90), read exactly from the histogram of days.
-- The two ranks whose days are averaged: the median of an even count n is the mean of the values at ranks n/2 and
-- n/2 + 1 (1, 2, 2, 3, 9, 10 → 2.5), an odd count has one middle rank; any other percentile takes the nearest rank,
-- ceil(p × n), for both: the smallest number of days reached by at least p of the answered requests. p × n is taken
-- as DECIMAL so that 0.9 × 70 is 63, not 63.000000001 (which would move the rank to 64).
-- {agg}, {hist}: the aggregate and histogram of its base; {denominador}: a column of {agg} (identifiers); {tipo}:
-- empty, or the type-of-request column when writing indicador_valor_tipo (indicators/compute.py).
INSERT INTO {destino} BY NAME
WITH rangos AS (
    SELECT *, ceil($p::DECIMAL(9, 6) * total) AS bajo,
           CASE WHEN $p = 0.5 THEN total // 2 + 1 ELSE ceil($p::DECIMAL(9, 6) * total) END AS alto
    FROM {hist}
),
percentil AS (
    SELECT nivel, clave, tipo_periodo, periodo,
           (min(dias) FILTER (WHERE acumulado >= bajo) + min(dias) FILTER (WHERE acumulado >= alto)) / 2.0 AS valor
    FROM rangos GROUP BY ALL
)
SELECT a.nivel, a.clave, a.nombre, a.grupo_pares, a.tipo_periodo, a.periodo, a.periodo_inicio, $id AS indicador,
       p.valor, NULL AS numerador, a.{denominador} AS denominador, a.{denominador} >= $minimo AS suficiente,
       $fuente AS fuente{tipo}
FROM {agg} a LEFT JOIN percentil p USING (nivel, clave, tipo_periodo, periodo);
