-- raw_plantilla → stg_plantilla: staff counts per ente and cut-off date, checked. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_plantilla AS
WITH parsed AS (
    SELECT r.*, co.archivo_orden, me.ente_id, me.sugerencia,
           parse_fecha(r.fecha_corte) AS f_corte,
           conteo(r.total_personal) AS n_total,
           conteo(r.personal_ut) AS n_ut,
           conteo(r.integrantes_comite) AS n_comite,
           si_no(r.titular_ut_certificado) AS b_certificado
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
            WHEN integrantes_comite IS NOT NULL AND (n_comite IS NULL OR n_comite <= 0) THEN struct_pack(
                 c := 'integrantes_comite', v := integrantes_comite,
                 m := 'Integrantes del Comité de Transparencia no válido: escriba un número entero mayor que cero, o deje la celda vacía si no lo sabe.')
            WHEN n_comite > n_total THEN struct_pack(c := 'integrantes_comite', v := integrantes_comite,
                 m := 'Los integrantes del Comité de Transparencia son más que el total de personal del ente.')
            WHEN titular_ut_certificado IS NOT NULL AND b_certificado IS NULL THEN struct_pack(
                 c := 'titular_ut_certificado', v := titular_ut_certificado,
                 m := 'Valor no reconocido para la certificación de la persona titular de la UT; use Sí o No, o deje la celda vacía si no se sabe.')
        END AS problema
    FROM parsed p
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
