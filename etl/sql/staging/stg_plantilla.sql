-- raw_plantilla → stg_plantilla: staff counts per ente and cut-off date, checked. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_plantilla AS
WITH parsed AS (
    SELECT r.*, co.archivo_orden, me.ente_id, me.sugerencia,
           parse_fecha(r.fecha_corte) AS f_corte,
           conteo(r.total_personal) AS n_total,
           conteo(r.personal_ut) AS n_ut
    FROM raw_plantilla r
    JOIN carga_orden co ON co.carga_id = r.carga_id
    LEFT JOIN map_ente me ON me.valor = r.dependencia
),
checked AS (
    SELECT p.*,
        CASE
            WHEN dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL, m := 'Falta el ente.')
            WHEN ente_id IS NULL THEN struct_pack(c := 'dependencia', v := dependencia,
                 m := 'Ente desconocido. ' || sugerencia)
            WHEN f_corte IS NULL THEN struct_pack(c := 'fecha_corte', v := fecha_corte,
                 m := 'Fecha de corte vacía, imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_corte > $hoy THEN struct_pack(c := 'fecha_corte', v := fecha_corte,
                 m := 'Fecha de corte futura: posterior a la fecha de construcción; revise día y mes.')
            WHEN total_personal IS NULL THEN struct_pack(c := 'total_personal', v := NULL,
                 m := 'Falta el total de personal; escriba un número entero mayor que cero.')
            WHEN n_total IS NULL THEN struct_pack(c := 'total_personal', v := total_personal,
                 m := 'Total de personal no válido: ' || conteo_motivo(total_personal))
            WHEN n_total <= 0 THEN struct_pack(c := 'total_personal', v := total_personal,
                 m := 'Total de personal no válido; escriba un número entero mayor que cero.')
            WHEN personal_ut IS NOT NULL AND n_ut IS NULL THEN struct_pack(c := 'personal_ut', v := personal_ut,
                 m := 'Personal de la Unidad de Transparencia no válido: ' || conteo_motivo(personal_ut))
            WHEN n_ut > n_total THEN struct_pack(c := 'personal_ut', v := personal_ut,
                 m := 'El personal de la Unidad de Transparencia es mayor que el total de personal del ente.')
        END AS problema
    FROM parsed p
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
