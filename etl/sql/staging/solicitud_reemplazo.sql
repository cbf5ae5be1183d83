-- The same folio in overlapping exports is one request, and the most advanced state of it wins, per folio:
--   1. a terminal copy (terminada, desechada) beats one still open (en proceso, en espera del solicitante);
--   2. between two terminal or two open copies, the later answer or termination date wins (a date beats none);
--   3. then the newer file (carga_orden: the newest date of any kind a file holds, then its name), and within one
--      file the later row.
-- Runs on the good staging rows, before solicitud is written, so that the cut-off date and every indicator come
-- from the kept copies only. Only repeated folios are ranked: in a national file they are few or none, and
-- ranking every row would cost more than the whole check.
-- sol_descartada: the copies that lost (solicitud.sql writes every good row; the stage deletes these), each
-- with the copy that beat it and the first rule that tells them apart.
CREATE OR REPLACE TEMP TABLE sol_descartada AS
WITH repeated AS (
    SELECT folio FROM stg_solicitud WHERE motivo IS NULL GROUP BY folio HAVING count(*) > 1
),
copias AS (
    SELECT s.folio, s.carga_id::VARCHAR AS carga_id, s.fila, co.archivo_orden,
           s.estado_final IN ('terminada', 'desechada') AS terminal,
           greatest(s.f_respuesta, s.f_termino) AS fecha_avance
    FROM stg_solicitud s SEMI JOIN repeated USING (folio)
    JOIN carga_orden co ON co.carga_id = s.carga_id
    WHERE s.motivo IS NULL
),
ranked AS (
    SELECT *,
           row_number() OVER w AS version,
           first_value(struct_pack(carga_id, terminal, fecha_avance)) OVER w AS ganadora
    FROM copias
    WINDOW w AS (PARTITION BY folio ORDER BY terminal DESC, fecha_avance DESC NULLS LAST, archivo_orden DESC, fila DESC)
)
SELECT carga_id, fila, folio, ganadora.carga_id AS carga_ganadora,
       CASE WHEN ganadora.terminal AND NOT terminal THEN 'estado_terminal'
            WHEN ganadora.fecha_avance IS DISTINCT FROM fecha_avance THEN 'fecha_posterior'
            WHEN ganadora.carga_id <> carga_id THEN 'archivo_reciente'
            ELSE 'misma_exportacion' END AS regla
FROM ranked
WHERE version > 1;

INSERT INTO solicitud_reemplazo BY NAME
SELECT carga_id AS carga_descartada, carga_ganadora, regla, count(DISTINCT folio) AS folios, count(*) AS filas
FROM sol_descartada
GROUP BY ALL;
