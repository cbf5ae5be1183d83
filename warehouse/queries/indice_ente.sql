-- The index of one ente in one period, with the dimensions it lacks, whether it has enough data (two dimensions or
-- more: else it is "datos insuficientes", never a number) and, when there is a previous period (its own, or its
-- predecessors'), why it moved (generated at build time from the components).
SELECT i.indice, i.dimensiones_presentes, i.dimensiones_faltantes, i.completo,
       len(string_split(i.dimensiones_presentes, ',')) >= 2 AS suficiente,
       x.periodo_anterior, x.cambio, x.texto
FROM indice_desempeno i
LEFT JOIN indice_explicacion x USING (ente_id, tipo_periodo, periodo)
WHERE i.ente_id = $ente AND i.tipo_periodo = $tipo_periodo AND i.periodo = $periodo
