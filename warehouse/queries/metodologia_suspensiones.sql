-- Suspensions of terms declared by an authority (data/catalogos/suspension_plazos.csv): dates, scope, source and
-- whether confirmed, with the working days of requests they took out of the calendar.
SELECT s.desde, s.hasta, s.alcance, s.motivo, s.fuente, s.confirmado,
       (SELECT count(*) FROM calendario c
        WHERE c.fecha BETWEEN s.desde AND coalesce(s.hasta, DATE '9999-12-31') AND NOT c.habil
          AND isodow(c.fecha) <= 5) AS dias_sin_plazo_solicitudes
FROM suspension_plazos s
ORDER BY s.desde
