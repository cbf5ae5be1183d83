-- raw_estadistica (ente rows of the published tables) → stg_estadistica: parsed and checked.
-- A figure may be published with thousands separators ("1,234"); a blank row stays "no reportado".
CREATE OR REPLACE TEMP MACRO cifra(s) AS TRY_CAST(regexp_replace(trim(s), '[ ,]', '', 'g') AS DOUBLE);
CREATE OR REPLACE TEMP TABLE stg_estadistica AS
WITH detalle AS (
    SELECT r.*, co.archivo_orden, me.ente_id, me.sugerencia,
           (r.trimestre[1:4] || '-' || lpad((3 * (r.trimestre[7]::INTEGER - 1) + 1)::VARCHAR, 2, '0') || '-01')::DATE
               AS periodo_inicio,
           coalesce(hombre, mujer, personas_morales, no_identificado, total, competencia, no_competencia,
                    por_escrito, verbal, telegrafo, medios_electronicos, total_modalidades, tiempo_promedio)
               IS NOT NULL AS reportado
    FROM raw_estadistica r
    JOIN carga_orden co ON co.carga_id = r.carga_id
    LEFT JOIN map_ente me ON me.valor = r.dependencia
    WHERE r.tipo_fila = 'detalle'
),
figuras AS (
    SELECT d.*, unnest(map_entries(map {
        'hombre': hombre, 'mujer': mujer, 'personas_morales': personas_morales, 'no_identificado': no_identificado,
        'total': total, 'competencia': competencia, 'no_competencia': no_competencia, 'por_escrito': por_escrito,
        'verbal': verbal, 'telegrafo': telegrafo, 'medios_electronicos': medios_electronicos,
        'total_modalidades': total_modalidades, 'tiempo_promedio': tiempo_promedio})) AS celda
    FROM detalle d
),
malas AS (   -- the first figure of each row that is not a count (the average time may have decimals)
    SELECT carga_id, fila, arg_min(celda.key, celda.key) AS columna, arg_min(celda.value, celda.key) AS valor
    FROM figuras
    WHERE celda.value IS NOT NULL AND CASE WHEN celda.key = 'tiempo_promedio'
                                           THEN cifra(celda.value) IS NULL OR cifra(celda.value) NOT BETWEEN 0 AND 10000
                                           ELSE conteo(celda.value) IS NULL END
    GROUP BY carga_id, fila
),
checked AS (
    SELECT d.*,
        CASE
            WHEN d.dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL,
                 m := 'Fila con cifras pero sin nombre del sujeto obligado.')
            WHEN d.ente_id IS NULL THEN struct_pack(c := 'dependencia', v := d.dependencia,
                 m := 'Sujeto obligado desconocido. ' || d.sugerencia)
            WHEN m.columna = 'tiempo_promedio' THEN struct_pack(c := m.columna, v := m.valor,
                 m := 'Cifra no válida: debe ser un número no negativo (o la celda vacía si no se reportó).')
            WHEN m.columna IS NOT NULL THEN struct_pack(c := m.columna, v := m.valor,
                 m := 'Cifra no válida: debe ser un número entero no negativo (o la celda vacía si no se reportó). '
                      || conteo_motivo(m.valor))
        END AS problema
    FROM detalle d LEFT JOIN malas m USING (carga_id, fila)
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
