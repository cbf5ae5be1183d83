-- One row per ente (or group, or the whole government) × periodo × indicador: the open-data file. Text cells go
-- through seguro() (seguro.sql).
CREATE OR REPLACE TEMP VIEW exportacion AS
SELECT seguro(v.clave)           AS ente_id,
       seguro(v.nombre)          AS ente,
       v.periodo,
       seguro(v.indicador)       AS indicador,
       round(v.valor, 4)         AS valor,
       v.numerador,
       v.denominador,
       seguro(i.unidad)          AS unidad,
       v.nivel,
       v.tipo_periodo,
       seguro(v.grupo_pares)     AS grupo_pares,
       v.suficiente,
       seguro(i.nombre)          AS nombre_indicador,
       v.fuente,
       seguro(x.texto)           AS explicacion,
       (SELECT valor FROM metadatos WHERE clave = 'fecha_corte') AS datos_al,
       -- the period still has requests within their legal deadline, or the data do not cover it whole
       coalesce(pe.preliminar, FALSE) AS preliminar,
       -- ambos: both types of request together (the pages' default and the index's); the request indicators are
       -- also read for informacion_publica and for datos_personales (ARCOP) alone
       v.tipo_solicitud
FROM (SELECT *, 'ambos' AS tipo_solicitud FROM indicador_valor
      UNION ALL BY NAME SELECT * FROM indicador_valor_tipo) v
JOIN indicador i USING (indicador)
LEFT JOIN periodo_estado pe ON pe.tipo_periodo = v.tipo_periodo AND pe.periodo = v.periodo
-- "Why did it move": the index's change against the previous period, in words, on the index rows of entes,
-- groups and the government.
LEFT JOIN (SELECT 'ente' AS nivel, ente_id AS clave, tipo_periodo, periodo, texto FROM indice_explicacion
           UNION ALL
           SELECT nivel, clave, tipo_periodo, periodo, texto FROM indice_explicacion_nivel) x
       ON v.indicador = 'indice_desempeno' AND x.nivel = v.nivel AND x.clave = v.clave
      AND x.tipo_periodo = v.tipo_periodo AND x.periodo = v.periodo
-- An ente's history through its predecessors (nivel 'linaje') is in its predecessors' own rows already.
WHERE v.nivel IN ('ente', 'grupo', 'gobierno')
ORDER BY CASE v.nivel WHEN 'gobierno' THEN 0 WHEN 'grupo' THEN 1 ELSE 2 END, v.clave,
         CASE v.tipo_periodo WHEN 'anio' THEN 0 WHEN 'trimestre' THEN 1 ELSE 2 END, v.periodo_inicio, i.orden,
         CASE v.tipo_solicitud WHEN 'ambos' THEN 0 WHEN 'informacion_publica' THEN 1 ELSE 2 END;
