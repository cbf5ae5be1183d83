-- The index rules: dimension weights and, within each dimension, each indicator's weight and scoring line.
SELECT r.dimension_nombre, r.peso_dimension, i.nombre AS indicador, r.peso, r.cero, r.cien, r.version
FROM indice_regla r JOIN indicador i USING (indicador)
ORDER BY r.peso_dimension DESC, r.dimension, r.peso DESC
