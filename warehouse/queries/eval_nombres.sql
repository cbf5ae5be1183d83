-- Names of entes and obligations, to label the evaluations read from the participación store (Moderación).
SELECT 'ente' AS tipo, ente_id AS clave, coalesce(siglas, nombre_oficial) AS nombre FROM ente
UNION ALL
SELECT 'obligacion', ley_version || ' ' || articulo || '-' || fraccion, nombre FROM obligacion
