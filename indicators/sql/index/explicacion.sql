-- «¿Por qué cambió?» of each ente's index (indice_explicacion), written from indice_cambio (one row per component
-- and pair of periods) and fraccion_cambio (the fracciones that moved, for the verification component
-- $verificacion). One paragraph: the change; then the $efectos largest effects of |effect| ≥ $minimo points, largest
-- first: each component's own effect, and the re-weighting as one more effect told after the components it ties
-- with. Ties and lists come out in a fixed order whatever order the rows are in: effects by (dimension, indicator),
-- the indicators without data in one of the periods alphabetically as a reader expects (Índice among the I's).
-- The words are the paragraphs' own (frases.sql: the head sentence, signed points, contractions) and the
-- project's Spanish labels, which index.py writes in two small tables: etiqueta_indicador (name, decimals and unit
-- suffix of each value, place in alphabetical order) and periodo_texto ('octubre de 2026', 'el tercer trimestre de
-- 2026').

-- An indicator's value as format_value writes it: '91.2 %', '1,234', '—' when missing.
CREATE OR REPLACE TEMP MACRO valor_con_unidad(x, decimales, sufijo) AS
    CASE WHEN x IS NULL OR isnan(x) THEN '—'
         WHEN decimales = 0 THEN format('{:,.0f}', x) || sufijo
         ELSE format('{:,.1f}', x) || sufijo END;

INSERT INTO indice_explicacion BY NAME
WITH repartos AS (   -- only the components that can move the weights: present in one period, or re-weighted
    SELECT c.ente_id, c.tipo_periodo, c.periodo,
           -- added in (dimension, indicator) order from 0, as the sentence always added it (a 0 adds nothing)
           coalesce(list_reduce(list(c.efecto_peso ORDER BY c.dimension, c.indicador) FILTER (WHERE c.efecto_peso <> 0),
                                lambda s, x: s + x, 0.0::DOUBLE), 0.0) AS reparto,
           string_agg(e.nombre || ' (antes ' || valor_con_unidad(c.valor_anterior, e.decimales, e.sufijo) || ')', ', '
                      ORDER BY e.orden, c.dimension, c.indicador) FILTER (WHERE c.valor IS NULL) AS sin_datos,
           string_agg(e.nombre, ', ' ORDER BY e.orden, c.dimension, c.indicador) FILTER (WHERE c.valor_anterior IS NULL)
               AS con_datos
    FROM indice_cambio c JOIN etiqueta_indicador e USING (indicador)
    WHERE c.efecto_peso <> 0 OR c.valor IS NULL OR c.valor_anterior IS NULL
    GROUP BY c.ente_id, c.tipo_periodo, c.periodo
),
parrafos AS (
    SELECT c.ente_id, c.tipo_periodo, c.periodo, any_value(c.periodo_anterior) AS periodo_anterior,
           any_value(c.indice) AS indice, any_value(c.indice_anterior) AS indice_anterior,
           coalesce(any_value(r.reparto), 0.0) AS reparto, any_value(r.sin_datos) AS sin_datos,
           any_value(r.con_datos) AS con_datos
    FROM indice_cambio c
    LEFT JOIN repartos r ON r.ente_id = c.ente_id AND r.tipo_periodo = c.tipo_periodo AND r.periodo = c.periodo
    GROUP BY c.ente_id, c.tipo_periodo, c.periodo
),
efectos AS (   -- what can be told: each component's own effect, and the re-weighting after the components it ties with
    SELECT ente_id, tipo_periodo, periodo, -abs(efecto_valor) AS orden, 0 AS es_reparto, dimension, indicador,
           efecto_valor AS efecto
    FROM indice_cambio WHERE abs(efecto_valor) >= $minimo
    UNION ALL
    SELECT ente_id, tipo_periodo, periodo, -abs(reparto), 1, NULL, NULL, reparto
    FROM parrafos WHERE abs(reparto) >= $minimo
),
contados AS (   -- ranked, then worded
    SELECT * FROM efectos
    QUALIFY row_number() OVER (PARTITION BY ente_id, tipo_periodo, periodo
                               ORDER BY orden, es_reparto, dimension, indicador) <= $efectos
),
fracciones AS (   -- the fracciones that moved the way of the verification component, when it is told
    SELECT f.ente_id, f.tipo_periodo, f.periodo,
           string_agg(f.fraccion || ' pasó de ' || format('{:.0f}', f.antes) || ' a ' || format('{:.0f}', f.ahora), '; '
                      ORDER BY abs(f.ahora - f.antes) DESC, f.fraccion) AS texto
    FROM contados c
    JOIN fraccion_cambio f ON f.ente_id = c.ente_id AND f.tipo_periodo = c.tipo_periodo AND f.periodo = c.periodo
                          AND (f.ahora - f.antes > 0) = (c.efecto > 0)
    WHERE c.indicador = $verificacion
    GROUP BY ALL
),
frases AS (
    SELECT c.ente_id, c.tipo_periodo, c.periodo,
           row_number() OVER (PARTITION BY c.ente_id, c.tipo_periodo, c.periodo
                              ORDER BY c.orden, c.es_reparto, c.dimension, c.indicador) AS lugar,
           ' ' || puntos_con_signo(c.efecto) || ' puntos' || CASE
               WHEN c.es_reparto = 1 THEN ' por el reparto de pesos ('
                   || coalesce(nullif(concat_ws('; ', 'sin datos suficientes en este periodo: ' || p.sin_datos,
                                                'con datos ahora y no antes: ' || p.con_datos), ''),
                               'cambió qué indicadores tienen datos') || ')'
               ELSE ': ' || e.nombre || ' pasó de ' || valor_con_unidad(i.valor_anterior, e.decimales, e.sufijo)
                    || ' a ' || valor_con_unidad(i.valor, e.decimales, e.sufijo)
                    || coalesce(' (' || f.texto || ')', '') END || '.' AS texto
    FROM contados c
    LEFT JOIN parrafos p ON c.es_reparto = 1 AND p.ente_id = c.ente_id AND p.tipo_periodo = c.tipo_periodo
                        AND p.periodo = c.periodo
    LEFT JOIN indice_cambio i ON i.ente_id = c.ente_id AND i.tipo_periodo = c.tipo_periodo AND i.periodo = c.periodo
                             AND i.indicador = c.indicador
    LEFT JOIN etiqueta_indicador e ON e.indicador = c.indicador
    LEFT JOIN fracciones f ON c.indicador = $verificacion AND f.ente_id = c.ente_id
                          AND f.tipo_periodo = c.tipo_periodo AND f.periodo = c.periodo
),
cuerpo AS (
    SELECT ente_id, tipo_periodo, periodo, string_agg(texto, '' ORDER BY lugar) AS texto   -- each starts with ' '
    FROM frases GROUP BY ALL
)
SELECT p.ente_id, p.tipo_periodo, p.periodo, p.periodo_anterior, p.indice - p.indice_anterior AS cambio,
       contraido(frase_cambio('El índice', p.indice, p.indice_anterior, ta.texto, tn.texto, $minimo)
                 || '.' || coalesce(c.texto, '')) AS texto
FROM parrafos p
JOIN periodo_texto tn ON tn.tipo_periodo = p.tipo_periodo AND tn.periodo = p.periodo
JOIN periodo_texto ta ON ta.tipo_periodo = p.tipo_periodo AND ta.periodo = p.periodo_anterior
LEFT JOIN cuerpo c ON c.ente_id = p.ente_id AND c.tipo_periodo = p.tipo_periodo AND c.periodo = p.periodo
ORDER BY p.ente_id, p.tipo_periodo, p.periodo
