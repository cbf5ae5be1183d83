-- The ente's verification in force in its latest month (verificacion_vigente: the review the compliance index stands
-- on, of one type), with its change against the previous review of the same type and the fracciones failing by
-- their standing state that month (each fracción by its latest evaluation, any review): for the Ficha del ente.
WITH ultimo AS (
    SELECT * FROM verificacion_vigente WHERE ente_id = $ente ORDER BY mes DESC LIMIT 1
)
SELECT u.verificacion_id, u.tipo, u.fecha, u.mes, u.meses_desde, i.indice, i.variacion, i.verificacion_anterior,
       i.fracciones_evaluadas, i.fracciones_aplicables, coalesce(b.fracciones_incumplidas, 0) AS fracciones_incumplidas
FROM ultimo u
JOIN indice_ente i USING (verificacion_id, ente_id)
LEFT JOIN base_verificacion_mes b ON b.ente_id = u.ente_id AND b.mes = u.mes
