-- The indicator catalog, in display order.
SELECT indicador, nombre, descripcion, formula, unidad, direccion, meta,
       umbral_verde, umbral_amarillo, denominador_minimo, dimension, orden, tipo
FROM indicador
ORDER BY orden, indicador
