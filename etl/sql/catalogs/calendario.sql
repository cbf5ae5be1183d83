-- The business-day calendar of requests, one row per day from $inicio to $fin: a day is hábil when it is Monday to
-- Friday, not in calendario_inhabil (data/catalogos/calendario_inhabil.csv) and not in a suspension of terms that
-- reaches requests (suspension_plazos with alcance solicitudes or todos; a suspension of appeals alone does not
-- move a request's deadline). n_habil is a running count of working days, so the business days between two dates
-- are one subtraction (n_habil of the later minus n_habil of the earlier); siguiente_habil is the first working day
-- on or after each date (where a weekend request is received). A weekday that is not hábil keeps why (a holiday
-- first, else the suspension), its source and whether it is confirmed: the deadline calculator lists them.
INSERT INTO calendario BY NAME
WITH dias AS (
    SELECT d::DATE AS fecha FROM generate_series($inicio::TIMESTAMP, $fin::TIMESTAMP, INTERVAL 1 DAY) g(d)
),
suspendidos AS (
    -- One suspension per day (the earliest declared when two overlap).
    SELECT d.fecha, arg_min(s.motivo, s.desde) AS motivo, arg_min(s.fuente, s.desde) AS fuente,
           arg_min(s.confirmado, s.desde) AS confirmado
    FROM dias d JOIN suspension_plazos s
      ON d.fecha BETWEEN s.desde AND coalesce(s.hasta, DATE '9999-12-31') AND s.alcance IN ('solicitudes', 'todos')
    GROUP BY d.fecha
),
marcados AS (
    SELECT d.fecha,
           isodow(d.fecha) <= 5 AND i.fecha IS NULL AND s.fecha IS NULL AS habil,
           CASE WHEN isodow(d.fecha) <= 5 THEN coalesce(i.motivo, s.motivo) END AS inhabil_motivo,
           CASE WHEN isodow(d.fecha) <= 5 THEN CASE WHEN i.fecha IS NOT NULL THEN i.fuente ELSE s.fuente END END
               AS inhabil_fuente,
           CASE WHEN isodow(d.fecha) <= 5 THEN CASE WHEN i.fecha IS NOT NULL THEN coalesce(i.confirmado, FALSE)
                                                    ELSE s.confirmado END END AS inhabil_confirmado
    FROM dias d
    LEFT JOIN calendario_inhabil i ON i.fecha = d.fecha
    LEFT JOIN suspendidos s ON s.fecha = d.fecha
)
SELECT fecha, habil,
       sum(habil::INTEGER) OVER (ORDER BY fecha ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_habil,
       coalesce(min(CASE WHEN habil THEN fecha END)
                OVER (ORDER BY fecha ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), fecha) AS siguiente_habil,
       inhabil_motivo, inhabil_fuente, inhabil_confirmado
FROM marcados;
