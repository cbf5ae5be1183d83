-- Shared by the Plazos en riesgo page (warehouse/read.py, $corte = the cut-off date) and the reminders to each
-- Unidad de Transparencia (delivery/reminders.py, $corte = the day they are sent): the same deadline (solicitud.
-- fecha_limite, the one that applies) and the same business days (calendario.n_habil).
-- Open requests whose deadline has passed or falls within $dias business days of the cut-off date.
-- dias_habiles_restantes = n_habil(fecha_limite) - n_habil(fecha_corte): negative when overdue.
SELECT s.folio, s.ente_id, e.nombre_oficial AS nombre, e.siglas, e.grupo_pares,
       s.fecha_recepcion, s.fecha_limite,
       cl.n_habil - cc.n_habil AS dias_habiles_restantes,
       CASE WHEN s.fecha_limite < $corte THEN 'vencida'
            WHEN s.fecha_limite = $corte THEN 'vence_hoy'
            ELSE 'por_vencer' END AS situacion
FROM solicitud s
JOIN ente e ON e.ente_id = s.ente_id
JOIN calendario cl ON cl.fecha = s.fecha_limite
JOIN calendario cc ON cc.fecha = $corte
WHERE s.estado = 'en_proceso' AND s.fecha_respuesta IS NULL AND s.fecha_limite IS NOT NULL
  AND (s.fecha_limite <= $corte OR cl.n_habil - cc.n_habil <= $dias)
  AND ($grupo IS NULL OR e.grupo_pares = $grupo)
  AND ($ente IS NULL OR s.ente_id = $ente)
ORDER BY s.fecha_limite, nombre, s.folio
