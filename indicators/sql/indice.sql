-- IDT per ente × period from indicador_valor (nivel ente, values with enough data) and indice_regla.
-- Sums of fractional values are taken as DECIMAL (exact): a DOUBLE sum depends on the order DuckDB's threads
-- add the terms, and two builds of the same data would rank tied entes, or round a x.x5, differently.
INSERT INTO indice_componente
WITH comp AS (
    SELECT v.clave AS ente_id, v.tipo_periodo, v.periodo, v.periodo_inicio, r.dimension, r.peso_dimension,
           r.indicador, r.peso, v.valor,
           greatest(0, least(100, 100 * (v.valor - r.cero) / (r.cien - r.cero))) AS puntaje
    FROM indicador_valor v JOIN indice_regla r USING (indicador)
    WHERE v.nivel = 'ente' AND v.valor IS NOT NULL AND v.suficiente AND v.fuente = 'registros'
),
weighted AS (
    SELECT *,
           peso / sum(peso::DECIMAL(38, 10)) OVER (PARTITION BY ente_id, tipo_periodo, periodo, dimension) AS peso_componente_norm
    FROM comp
),
dims AS (   -- the weight of each dimension present, normalized over the dimensions present
    SELECT ente_id, tipo_periodo, periodo, dimension,
           any_value(peso_dimension) / sum(any_value(peso_dimension)::DECIMAL(38, 10)) OVER (PARTITION BY ente_id, tipo_periodo, periodo)
               AS peso_dimension_norm
    FROM comp GROUP BY ente_id, tipo_periodo, periodo, dimension
)
SELECT w.ente_id, w.tipo_periodo, w.periodo, w.periodo_inicio, w.dimension, w.indicador, w.valor, w.puntaje,
       d.peso_dimension_norm, w.peso_componente_norm, d.peso_dimension_norm * w.peso_componente_norm * w.puntaje
FROM weighted w JOIN dims d USING (ente_id, tipo_periodo, periodo, dimension);

INSERT INTO indice_desempeno
WITH todas AS (SELECT DISTINCT dimension FROM indice_regla),
presentes AS (
    SELECT ente_id, tipo_periodo, periodo, any_value(periodo_inicio) AS periodo_inicio, sum(contribucion::DECIMAL(38, 10))::DOUBLE AS indice,
           list(DISTINCT dimension ORDER BY dimension) AS dims
    FROM indice_componente GROUP BY ALL
)
SELECT p.ente_id, p.tipo_periodo, p.periodo, p.periodo_inicio, p.indice, array_to_string(p.dims, ','),
       nullif(array_to_string(list_sort(list_filter((SELECT list(dimension) FROM todas), lambda x: NOT list_contains(p.dims, x))), ','), ''),
       len(p.dims) = (SELECT count(*) FROM todas)
FROM presentes p;

-- The index and each dimension's score as indicator values, so rankings, fichas and the export use them.
-- An index from a single dimension is flagged as not enough to rank ("datos insuficientes").
INSERT INTO indicador_valor
SELECT 'ente', i.ente_id, e.nombre_oficial, e.grupo_pares, i.tipo_periodo, i.periodo, i.periodo_inicio,
       'indice_desempeno', i.indice, i.indice, NULL, len(string_split(i.dimensiones_presentes, ',')) >= 2, 'registros'
FROM indice_desempeno i JOIN ente e USING (ente_id);

INSERT INTO indicador_valor
SELECT 'ente', c.ente_id, e.nombre_oficial, e.grupo_pares, c.tipo_periodo, c.periodo, any_value(c.periodo_inicio),
       'puntaje_' || c.dimension, sum((c.peso_componente_norm * c.puntaje)::DECIMAL(38, 10))::DOUBLE, NULL, NULL, TRUE, 'registros'
FROM indice_componente c JOIN ente e USING (ente_id)
GROUP BY c.ente_id, e.nombre_oficial, e.grupo_pares, c.tipo_periodo, c.periodo, c.dimension;

-- Groups and the government: the simple mean of their entes' index (each ente counts once).
INSERT INTO indicador_valor
SELECT n.nivel, n.clave, any_value(n.nombre), NULL, v.tipo_periodo, v.periodo, any_value(v.periodo_inicio),
       v.indicador, avg(v.valor::DECIMAL(38, 10)), sum(v.valor::DECIMAL(38, 10))::DOUBLE, count(*), count(*) >= 3, 'registros'
FROM indicador_valor v JOIN niveles n ON n.ente_id = v.clave AND n.nivel IN ('grupo', 'gobierno')
WHERE v.nivel = 'ente' AND (v.indicador = 'indice_desempeno' OR v.indicador LIKE 'puntaje\_%' ESCAPE '\')
  AND v.suficiente
GROUP BY n.nivel, n.clave, v.tipo_periodo, v.periodo, v.indicador;
