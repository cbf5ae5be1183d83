-- Change of the index between each ente's period and the period right before it, component by component (the
-- previous period through the ente's predecessors when it was not in force yet: indice_desempeno has both).
-- delta = contribution now − contribution before (a component absent in one period contributes 0 there), so the
-- deltas of an ente-period add up exactly to the change of its index. Each delta splits into the effect of the
-- component's score (weight before × change of score) and the effect of re-weighting (change of weight × score
-- now), which appears when a component or a dimension has data in one period and not in the other.
CREATE OR REPLACE TEMP TABLE indice_cambio AS
WITH pares AS (
    SELECT i.ente_id, i.tipo_periodo, i.periodo, a.periodo AS periodo_anterior, i.indice, a.indice AS indice_anterior
    FROM indice_desempeno i
    JOIN indice_desempeno a
      ON a.ente_id = i.ente_id AND a.tipo_periodo = i.tipo_periodo
     AND a.periodo = anterior_de(i.periodo_inicio, i.tipo_periodo)
),
partes AS (
    SELECT p.*, c.dimension, c.indicador, c.valor, c.puntaje, c.contribucion,
           c.peso_dimension_norm * c.peso_componente_norm AS peso, TRUE AS ahora
    FROM pares p JOIN indice_componente c
      ON c.ente_id = p.ente_id AND c.tipo_periodo = p.tipo_periodo AND c.periodo = p.periodo
    UNION ALL
    SELECT p.*, c.dimension, c.indicador, c.valor, c.puntaje, c.contribucion,
           c.peso_dimension_norm * c.peso_componente_norm, FALSE
    FROM pares p JOIN indice_componente c
      ON c.ente_id = p.ente_id AND c.tipo_periodo = p.tipo_periodo AND c.periodo = p.periodo_anterior
)
SELECT ente_id, tipo_periodo, periodo, periodo_anterior, any_value(indice) AS indice,
       any_value(indice_anterior) AS indice_anterior, dimension, indicador,
       max(valor) FILTER (WHERE NOT ahora) AS valor_anterior, max(valor) FILTER (WHERE ahora) AS valor,
       max(puntaje) FILTER (WHERE NOT ahora) AS puntaje_anterior, max(puntaje) FILTER (WHERE ahora) AS puntaje,
       coalesce(sum(contribucion) FILTER (WHERE ahora), 0) - coalesce(sum(contribucion) FILTER (WHERE NOT ahora), 0)
           AS delta,
       max(peso) FILTER (WHERE NOT ahora) AS peso_anterior, max(peso) FILTER (WHERE ahora) AS peso
FROM partes
GROUP BY ente_id, tipo_periodo, periodo, periodo_anterior, dimension, indicador;

CREATE OR REPLACE TEMP TABLE indice_cambio AS
SELECT *,
       CASE WHEN puntaje IS NOT NULL AND puntaje_anterior IS NOT NULL
            THEN peso_anterior * (puntaje - puntaje_anterior) ELSE 0 END AS efecto_valor,
       delta - CASE WHEN puntaje IS NOT NULL AND puntaje_anterior IS NOT NULL
                    THEN peso_anterior * (puntaje - puntaje_anterior) ELSE 0 END AS efecto_peso
FROM indice_cambio;
