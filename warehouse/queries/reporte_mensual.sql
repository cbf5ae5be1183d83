-- Requests received per ente and month of one year (which ente reported which month).
SELECT b.ente_id, e.nombre_oficial AS nombre, e.siglas, e.grupo_pares,
       month(b.mes) AS mes, sum(b.recibidas)::BIGINT AS recibidas
FROM base_solicitud_mes b
JOIN ente e ON e.ente_id = b.ente_id
WHERE year(b.mes) = $anio
GROUP BY ALL
ORDER BY nombre, mes
