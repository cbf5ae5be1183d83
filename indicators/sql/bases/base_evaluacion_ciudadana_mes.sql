-- Citizens' evaluations counted per ente × fracción × month, then per ente × month (the base of the
-- evaluacion_ciudadana_* indicators). Every value is a ratio of these sums, so a quarter, a year, a group, the
-- government or the 12 months of the comparison with the verifiers pool the evaluations, never average percentages:
--   % encontrada     = 100 × (sí + 0.5 × parcialmente) / evaluaciones (the verifiers' 1 / 0.5 / 0 scale)
--   % actualizada    = 100 × sí / (sí + no); «no sé» does not count
--   comprensión media = Σ comprensión (1–5) / evaluaciones
INSERT INTO evaluacion_ciudadana_fraccion_mes BY NAME
SELECT ente_id, ley_version, articulo, fraccion, any_value(clave_historica) AS clave_historica, mes,
       count(*)                                          AS evaluaciones,
       count(*) FILTER (WHERE encontrada = 'si')           AS encontrada_si,
       count(*) FILTER (WHERE encontrada = 'parcialmente') AS encontrada_parcial,
       (count(*) FILTER (WHERE encontrada = 'si')
        + 0.5 * count(*) FILTER (WHERE encontrada = 'parcialmente'))::DECIMAL(18, 1) AS puntos_encontrada,
       count(*) FILTER (WHERE actualizada = 'si')          AS actualizada_si,
       count(*) FILTER (WHERE actualizada IN ('si', 'no')) AS actualizada_opinion,
       sum(comprension)                                  AS suma_comprension
FROM evaluacion_ciudadana
GROUP BY ente_id, ley_version, articulo, fraccion, mes;

INSERT INTO base_evaluacion_ciudadana_mes BY NAME
SELECT ente_id, mes, sum(evaluaciones) AS evaluaciones, sum(puntos_encontrada) AS puntos_encontrada,
       sum(actualizada_si) AS actualizada_si, sum(actualizada_opinion) AS actualizada_opinion,
       sum(suma_comprension) AS suma_comprension
FROM evaluacion_ciudadana_fraccion_mes
GROUP BY ente_id, mes;
