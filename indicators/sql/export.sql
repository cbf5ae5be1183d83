-- One row per ente (or group, or the whole government) × periodo × indicador: the open-data file.
-- Text cells that a spreadsheet would run as a formula are neutralized with a leading apostrophe.
CREATE OR REPLACE TEMP MACRO seguro(t) AS
    CASE WHEN regexp_matches(t, '^[=+\-@\t\r]') THEN '''' || t ELSE t END;
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
       (SELECT valor FROM metadatos WHERE clave = 'fecha_corte') AS datos_al
FROM indicador_valor v JOIN indicador i USING (indicador)
-- "Why did it move": the index's change against the previous period, in words, on the index rows.
LEFT JOIN indice_explicacion x
       ON v.indicador = 'indice_desempeno' AND v.nivel = 'ente' AND x.ente_id = v.clave
      AND x.tipo_periodo = v.tipo_periodo AND x.periodo = v.periodo
ORDER BY CASE v.nivel WHEN 'gobierno' THEN 0 WHEN 'grupo' THEN 1 ELSE 2 END, v.clave,
         CASE v.tipo_periodo WHEN 'anio' THEN 0 WHEN 'trimestre' THEN 1 ELSE 2 END, v.periodo_inicio, i.orden;
