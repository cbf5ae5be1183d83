-- Every indicator with everything needed to recompute it: formula, numerator, denominator, unit, direction,
-- target (or why there is none), semáforo thresholds, minimum denominator, source and version.
SELECT dimension, nombre, indicador, descripcion, formula, tipo, numerador, denominador, unidad, direccion,
       meta, sin_meta, umbral_verde, umbral_amarillo, denominador_minimo, fuente, version
FROM indicador
ORDER BY orden
