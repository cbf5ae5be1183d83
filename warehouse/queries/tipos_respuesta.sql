-- Final answers per ente by type, for requests received in [desde, hasta).
SELECT b.ente_id, e.nombre_oficial AS nombre, e.siglas, e.grupo_pares,
       sum(b.recibidas)::BIGINT            AS recibidas,
       sum(b.con_respuesta_final)::BIGINT  AS con_respuesta_final,
       sum(b.resp_entrega)::BIGINT         AS resp_entrega,
       sum(b.resp_inexistencia)::BIGINT    AS resp_inexistencia,
       sum(b.resp_incompetencia)::BIGINT   AS resp_incompetencia,
       sum(b.resp_clasificada)::BIGINT     AS resp_clasificada,
       sum(b.pendientes)::BIGINT           AS pendientes
FROM base_solicitud_mes b
JOIN ente e ON e.ente_id = b.ente_id
WHERE b.mes >= $desde AND b.mes < $hasta
  AND ($grupo IS NULL OR e.grupo_pares = $grupo)
  AND ($ente IS NULL OR b.ente_id = $ente)
GROUP BY ALL
ORDER BY nombre
