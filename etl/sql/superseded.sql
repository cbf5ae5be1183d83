-- The same folio in overlapping exports is one request: the row from the most recent export wins (files ranked
-- by archivo_orden, later rows of a file after earlier ones). solicitud.sql inserts every good row; this deletes
-- the rows that lost. Only repeated folios are ranked: in a national file they are few or none, and ranking
-- every row (or filtering the insert by them) would cost more than the whole check.
DELETE FROM solicitud s USING (
    WITH repeated AS (
        SELECT folio FROM solicitud GROUP BY folio HAVING count(*) > 1
    ),
    ranked AS (
        SELECT r.carga_id, r.fila,
               row_number() OVER (PARTITION BY r.folio ORDER BY co.archivo_orden DESC, r.fila DESC) AS version
        FROM solicitud r SEMI JOIN repeated USING (folio)
        JOIN carga_orden co USING (carga_id)
    )
    SELECT carga_id, fila FROM ranked WHERE version > 1
) lost
WHERE s.carga_id = lost.carga_id AND s.fila = lost.fila;
