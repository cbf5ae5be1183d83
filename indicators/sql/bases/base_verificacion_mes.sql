-- Sums per ente × month of the review date. Every verification indicator is a ratio of sums of these columns,
-- so a quarter, a year, a peer group or the whole government pools the fracciones of all reviews in it:
-- the quarter's index is the mean of every fracción score of the quarter's reviews (each review weighted by
-- the fracciones it evaluated), never a mean of monthly percentages.
-- A follow-up (solventada / reincidente) counts in the month of the review that decided it.
INSERT INTO base_verificacion_mes BY NAME
WITH revisiones AS (
    SELECT ente_id, mes,
           count(*)                       AS revisiones,
           sum(fracciones_evaluadas)      AS fracciones_evaluadas,
           sum(peso_evaluado::DECIMAL(38, 10))       AS peso_evaluado,
           sum(suma_puntaje::DECIMAL(38, 10))        AS suma_puntaje,
           sum(fracciones_incumplidas)    AS fracciones_incumplidas,
           count(variacion)               AS revisiones_con_anterior,
           coalesce(sum(variacion::DECIMAL(38, 10)), 0) AS suma_variacion
    FROM indice_ente
    GROUP BY ALL
),
seguimientos AS (
    SELECT ente_id, mes_siguiente AS mes,
           count(*)                                    AS observaciones_seguimiento,
           count(*) FILTER (WHERE estado = 'solventada') AS observaciones_solventadas
    FROM seguimiento_fraccion
    WHERE estado <> 'pendiente'
    GROUP BY ALL
)
SELECT r.*, coalesce(s.observaciones_seguimiento, 0) AS observaciones_seguimiento,
       coalesce(s.observaciones_solventadas, 0) AS observaciones_solventadas
FROM revisiones r
LEFT JOIN seguimientos s USING (ente_id, mes);
