-- Files with rejected rows and how many.
SELECT archivo, count(*) AS rechazos
FROM rechazo
GROUP BY archivo
ORDER BY archivo
