-- What to fix: the ente's indicators in red or yellow for the period (with a target and enough data),
-- worst first within each dimension.
SELECT i.dimension, i.nombre, i.unidad, i.direccion, v.valor, i.meta, i.umbral_verde, i.umbral_amarillo,
       CASE WHEN (i.direccion = 'mayor_es_mejor' AND v.valor >= i.umbral_amarillo)
              OR (i.direccion = 'menor_es_mejor' AND v.valor <= i.umbral_amarillo) THEN 'Amarillo' ELSE 'Rojo' END
           AS semaforo
FROM indicador_valor v JOIN indicador i USING (indicador)
WHERE v.nivel = 'ente' AND v.clave = $ente AND v.tipo_periodo = $tipo_periodo AND v.periodo = $periodo
  AND v.suficiente AND v.valor IS NOT NULL AND i.umbral_verde IS NOT NULL AND i.tipo <> 'compuesto'
  AND ((i.direccion = 'mayor_es_mejor' AND v.valor < i.umbral_verde)
    OR (i.direccion = 'menor_es_mejor' AND v.valor > i.umbral_verde))
ORDER BY semaforo DESC, i.orden
