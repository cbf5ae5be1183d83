-- The business-day calendar, one row per day from $inicio to $fin: a day is hábil when it is Monday to Friday and
-- not in calendario_inhabil (data/catalogos/calendario_inhabil.csv). n_habil is a running count of working days,
-- so the business days between two dates are one subtraction (n_habil of the later minus n_habil of the earlier);
-- siguiente_habil is the first working day on or after each date (where a weekend request is received).
INSERT INTO calendario BY NAME
WITH dias AS (
    SELECT d::DATE AS fecha,
           isodow(d) <= 5 AND d::DATE NOT IN (SELECT fecha FROM calendario_inhabil) AS habil
    FROM generate_series($inicio::TIMESTAMP, $fin::TIMESTAMP, INTERVAL 1 DAY) g(d)
)
SELECT fecha, habil,
       sum(habil::INTEGER) OVER (ORDER BY fecha ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_habil,
       coalesce(min(CASE WHEN habil THEN fecha END)
                OVER (ORDER BY fecha ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), fecha) AS siguiente_habil
FROM dias;
