-- raw_asistencia → stg_asistencia: ente, course and person resolved, checked; `motivo` NULL for a good row.
-- Parameter $minima: passing grade on a 0–10 scale.
-- Person key: the CURP hash; else the CURP hash another row pairs with the same e-mail (so a sign-in sheet with
-- only the e-mail links to the campus export with the CURP); else the e-mail hash; else name hash + ente.
CREATE OR REPLACE TEMP MACRO marca_si(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN texto_bandera(s) IN ('SI', 'S', 'TRUE', '1', 'VERDADERO', 'X', 'ASISTIO', 'PRESENTE',
                                                'COMPLETADO', 'FINALIZADO', 'EMITIDA', 'OTORGADA', 'APROBADO') THEN TRUE
         WHEN texto_bandera(s) IN ('NO', 'N', 'FALSE', '0', 'FALSO', 'NO ASISTIO', 'AUSENTE', 'FALTA',
                                                'NO COMPLETADO', 'NO FINALIZADO', 'EN CURSO', 'PENDIENTE',
                                                'NO EMITIDA', 'NO APROBADO') THEN FALSE END;
CREATE OR REPLACE TEMP TABLE stg_asistencia AS
WITH curp_por_correo AS (
    SELECT hash_correo, min(hash_curp) AS hash_curp
    FROM raw_asistencia
    WHERE hash_correo IS NOT NULL AND hash_curp IS NOT NULL
    GROUP BY hash_correo
    HAVING count(DISTINCT hash_curp) = 1      -- a shared mailbox used by two CURPs links nobody
),
parsed AS (
    SELECT r.*, co.archivo_orden, me.ente_id, me.sugerencia,
           c.curso_id IS NOT NULL AS curso_conocido, c.fecha_inicio AS c_inicio, c.fecha_fin AS c_fin, c.horas,
           parse_fecha(r.fecha) AS f_asistencia,
           try_cast(replace(r.calificacion, ',', '.') AS DOUBLE) AS n_calificacion,
           coalesce(r.hash_curp, cc.hash_curp, r.hash_correo,
                    CASE WHEN me.ente_id IS NOT NULL THEN sha256(r.hash_nombre || '|' || me.ente_id) END) AS persona_id,
           marca_si(r.es_ut) AS b_ut, marca_si(r.es_comite) AS b_comite, marca_si(r.asistio) AS b_asistio,
           marca_si(r.constancia) AS b_constancia
    FROM raw_asistencia r
    JOIN carga_orden co ON co.carga_id = r.carga_id
    LEFT JOIN map_ente me ON me.valor = r.dependencia
    LEFT JOIN curso c ON c.curso_id = r.curso_id
    LEFT JOIN curp_por_correo cc ON cc.hash_correo = r.hash_correo AND r.hash_curp IS NULL
),
checked AS (
    SELECT p.*,
        CASE
            WHEN curso_id IS NULL THEN struct_pack(c := 'curso_id', v := NULL, m := 'Falta la clave del curso.')
            WHEN NOT curso_conocido AND con_dato_personal(curso_id) THEN struct_pack(c := 'curso_id', v := curso_id,
                 m := 'La clave del curso parece un dato personal (CURP, RFC, correo o teléfono); use la clave del catálogo.')
            WHEN NOT curso_conocido THEN struct_pack(c := 'curso_id', v := curso_id,
                 m := 'Curso desconocido: la clave no está en el catálogo de cursos cargado. Corrija la clave o agregue el curso al catálogo.')
            WHEN dependencia IS NULL THEN struct_pack(c := 'dependencia', v := NULL,
                 m := 'Falta el ente (dependencia o entidad) de la persona.')
            WHEN ente_id IS NULL THEN struct_pack(c := 'dependencia', v := dependencia,
                 m := 'Ente desconocido. ' || sugerencia)
            WHEN persona_id IS NULL THEN struct_pack(c := 'persona', v := NULL,
                 m := 'Falta la identificación de la persona: se necesita la CURP, el correo o el nombre.')
            WHEN fecha IS NOT NULL AND f_asistencia IS NULL THEN struct_pack(c := 'fecha', v := fecha,
                 m := 'Fecha imposible o con formato desconocido; use AAAA-MM-DD o DD/MM/AAAA.')
            WHEN f_asistencia NOT BETWEEN c_inicio AND c_fin THEN struct_pack(c := 'fecha', v := fecha,
                 m := 'La fecha está fuera de las fechas del curso (' || strftime(c_inicio, '%Y-%m-%d') || ' a '
                      || strftime(c_fin, '%Y-%m-%d') || '); revise la fecha o la clave del curso.')
            WHEN es_ut IS NOT NULL AND b_ut IS NULL THEN struct_pack(c := 'es_ut', v := es_ut,
                 m := 'Valor no reconocido para la Unidad de Transparencia; use Sí o No.')
            WHEN es_comite IS NOT NULL AND b_comite IS NULL THEN struct_pack(c := 'es_comite', v := es_comite,
                 m := 'Valor no reconocido para el Comité de Transparencia; use Sí o No.')
            WHEN asistio IS NOT NULL AND b_asistio IS NULL THEN struct_pack(c := 'asistio', v := asistio,
                 m := 'Valor no reconocido para la asistencia; use Sí o No (o Completado / No completado).')
            WHEN constancia IS NOT NULL AND b_constancia IS NULL THEN struct_pack(c := 'constancia', v := constancia,
                 m := 'Valor no reconocido para la constancia; use Sí o No.')
            WHEN calificacion IS NOT NULL AND (n_calificacion IS NULL OR n_calificacion NOT BETWEEN 0 AND 100) THEN
                 struct_pack(c := 'calificacion', v := calificacion,
                             m := 'Calificación no válida; use un número de 0 a 10 o de 0 a 100.')
        END AS problema
    FROM parsed p
),
numbered AS (
    -- Among otherwise good rows, the first occurrence of a person in a course is kept; the others are duplicates.
    SELECT k.*,
           CASE WHEN problema IS NULL THEN row_number() OVER w END AS vez,
           CASE WHEN problema IS NULL THEN first_value(archivo) OVER w END AS primer_archivo,
           CASE WHEN problema IS NULL THEN first_value(fila) OVER w END AS primera_fila
    FROM checked k
    WINDOW w AS (PARTITION BY curso_id, persona_id, problema IS NULL ORDER BY archivo_orden, fila)
)
SELECT n.* EXCLUDE (problema, vez, primer_archivo, primera_fila),
       coalesce(b_asistio, TRUE) AS asistio_final,       -- being on the list means having attended
       CASE WHEN n_calificacion > 10 THEN n_calificacion / 10 ELSE n_calificacion END AS calificacion_10,
       coalesce(n.problema, CASE WHEN vez > 1 THEN struct_pack(c := 'persona', v := curso_id,
           m := 'Asistencia duplicada: la misma persona ya está registrada en este curso (' || primer_archivo
                || ', fila ' || primera_fila::VARCHAR || ').') END) AS problema
FROM numbered n;
-- Passed (aprobado): the grade decides (≥ $minima); without one, the certificate (constancia). A graded course
-- (one whose good rows carry at least one grade: it had an evaluation) counts only when passed, so a participant
-- of it with neither grade nor certificate did not pass (FALSE, never counted as trained); in a course nobody was
-- graded in, attendance alone is not evaluated (NULL) and counts.
CREATE OR REPLACE TEMP TABLE stg_asistencia AS
SELECT s.* EXCLUDE (problema, curso_calificado), problema.c AS rechazo_columna, problema.v AS rechazo_valor,
       problema.m AS motivo,
       CASE WHEN NOT asistio_final THEN FALSE
            WHEN calificacion_10 IS NOT NULL THEN calificacion_10 >= $minima
            WHEN b_constancia IS NOT NULL THEN b_constancia
            WHEN curso_calificado THEN FALSE END AS aprobado
FROM (SELECT *, coalesce(bool_or(calificacion_10 IS NOT NULL) FILTER (WHERE problema IS NULL)
                             OVER (PARTITION BY curso_id), FALSE) AS curso_calificado
      FROM stg_asistencia) s;
