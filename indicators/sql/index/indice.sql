-- IDT per ente × period from indicador_valor (values with enough data) and indice_regla: for the periods the ente
-- is in force in (nivel 'ente') and for its history through its predecessors (nivel 'linaje', periodos.sql).
-- Sums of fractional values are taken as DECIMAL (exact): a DOUBLE sum depends on the order DuckDB's threads
-- add the terms, and two builds of the same data would rank tied entes, or round a x.x5, differently.
INSERT INTO indice_componente BY NAME
WITH comp AS (
    SELECT v.clave AS ente_id, v.tipo_periodo, v.periodo, v.periodo_inicio, r.dimension, r.peso_dimension,
           r.indicador, r.peso, v.valor,
           greatest(0, least(100, 100 * (v.valor - r.cero) / (r.cien - r.cero))) AS puntaje
    FROM indicador_valor v JOIN indice_regla r USING (indicador)
    WHERE v.nivel IN ('ente', 'linaje') AND v.valor IS NOT NULL AND v.suficiente AND v.fuente = 'registros'
      AND r.peso_dimension > 0   -- a dimension of weight 0 is shown in Metodología but does not enter the index
),
dims AS (   -- each dimension present: its weight, and the weight of its components present
    SELECT ente_id, tipo_periodo, periodo, dimension, any_value(peso_dimension) AS peso_dimension,
           sum(peso::DECIMAL(38, 10)) AS peso_componentes
    FROM comp GROUP BY ente_id, tipo_periodo, periodo, dimension
),
dims_norm AS (   -- the weight of each dimension present, normalized over the dimensions present
    SELECT d.*, d.peso_dimension / t.peso_dimensiones AS peso_dimension_norm
    FROM dims d
    JOIN (SELECT ente_id, tipo_periodo, periodo, sum(peso_dimension::DECIMAL(38, 10)) AS peso_dimensiones
          FROM dims GROUP BY ALL) t USING (ente_id, tipo_periodo, periodo)
)
-- Sums per group joined back, not window sums: the same numbers without sorting a million components.
SELECT c.ente_id, c.tipo_periodo, c.periodo, c.periodo_inicio, c.dimension, c.indicador, c.valor, c.puntaje,
       d.peso_dimension_norm, c.peso / d.peso_componentes AS peso_componente_norm,
       d.peso_dimension_norm * (c.peso / d.peso_componentes) * c.puntaje AS contribucion
FROM comp c JOIN dims_norm d USING (ente_id, tipo_periodo, periodo, dimension);

INSERT INTO indice_desempeno BY NAME
WITH todas AS (SELECT DISTINCT dimension FROM indice_regla WHERE peso_dimension > 0),
presentes AS (
    SELECT ente_id, tipo_periodo, periodo, any_value(periodo_inicio) AS periodo_inicio, sum(contribucion::DECIMAL(38, 10))::DOUBLE AS indice,
           list(DISTINCT dimension ORDER BY dimension) AS dims
    FROM indice_componente GROUP BY ALL
)
SELECT p.ente_id, p.tipo_periodo, p.periodo, p.periodo_inicio, p.indice,
       array_to_string(p.dims, ',') AS dimensiones_presentes,
       nullif(array_to_string(list_sort(list_filter((SELECT list(dimension) FROM todas),
                                                    lambda x: NOT list_contains(p.dims, x))), ','), '')
           AS dimensiones_faltantes,
       len(p.dims) = (SELECT count(*) FROM todas) AS completo
FROM presentes p;

-- The index and each dimension's score as indicator values, so rankings, fichas and the export use them.
-- An index from fewer than two dimensions is flagged as not enough ("datos insuficientes"): it is not ranked,
-- not averaged into a group, and never drawn as a number.
INSERT INTO indicador_valor BY NAME
SELECT nivel_en('ente', e.vigente_desde, e.vigente_hasta, i.periodo_inicio, i.tipo_periodo) AS nivel,
       i.ente_id AS clave, e.nombre_oficial AS nombre, e.grupo_pares, i.tipo_periodo, i.periodo, i.periodo_inicio,
       'indice_desempeno' AS indicador, i.indice AS valor, i.indice AS numerador, NULL AS denominador,
       len(string_split(i.dimensiones_presentes, ',')) >= 2 AS suficiente, 'registros' AS fuente
FROM indice_desempeno i JOIN ente e USING (ente_id);

INSERT INTO indicador_valor BY NAME
SELECT nivel_en('ente', any_value(e.vigente_desde), any_value(e.vigente_hasta), any_value(c.periodo_inicio),
                c.tipo_periodo) AS nivel,
       c.ente_id AS clave, e.nombre_oficial AS nombre, e.grupo_pares, c.tipo_periodo, c.periodo,
       any_value(c.periodo_inicio) AS periodo_inicio, 'puntaje_' || c.dimension AS indicador,
       sum((c.peso_componente_norm * c.puntaje)::DECIMAL(38, 10))::DOUBLE AS valor, NULL AS numerador,
       NULL AS denominador, TRUE AS suficiente, 'registros' AS fuente
FROM indice_componente c JOIN ente e USING (ente_id)
GROUP BY c.ente_id, e.nombre_oficial, e.grupo_pares, c.tipo_periodo, c.periodo, c.dimension;

-- Groups and the government, one rule everywhere: the simple mean of the index of their entes in force at the end
-- of the period whose index has enough data (two dimensions or more), each ente counted once; a dimension's score
-- is the mean over those same entes that have it. The mean is ranked and coloured only with 3 entes or more.
INSERT INTO indicador_valor BY NAME
WITH contados AS (
    SELECT clave AS ente_id, tipo_periodo, periodo FROM indicador_valor
    WHERE nivel = 'ente' AND indicador = 'indice_desempeno' AND suficiente
)
SELECT n.nivel, n.clave, any_value(n.nombre) AS nombre, NULL AS grupo_pares, v.tipo_periodo, v.periodo,
       any_value(v.periodo_inicio) AS periodo_inicio, v.indicador, avg(v.valor::DECIMAL(38, 10)) AS valor,
       sum(v.valor::DECIMAL(38, 10))::DOUBLE AS numerador, count(*) AS denominador, count(*) >= 3 AS suficiente,
       'registros' AS fuente
FROM indicador_valor v
JOIN contados c ON c.ente_id = v.clave AND c.tipo_periodo = v.tipo_periodo AND c.periodo = v.periodo
JOIN niveles n ON n.ente_id = v.clave AND n.nivel IN ('grupo', 'gobierno')
WHERE v.nivel = 'ente' AND (v.indicador = 'indice_desempeno' OR v.indicador LIKE 'puntaje\_%' ESCAPE '\')
GROUP BY n.nivel, n.clave, v.tipo_periodo, v.periodo, v.indicador;
