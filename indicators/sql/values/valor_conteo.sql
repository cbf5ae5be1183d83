-- An indicator of tipo 'conteo': its value is the sum of one count (numerador in indicators/indicadores.toml), and it
-- needs no minimum denominator. {agg}: the aggregate of its base; {numerador}: a column of it (identifiers); {tipo}:
-- empty, or the type-of-request column when writing indicador_valor_tipo (indicators/compute.py).
INSERT INTO {destino} BY NAME
SELECT a.nivel, a.clave, a.nombre, a.grupo_pares, a.tipo_periodo, a.periodo, a.periodo_inicio, $id AS indicador,
       a.{numerador} AS valor, a.{numerador} AS numerador, NULL AS denominador, TRUE AS suficiente,
       $fuente AS fuente{tipo}
FROM {agg} a;
