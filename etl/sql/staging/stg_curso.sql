-- raw_curso → stg_curso: parsed, mapped, checked; `motivo` is NULL for a good row. Parameter $hoy.
CREATE OR REPLACE TEMP TABLE stg_curso AS
WITH parsed AS (
    SELECT r.*, co.archivo_orden,
           parse_fecha(r.fecha_inicio) AS f_inicio,
           parse_fecha(r.fecha_fin)    AS f_fin,
           try_cast(replace(r.horas, ',', '.') AS DOUBLE) AS n_horas,
           mm.categoria AS modalidad_norm, mt.categoria AS tema_norm,
           coalesce(mp.categoria, CASE WHEN r.publico IS NULL THEN 'servidores_publicos' END) AS publico_norm
    FROM raw_curso r
    JOIN carga_orden co ON co.carga_id = r.carga_id
    LEFT JOIN map_capacitacion mm ON mm.campo = 'modalidad' AND mm.valor = r.modalidad
    LEFT JOIN map_capacitacion mt ON mt.campo = 'tema' AND mt.valor = r.tema
    LEFT JOIN map_capacitacion mp ON mp.campo = 'publico' AND mp.valor = r.publico
),
checked AS (
    SELECT p.*,
        CASE
            WHEN curso_id IS NULL THEN struct_pack(c := 'curso_id', v := NULL, m := 'Falta la clave del curso.')
            WHEN con_dato_personal(curso_id) THEN struct_pack(c := 'curso_id', v := curso_id,
                 m := 'La clave del curso parece un dato personal (CURP, RFC, correo o teléfono); use la clave del catálogo.')
            WHEN nombre_curso IS NULL THEN struct_pack(c := 'nombre_curso', v := NULL, m := 'Falta el nombre del curso.')
            WHEN f_inicio IS NULL THEN struct_pack(c := 'fecha_inicio', v := fecha_inicio,
                 m := 'Fecha de inicio vacía, imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN fecha_fin IS NOT NULL AND f_fin IS NULL THEN struct_pack(c := 'fecha_fin', v := fecha_fin,
                 m := 'Fecha de fin imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_fin < f_inicio THEN struct_pack(c := 'fecha_fin', v := fecha_fin,
                 m := 'El curso termina antes de empezar; revise las fechas de inicio y fin.')
            WHEN horas IS NOT NULL AND (n_horas IS NULL OR n_horas < 0 OR n_horas > 1000) THEN struct_pack(c := 'horas', v := horas,
                 m := 'Horas no válidas; escriba un número de horas (por ejemplo 4 o 2.5).')
            WHEN modalidad IS NULL THEN struct_pack(c := 'modalidad', v := NULL,
                 m := 'Falta la modalidad (En línea, Presencial, Taller o Conferencia).')
            WHEN modalidad_norm IS NULL THEN struct_pack(c := 'modalidad', v := modalidad,
                 m := 'Modalidad no reconocida; use En línea, Presencial, Taller o Conferencia, o agréguela a data/catalogos/capacitacion_valores.csv.')
            WHEN tema IS NULL THEN struct_pack(c := 'tema', v := NULL, m := 'Falta el tema del curso.')
            WHEN tema_norm IS NULL THEN struct_pack(c := 'tema', v := tema,
                 m := 'Tema no reconocido; agréguelo a data/catalogos/capacitacion_valores.csv (campo tema).')
            WHEN publico_norm IS NULL THEN struct_pack(c := 'publico', v := publico,
                 m := 'Público no reconocido; use Servidores públicos o Sociedad.')
        END AS problema
    FROM parsed p
)
SELECT *, problema.c AS rechazo_columna, problema.v AS rechazo_valor, problema.m AS motivo FROM checked;
