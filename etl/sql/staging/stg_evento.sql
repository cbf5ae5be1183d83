-- raw_evento → stg_evento: public events (no ente), one row per event × sector, checked. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_evento AS
WITH parsed AS (
    SELECT r.*, co.archivo_orden,
           parse_fecha(r.fecha) AS f_evento,
           conteo(r.asistentes) AS n_asistentes,
           coalesce(ms.categoria, CASE WHEN r.sector IS NULL THEN 'publico_general' END) AS sector_norm
    FROM raw_evento r
    JOIN carga_orden co ON co.carga_id = r.carga_id
    LEFT JOIN map_capacitacion ms ON ms.campo = 'sector' AND ms.valor = r.sector
),
checked AS (
    SELECT p.*,
        CASE
            WHEN evento IS NULL THEN struct_pack(c := 'evento', v := NULL, m := 'Falta el nombre del evento.')
            WHEN f_evento IS NULL THEN struct_pack(c := 'fecha', v := fecha,
                 m := 'Fecha vacía, imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_evento > $hoy THEN struct_pack(c := 'fecha', v := fecha,
                 m := 'Fecha futura: un evento se registra cuando ya ocurrió; revise día y mes.')
            WHEN asistentes IS NULL THEN struct_pack(c := 'asistentes', v := NULL,
                 m := 'Falta el número de asistentes; escriba un número entero.')
            WHEN n_asistentes IS NULL THEN struct_pack(c := 'asistentes', v := asistentes,
                 m := 'Número de asistentes no válido: ' || conteo_motivo(asistentes))
            WHEN sector_norm IS NULL THEN struct_pack(c := 'sector', v := sector,
                 m := 'Sector no reconocido; agréguelo a data/catalogos/capacitacion_valores.csv (campo sector).')
        END AS problema
    FROM parsed p
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
