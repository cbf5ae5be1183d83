-- The Unidad de Transparencia of every ente (or one group, or one ente) at its last month with data in a period
-- [$desde, $hasta): its requests of the 12 months ending then, how many of those months the data cover, its tier of
-- perfil_ut, its staff (NULL without a plantilla that declares personal_ut) and whether it is below its tier.
WITH ultimo AS (
    SELECT * FROM base_ut_mes
    WHERE mes >= $desde AND mes < $hasta
    QUALIFY row_number() OVER (PARTITION BY ente_id ORDER BY mes DESC) = 1
),
inicio AS (
    SELECT min(mes) AS desde FROM base_ut_mes
)
SELECT e.ente_id, e.nombre_oficial AS nombre, e.siglas, e.grupo_pares, u.mes, u.solicitudes_12_meses,
       least(12, date_diff('month', i.desde, u.mes) + 1) AS meses_con_datos,
       u.entes_con_ut = 1 AS con_plantilla,
       CASE WHEN u.entes_con_ut = 1 THEN u.personal_ut END AS personal_ut,
       p.nivel, p.personal_minimo, p.perfil_titular, p.equipo, p.confirmado,
       u.entes_ut_bajo_perfil = 1 AS bajo_perfil
FROM ultimo u
JOIN ente e USING (ente_id)
CROSS JOIN inicio i
LEFT JOIN perfil_ut p
  ON u.solicitudes_12_meses >= p.solicitudes_desde
 AND (p.solicitudes_hasta IS NULL OR u.solicitudes_12_meses <= p.solicitudes_hasta)
WHERE ($grupo IS NULL OR e.grupo_pares = $grupo)
  AND ($ente IS NULL OR e.ente_id = $ente)
ORDER BY bajo_perfil DESC, coalesce(p.personal_minimo - u.personal_ut, 0) DESC, e.nombre_oficial
