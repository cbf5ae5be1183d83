-- The deadline of a request, in one place: the facts (etl/sql/facts/solicitud.sql), the indicators and the
-- citizens' deadline calculator (indicators/plazos.py) all call these macros. They are created in the warehouse
-- itself (not TEMP), so a read-only connection to it has them, computing over the calendar of the same build.
--
-- Counting rules (README «Días hábiles»): a day is hábil when the table calendario says so (Monday to Friday, not
-- in calendario_inhabil); n_habil is a running count of working days, so the business days between two dates are
-- one subtraction, and day 1 of a term is the first working day after its start (day 0).
--
-- Each macro is one scalar subquery over the calendar: DuckDB turns it into a join, so a million requests cost a
-- hash join per macro (a macro nested inside another's subquery would instead be re-run per row).

-- The day a filing counts as received: the filing day if it is a working day, else the next working day. With an
-- office closing time, a filing after it counts from the next day (a date without a time is 00:00, never late).
CREATE OR REPLACE MACRO recepcion_oficial(presentada, hora_cierre := NULL) AS (
    SELECT c.siguiente_habil FROM calendario c
    WHERE c.fecha = CAST(presentada AS DATE)
                    + CASE WHEN CAST(CAST(presentada AS TIMESTAMP) AS TIME) > hora_cierre THEN 1 ELSE 0 END
);

-- Day 0 of the term to answer: the receipt; after a prevención, the day the requester answered it (desahogo),
-- because the prevención interrupts the term and it starts again the day after (LGTAIP 2015 art. 128). A
-- prevención not answered yet leaves no term running: NULL.
CREATE OR REPLACE MACRO inicio_del_plazo(recepcion, prevencion := NULL, desahogo := NULL) AS
    CASE WHEN desahogo IS NOT NULL THEN greatest(desahogo, recepcion)
         WHEN prevencion IS NOT NULL THEN NULL
         ELSE recepcion END;

-- Business days from `desde` to `hasta`: 1 from a Monday to the Tuesday; a non-working `hasta` counts as the
-- working day before it. Negative when hasta is earlier. Two lookups, not one subquery over `calendario a,
-- calendario b`: DuckDB decorrelates that into the calendar's cross product (136 M pairs, 512 MB blocks, ~35 s),
-- whatever the number of requests, even none.
CREATE OR REPLACE MACRO dias_habiles_entre(desde, hasta) AS (
    (SELECT b.n_habil FROM calendario b WHERE b.fecha = hasta) - (SELECT a.n_habil FROM calendario a WHERE a.fecha = desde)
);

-- The working day `dias` business days after day 0 `inicio` (the deadline of a term of `dias` days).
CREATE OR REPLACE MACRO plazo_vence(inicio, dias) AS (
    SELECT l.fecha FROM calendario c JOIN calendario l ON l.habil AND l.n_habil = c.n_habil + dias
    WHERE c.fecha = inicio
);

-- The declared non-working days (holidays, suspensions of terms) on weekdays from `desde` to `hasta`, with their
-- reason, source and whether the date is confirmed: the days a deadline skipped.
CREATE OR REPLACE MACRO dias_inhabiles(desde, hasta) AS TABLE
    SELECT fecha, inhabil_motivo AS motivo, inhabil_fuente AS fuente, inhabil_confirmado AS confirmado
    FROM calendario
    WHERE inhabil_motivo IS NOT NULL AND fecha BETWEEN desde AND hasta
    ORDER BY fecha;
