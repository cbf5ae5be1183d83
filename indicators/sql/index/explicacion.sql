-- «¿Por qué cambió?» of each ente's index (indice_explicacion), written from indice_cambio (one row per component
-- and pair of periods) and fraccion_cambio (the fracciones that moved, for the verification component
-- $verificacion). One paragraph: the change; then the $top largest effects of |effect| ≥ $minimo points, largest
-- first: each component's own effect, and the re-weighting as one more effect told after the components it ties
-- with. Ties and lists come out in a fixed order whatever order the rows are in: effects by (dimension, indicator),
-- the indicators without data in one of the periods alphabetically as a reader expects (Índice among the I's).
-- index.py fills the two small label tables with the project's Spanish wording (common/formatting.py):
-- etiqueta_indicador (name, decimals and unit suffix of each value, place in alphabetical order) and periodo_texto
-- ('octubre de 2026', 'el tercer trimestre de 2026'). Groups and the government are told by indicators/explain.py
-- in the same words.
-- Numbers are written by format('{:.1f}'), which gives the digits of Python's f'{x:.1f}' (both round the exact
-- binary value, ties to even; checked equal up to 1e36, far above any value or effect here).
CREATE OR REPLACE TEMP MACRO puntos_con_signo(x) AS
    CASE WHEN x >= 0 THEN '+' ELSE '−' END || format('{:.1f}', abs(x));
CREATE OR REPLACE TEMP MACRO valor_con_unidad(x, decimales, sufijo) AS
    CASE WHEN x IS NULL OR isnan(x) THEN '—'
         WHEN decimales = 0 THEN format('{:,.0f}', x) || sufijo
         ELSE format('{:,.1f}', x) || sufijo END;
-- 'de el' → 'del', 'a el' → 'al' (common.formatting.contract) when a name brings them; a word character is a letter,
-- a digit or '_', as Python's \b reads it. Two passes: one match can use up the space the next one starts with.
CREATE OR REPLACE TEMP MACRO contraido(t) AS
    CASE WHEN contains(t, ' el')
         THEN regexp_replace(regexp_replace(t, '(^|[^\pL\pN_])([Dd]e|[Aa]) el([^\pL\pN_]|$)', '\1\2l\3', 'g'),
                             '(^|[^\pL\pN_])([Dd]e|[Aa]) el([^\pL\pN_]|$)', '\1\2l\3', 'g')
         ELSE t END;

INSERT INTO indice_explicacion BY NAME
WITH fracciones AS (
    SELECT *, ahora - antes > 0 AS subio,
           fraccion || ' pasó de ' || format('{:.0f}', antes) || ' a ' || format('{:.0f}', ahora) AS texto
    FROM fraccion_cambio
),
detalle AS (   -- what the verification component's sentence adds in parentheses: the fracciones that moved its way
    SELECT ente_id, tipo_periodo, periodo,
           string_agg(texto, '; ' ORDER BY abs(ahora - antes) DESC, fraccion) FILTER (WHERE subio) AS subieron,
           string_agg(texto, '; ' ORDER BY abs(ahora - antes) DESC, fraccion) FILTER (WHERE NOT subio) AS bajaron
    FROM fracciones GROUP BY ALL
),
partes AS (
    SELECT c.ente_id, c.tipo_periodo, c.periodo, c.periodo_anterior, c.indice, c.indice_anterior, c.dimension,
           c.indicador, c.valor, c.valor_anterior, c.efecto_valor, c.efecto_peso, e.nombre, e.orden,
           valor_con_unidad(c.valor_anterior, e.decimales, e.sufijo) AS antes_texto,
           puntos_con_signo(c.efecto_valor) || ' puntos: ' || e.nombre || ' pasó de ' || antes_texto || ' a '
               || valor_con_unidad(c.valor, e.decimales, e.sufijo)
               || coalesce(' (' || CASE WHEN c.efecto_valor > 0 THEN d.subieron ELSE d.bajaron END || ')', '')
               AS texto
    FROM indice_cambio c
    JOIN etiqueta_indicador e USING (indicador)
    LEFT JOIN detalle d ON c.indicador = $verificacion AND d.ente_id = c.ente_id
                       AND d.tipo_periodo = c.tipo_periodo AND d.periodo = c.periodo
),
por_ente AS (
    SELECT ente_id, tipo_periodo, periodo, periodo_anterior, any_value(indice) AS indice,
           any_value(indice_anterior) AS indice_anterior,
           -- added in (dimension, indicator) order from 0: the same double as the sum the sentence used to add
           list_reduce(list(efecto_peso ORDER BY dimension, indicador), lambda s, x: s + x, 0.0::DOUBLE) AS reparto,
           string_agg(nombre || ' (antes ' || antes_texto || ')', ', ' ORDER BY orden, dimension, indicador)
               FILTER (WHERE valor IS NULL) AS sin_datos,
           string_agg(nombre, ', ' ORDER BY orden, dimension, indicador) FILTER (WHERE valor_anterior IS NULL)
               AS con_datos,
           list(struct_pack(orden := -abs(efecto_valor), reparto := 0, dimension := dimension,
                             indicador := indicador, texto := texto))
               FILTER (WHERE abs(efecto_valor) >= $minimo) AS efectos
    FROM partes GROUP BY ALL
),
contados AS (
    SELECT p.*, p.indice - p.indice_anterior AS cambio,
           list_sort(coalesce(p.efectos, []) || CASE WHEN abs(p.reparto) >= $minimo THEN [struct_pack(
               orden := -abs(p.reparto), reparto := 1, dimension := '', indicador := '',
               texto := puntos_con_signo(p.reparto) || ' puntos por el reparto de pesos ('
                        || coalesce(nullif(concat_ws('; ', 'sin datos suficientes en este periodo: ' || p.sin_datos,
                                                     'con datos ahora y no antes: ' || p.con_datos), ''),
                                    'cambió qué indicadores tienen datos') || ')')] ELSE [] END)[:$top + 1]
               AS contados,
           ta.texto AS antes, tn.texto AS ahora
    FROM por_ente p
    JOIN periodo_texto tn ON tn.tipo_periodo = p.tipo_periodo AND tn.periodo = p.periodo
    JOIN periodo_texto ta ON ta.tipo_periodo = p.tipo_periodo AND ta.periodo = p.periodo_anterior
)
SELECT ente_id, tipo_periodo, periodo, periodo_anterior, cambio,
       contraido(CASE WHEN abs(cambio) < $minimo
                      THEN 'El índice se mantuvo en ' || format('{:.1f}', indice) || ' entre ' || antes || ' y ' || ahora
                      ELSE 'El índice ' || CASE WHEN cambio > 0 THEN 'subió' ELSE 'bajó' END || ' '
                           || format('{:.1f}', abs(cambio)) || ' puntos, de ' || format('{:.1f}', indice_anterior)
                           || ' a ' || format('{:.1f}', indice) || ', entre ' || antes || ' y ' || ahora END
                 || '.' || list_reduce(list_transform(contados, lambda x: ' ' || x.texto || '.'), lambda a, b: a || b, ''))
           AS texto
FROM contados
ORDER BY ente_id, tipo_periodo, periodo
