-- Which periods are preliminary. A period is preliminar when the data do not cover it whole (it ends after the
-- cut-off date) or when some request received in it is still being processed within its legal deadline at the
-- cut-off: the fast answers are in and the slow ones are not, so it looks better than it will end. Requests that
-- wait on the requester (a prevención, a payment) do not keep a period open. A quarter or a year is preliminary
-- when one of its months is. indicators/period_status.py picks the last closed period from here.
INSERT INTO periodo_estado BY NAME
WITH corte AS (
    SELECT coalesce(max(valor) FILTER (WHERE clave = 'fecha_corte'),
                    max(valor) FILTER (WHERE clave = 'fecha_corte_estadistica'))::DATE AS fecha
    FROM metadatos
),
meses AS (
    SELECT mes, sum(abiertas_en_plazo) AS abiertas, sum(recibidas) AS recibidas FROM base_solicitud_mes GROUP BY mes
),
periodos AS (
    SELECT DISTINCT tipo_periodo, periodo, periodo_inicio, fin_de(periodo_inicio, tipo_periodo) AS periodo_fin
    FROM indicador_valor WHERE nivel = 'gobierno'
)
SELECT p.tipo_periodo, p.periodo, p.periodo_inicio, p.periodo_fin,
       coalesce(p.periodo_fin <= any_value(c.fecha), TRUE) AS completo,
       coalesce(sum(m.abiertas), 0) AS abiertas_en_plazo, coalesce(sum(m.recibidas), 0) AS recibidas,
       NOT coalesce(p.periodo_fin <= any_value(c.fecha), TRUE) OR coalesce(sum(m.abiertas), 0) > 0 AS preliminar
FROM periodos p CROSS JOIN corte c
LEFT JOIN meses m ON m.mes BETWEEN p.periodo_inicio AND p.periodo_fin
GROUP BY p.tipo_periodo, p.periodo, p.periodo_inicio, p.periodo_fin;
