-- stg_verificacion (good rows) → verificacion + verificacion_resultado. The same review × ente × fracción
-- [× criterio] seen again is one result: the row from the newest file wins (files ranked by archivo_orden, which
-- rank_files writes to carga_orden from the dates staging parsed).
INSERT INTO verificacion
SELECT verificacion, mode(tipo_norm), mode(periodo_evaluado), fecha_revision,
       date_trunc('month', fecha_revision)::DATE, any_value(ley_version)
FROM stg_verificacion
WHERE motivo IS NULL
GROUP BY verificacion, fecha_revision;

INSERT INTO verificacion_resultado
SELECT verificacion, ente_id, ley_version, articulo_final, fraccion_norm,
       CASE WHEN es_criterio THEN 'criterio' ELSE 'fraccion' END,
       criterio, tipo_criterio_norm,
       CASE WHEN es_criterio THEN valor_num END,
       CASE WHEN NOT es_criterio THEN porcentaje_num END,
       observacion, carga_id, archivo, fila
FROM stg_verificacion
JOIN carga_orden USING (carga_id)
WHERE motivo IS NULL
QUALIFY row_number() OVER (PARTITION BY verificacion, ente_id, ley_version, articulo_final, fraccion_norm,
                                        es_criterio, CASE WHEN es_criterio THEN criterio END
                           ORDER BY archivo_orden DESC, fila DESC) = 1;
