-- Month by month, the review whose result is in force for one ente (its type, date and months carried).
SELECT strftime(mes, '%Y-%m') AS periodo, verificacion_id, tipo, fecha, meses_desde
FROM verificacion_vigente
WHERE ente_id = $ente
ORDER BY mes
