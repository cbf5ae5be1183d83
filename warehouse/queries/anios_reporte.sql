-- Years present in the monthly base, newest first.
SELECT DISTINCT year(mes) AS anio FROM base_solicitud_mes ORDER BY anio DESC
