-- How the deadlines the tablero computed agree with those the source stated (the PNT's FechaLimite, Infomex's
-- FECHALIMITE), per layout: requests with both, how many differ, earlier or later, and the largest gap in business
-- days; and how each deadline was determined (solicitud.fecha_limite_origen).
SELECT s.layout,
       count(*) AS solicitudes,
       count(*) FILTER (WHERE s.fecha_limite_origen IN ('ley', 'desahogo') AND s.fecha_limite_fuente IS NOT NULL)
           AS comparadas,
       count(*) FILTER (WHERE s.fecha_limite_origen IN ('ley', 'desahogo') AND s.fecha_limite_fuente IS NOT NULL
                          AND s.fecha_limite <> s.fecha_limite_fuente) AS distintas,
       count(*) FILTER (WHERE s.fecha_limite_origen IN ('ley', 'desahogo')
                          AND s.fecha_limite < s.fecha_limite_fuente) AS calculada_antes,
       count(*) FILTER (WHERE s.fecha_limite_origen IN ('ley', 'desahogo')
                          AND s.fecha_limite > s.fecha_limite_fuente) AS calculada_despues,
       max(abs(cl.n_habil - cf.n_habil)) FILTER (WHERE s.fecha_limite_origen IN ('ley', 'desahogo'))
           AS max_dias_habiles,
       count(*) FILTER (WHERE s.fecha_limite_origen = 'desahogo') AS desde_desahogo,
       count(*) FILTER (WHERE s.fecha_limite_origen = 'fuente') AS de_la_fuente,
       count(*) FILTER (WHERE s.fecha_limite_origen = 'no_determinable') AS no_determinable
FROM solicitud s
LEFT JOIN calendario cl ON cl.fecha = s.fecha_limite
LEFT JOIN calendario cf ON cf.fecha = s.fecha_limite_fuente
GROUP BY s.layout
ORDER BY s.layout
