-- When each law's catalog of obligations is in force: the newest law with an obligations catalog in force on a
-- date (from plazo_legal, any ámbito) is the one whose obligations apply on that date. The General Law's obligations
-- applied from its entry into force, while the state law's deadlines for requests stayed in force longer. A
-- verification is judged by the law in force on its date; a citizen evaluates the obligations in force today.
INSERT INTO obligacion_vigencia BY NAME
WITH leyes AS (
    SELECT ley_version, min(vigente_desde) AS desde,
           CASE WHEN bool_or(vigente_hasta IS NULL) THEN DATE '9999-12-31' ELSE max(vigente_hasta) END AS hasta
    FROM plazo_legal
    WHERE ley_version IN (SELECT ley_version FROM obligacion)
    GROUP BY ley_version
)
SELECT ley_version, desde, least(hasta, coalesce(lead(desde) OVER (ORDER BY desde) - 1, hasta)) AS hasta
FROM leyes;
