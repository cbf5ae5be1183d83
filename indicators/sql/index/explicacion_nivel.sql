-- «¿Por qué cambió?» of each peer group's and of the government's index (indice_explicacion_nivel), written from
-- nivel_cambio (indice_cambio_nivel.sql): the mean of their entes' index moved by each ente's change divided by the
-- entes now, and by the entes that entered or left the mean (the rest of the change, exactly). One paragraph: the
-- change, in the words of an ente's (frases.sql), and how many entes make the mean; then the $efectos largest
-- effects of |effect| ≥ $minimo points, largest first: each ente's, and the entering and leaving entes' (told even
-- when smaller, if some entered or left, naming the first $nombrados of each list). Ties keep nivel_cambio's order
-- of the entes (largest change of their own index first, then name), the entering and leaving ones after them.

-- 'A; B; C y 2 más' (NULL for no list).
CREATE OR REPLACE TEMP MACRO nombres_entes(lista, cuantos) AS
    CASE WHEN len(lista) > cuantos THEN array_to_string(lista[1:cuantos], '; ') || ' y ' || (len(lista) - cuantos) || ' más'
         WHEN len(lista) > 0 THEN array_to_string(lista, '; ') END;

INSERT INTO indice_explicacion_nivel BY NAME
WITH entes AS (   -- each ente counted in both means, with its place in nivel_cambio's list
    SELECT nivel, clave, tipo_periodo, periodo, unnest(partes) AS parte, generate_subscripts(partes, 1) AS lugar_lista
    FROM nivel_cambio
),
efectos AS (
    SELECT nivel, clave, tipo_periodo, periodo, parte.efecto AS efecto, 0 AS es_composicion, lugar_lista,
           puntos_con_signo(parte.efecto) || ' puntos: ' || parte.nombre || ' pasó de ' || format('{:.1f}', parte.antes)
               || ' a ' || format('{:.1f}', parte.ahora) AS texto
    FROM entes WHERE abs(parte.efecto) >= $minimo
    UNION ALL
    SELECT nivel, clave, tipo_periodo, periodo, indice - indice_anterior - suma_efectos, 1, NULL,
           puntos_con_signo(indice - indice_anterior - suma_efectos)
               || ' puntos por los entes que entraron o salieron del promedio'
               || coalesce(' (' || nullif(concat_ws('; ', 'entraron: ' || nombres_entes(entraron, $nombrados),
                                                    'salieron: ' || nombres_entes(salieron, $nombrados)), '') || ')', '')
    FROM nivel_cambio
    WHERE abs(indice - indice_anterior - suma_efectos) >= $minimo OR len(entraron) > 0 OR len(salieron) > 0
),
cuerpo AS (   -- the effects told, in their order; each sentence starts with ' '
    SELECT nivel, clave, tipo_periodo, periodo, string_agg(' ' || texto || '.', '' ORDER BY lugar) AS texto
    FROM (SELECT *, row_number() OVER (PARTITION BY nivel, clave, tipo_periodo, periodo
                                       ORDER BY abs(efecto) DESC, es_composicion, lugar_lista) AS lugar
          FROM efectos)
    WHERE lugar <= $efectos
    GROUP BY ALL
)
SELECT n.nivel, n.clave, n.tipo_periodo, n.periodo, n.periodo_anterior, n.indice - n.indice_anterior AS cambio,
       contraido(frase_cambio(CASE n.nivel WHEN 'gobierno' THEN 'El índice del gobierno'
                                           ELSE 'El índice del grupo «' || n.clave || '»' END,
                              n.indice, n.indice_anterior, ta.texto, tn.texto, $minimo)
                 || ': es el promedio de ' || trunc(n.n)::BIGINT || ' entes con datos suficientes (antes '
                 || trunc(n.n_anterior)::BIGINT || ').' || coalesce(c.texto, '')) AS texto
FROM nivel_cambio n
JOIN periodo_texto tn ON tn.tipo_periodo = n.tipo_periodo AND tn.periodo = n.periodo
JOIN periodo_texto ta ON ta.tipo_periodo = n.tipo_periodo AND ta.periodo = n.periodo_anterior
LEFT JOIN cuerpo c ON c.nivel = n.nivel AND c.clave = n.clave AND c.tipo_periodo = n.tipo_periodo
                 AND c.periodo = n.periodo
ORDER BY n.nivel, n.clave, n.tipo_periodo, n.periodo
