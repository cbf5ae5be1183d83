-- «¿Por qué cambió?» of the index of a peer group or of the government in one period (when it has a previous one).
SELECT periodo_anterior, cambio, texto
FROM indice_explicacion_nivel
WHERE nivel = $nivel AND clave = $clave AND tipo_periodo = $tipo_periodo AND periodo = $periodo
