-- The index of one ente in one period, with the dimensions it lacks and, when there is a previous period,
-- why it moved (generated at build time from the components).
SELECT i.indice, i.dimensiones_presentes, i.dimensiones_faltantes, i.completo,
       x.periodo_anterior, x.cambio, x.texto
FROM indice_desempeno i
LEFT JOIN indice_explicacion x USING (ente_id, tipo_periodo, periodo)
WHERE i.ente_id = $ente AND i.tipo_periodo = $tipo_periodo AND i.periodo = $periodo
