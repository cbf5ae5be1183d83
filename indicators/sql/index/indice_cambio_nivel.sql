-- Change of a group's (and the government's) index between a period and the one right before, split exactly:
-- an ente counted in both means (its index now, and its index before, itself or through its predecessors) moves
-- the mean by (now − before) / n entes now; the rest of the change is the entes that entered or left the mean
-- (new in force, ended, or without enough data in one of the two periods).
CREATE OR REPLACE TEMP TABLE nivel_cambio AS
WITH medias AS (
    SELECT nivel, clave, tipo_periodo, periodo, periodo_inicio, valor, denominador AS n
    FROM indicador_valor WHERE nivel IN ('grupo', 'gobierno') AND indicador = 'indice_desempeno'
),
pares AS (
    SELECT m.nivel, m.clave, m.tipo_periodo, m.periodo, a.periodo AS periodo_anterior, m.valor AS indice,
           a.valor AS indice_anterior, m.n, a.n AS n_anterior
    FROM medias m
    JOIN medias a ON a.nivel = m.nivel AND a.clave = m.clave AND a.tipo_periodo = m.tipo_periodo
                 AND a.periodo = anterior_de(m.periodo_inicio, m.tipo_periodo)
),
valores AS (   -- every ente's index with enough data: in force (ente) or as history through its predecessors
    SELECT nivel AS nivel_ente, clave AS ente_id, nombre, tipo_periodo, periodo, valor
    FROM indicador_valor
    WHERE nivel IN ('ente', 'linaje') AND indicador = 'indice_desempeno' AND suficiente
),
miembros AS (
    SELECT p.nivel, p.clave, p.tipo_periodo, p.periodo, p.periodo_anterior, n.ente_id
    FROM pares p JOIN niveles n ON n.nivel = p.nivel AND n.clave = p.clave
),
ahora AS (
    SELECT m.nivel, m.clave, m.tipo_periodo, m.periodo, m.ente_id, v.nombre, v.valor, b.valor AS valor_antes
    FROM miembros m
    JOIN valores v ON v.ente_id = m.ente_id AND v.tipo_periodo = m.tipo_periodo AND v.periodo = m.periodo
                  AND v.nivel_ente = 'ente'
    LEFT JOIN valores b ON b.ente_id = m.ente_id AND b.tipo_periodo = m.tipo_periodo AND b.periodo = m.periodo_anterior
),
antes AS (
    SELECT m.nivel, m.clave, m.tipo_periodo, m.periodo, m.ente_id, v.nombre
    FROM miembros m
    JOIN valores v ON v.ente_id = m.ente_id AND v.tipo_periodo = m.tipo_periodo AND v.periodo = m.periodo_anterior
                  AND v.nivel_ente = 'ente'
),
salieron AS (   -- counted before and not now, unless an ente counted now carries it on (its successor)
    SELECT b.* FROM antes b
    ANTI JOIN ahora a ON a.nivel = b.nivel AND a.clave = b.clave AND a.tipo_periodo = b.tipo_periodo
                     AND a.periodo = b.periodo AND a.ente_id = b.ente_id
    WHERE NOT EXISTS (SELECT 1 FROM ahora a JOIN ente_linaje l ON l.ente_id = a.ente_id AND l.distancia > 0
                      WHERE l.antecesor_id = b.ente_id AND a.nivel = b.nivel AND a.clave = b.clave
                        AND a.tipo_periodo = b.tipo_periodo AND a.periodo = b.periodo)
),
partes AS (
    SELECT a.nivel, a.clave, a.tipo_periodo, a.periodo,
           list(struct_pack(nombre := a.nombre, antes := a.valor_antes, ahora := a.valor,
                            efecto := (a.valor - a.valor_antes) / p.n)
                ORDER BY abs(a.valor - a.valor_antes) DESC, a.nombre) FILTER (WHERE a.valor_antes IS NOT NULL)
               AS partes,
           coalesce(sum((a.valor - a.valor_antes) / p.n), 0) AS suma_efectos,
           list(a.nombre ORDER BY a.nombre) FILTER (WHERE a.valor_antes IS NULL) AS entraron
    FROM ahora a JOIN pares p USING (nivel, clave, tipo_periodo, periodo)
    GROUP BY ALL
)
SELECT p.*, pt.partes, coalesce(pt.suma_efectos, 0) AS suma_efectos, pt.entraron, sa.salieron
FROM pares p
LEFT JOIN partes pt USING (nivel, clave, tipo_periodo, periodo)
LEFT JOIN (SELECT nivel, clave, tipo_periodo, periodo, list(nombre ORDER BY nombre) AS salieron
           FROM salieron GROUP BY ALL) sa USING (nivel, clave, tipo_periodo, periodo)
ORDER BY p.nivel, p.clave, p.tipo_periodo, p.periodo;
