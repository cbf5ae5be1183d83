-- Non-working days per year: how many, and how many are confirmed (law) or typical declared periods to confirm.
SELECT year(fecha) AS anio, count(*) AS dias_inhabiles, count(*) FILTER (WHERE confirmado) AS confirmados,
       count(*) FILTER (WHERE NOT confirmado) AS por_confirmar
FROM calendario_inhabil
GROUP BY ALL
ORDER BY anio
