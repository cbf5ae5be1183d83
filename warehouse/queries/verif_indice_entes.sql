-- The index of every ente in one review, with its parts and the change against its previous review.
SELECT i.ente_id, e.siglas, e.nombre_oficial AS nombre, e.grupo_pares, i.indice, i.variacion,
       i.verificacion_anterior, i.fracciones_aplicables, i.fracciones_evaluadas, i.fracciones_incumplidas,
       i.suma_puntaje, i.peso_evaluado
FROM indice_ente i JOIN ente e USING (ente_id)
WHERE i.verificacion_id = $verificacion
ORDER BY i.indice DESC, nombre
