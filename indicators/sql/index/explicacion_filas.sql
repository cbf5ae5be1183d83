-- The rows «¿Por qué cambió?» is written from (indicators/index.py): indice_cambio ordered by (ente, tipo, periodo),
-- each row of the verification component ($verificacion) with the fracciones that moved for that key (at most two
-- up and two down, from indice_fracciones_cambio.sql, already in fraccion_cambio), largest change first.
WITH detalle AS (
    SELECT ente_id, tipo_periodo, periodo,
           list(struct_pack(fraccion, antes, ahora) ORDER BY abs(ahora - antes) DESC, fraccion) AS fracciones
    FROM fraccion_cambio GROUP BY ALL
)
SELECT c.ente_id, c.tipo_periodo, c.periodo, c.periodo_anterior, c.indice, c.indice_anterior,
       c.dimension, c.indicador, c.valor_anterior, c.valor, c.delta, c.efecto_valor, c.efecto_peso, d.fracciones
FROM indice_cambio c
LEFT JOIN detalle d ON c.indicador = $verificacion AND d.ente_id = c.ente_id
                   AND d.tipo_periodo = c.tipo_periodo AND d.periodo = c.periodo
ORDER BY c.ente_id, c.tipo_periodo, c.periodo
