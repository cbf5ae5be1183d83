-- Reviews of transparency obligations, newest first, with how many entes they covered and their mean index.
SELECT v.verificacion_id, v.tipo, v.periodo_evaluado, v.fecha, v.ley_version,
       count(i.ente_id)                                   AS entes,
       sum(i.suma_puntaje) / nullif(sum(i.peso_evaluado), 0) AS indice,
       sum(i.fracciones_evaluadas)::BIGINT                AS fracciones_evaluadas,
       sum(i.fracciones_incumplidas)::BIGINT              AS fracciones_incumplidas
FROM verificacion v
LEFT JOIN indice_ente i USING (verificacion_id)
GROUP BY ALL
ORDER BY v.fecha DESC, v.verificacion_id
