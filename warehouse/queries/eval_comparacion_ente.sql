-- Citizens and verifiers side by side for one ente and reference month (comparacion_ciudadana): the fracciones
-- where they disagree most first (largest difference either way), then those without a comparison, in law order.
SELECT articulo, fraccion, obligacion, evaluaciones, pct_encontrada, pct_actualizada, comprension_media,
       evaluaciones_verificacion, puntaje_verificacion, diferencia, desacuerdo
FROM comparacion_ciudadana
WHERE ente_id = $ente AND mes = $mes
ORDER BY abs(diferencia) DESC NULLS LAST, articulo, orden, fraccion
