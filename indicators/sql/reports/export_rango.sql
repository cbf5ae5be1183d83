-- The rows of the export whose whole period lies within the months [$desde, $hasta] ('AAAA-MM'; NULL: no bound):
-- the months of the range and the quarters and years entirely inside it. A period partly outside is left out,
-- never cut: 2024-02 to 2024-12 has 2024-T2 but not 2024-T1 nor the year 2024.
SELECT *
FROM exportacion
WHERE ($desde IS NULL OR CASE tipo_periodo
          WHEN 'mes' THEN periodo
          WHEN 'trimestre' THEN left(periodo, 4) || '-' || lpad(CAST(CAST(right(periodo, 1) AS INTEGER) * 3 - 2 AS VARCHAR), 2, '0')
          ELSE periodo || '-01' END >= $desde)
  AND ($hasta IS NULL OR CASE tipo_periodo
          WHEN 'mes' THEN periodo
          WHEN 'trimestre' THEN left(periodo, 4) || '-' || lpad(CAST(CAST(right(periodo, 1) AS INTEGER) * 3 AS VARCHAR), 2, '0')
          ELSE periodo || '-12' END <= $hasta)
