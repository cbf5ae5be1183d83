-- An indicator of tipo 'razon': $escala × numerador / denominador of the summed counts (never an average of
-- percentages), with both counts stored so any level or period is re-aggregated from them; "datos suficientes"
-- when the denominator reaches the indicator's minimum. {agg}: the aggregate of its base; {numerador},
-- {denominador}: columns of it named in indicators/indicadores.toml (identifiers); {tipo}: empty, or the
-- type-of-request column when writing indicador_valor_tipo (indicators/compute.py).
INSERT INTO {destino} BY NAME
SELECT a.nivel, a.clave, a.nombre, a.grupo_pares, a.tipo_periodo, a.periodo, a.periodo_inicio, $id AS indicador,
       CASE WHEN a.{denominador} > 0 THEN $escala * a.{numerador} / a.{denominador} END AS valor,
       a.{numerador} AS numerador, a.{denominador} AS denominador, a.{denominador} >= $minimo AS suficiente,
       $fuente AS fuente{tipo}
FROM {agg} a;
