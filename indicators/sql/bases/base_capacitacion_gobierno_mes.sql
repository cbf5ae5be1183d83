-- Government-wide counts per month: courses given (in the month they start, only once started) and public
-- events (no ente: they are the program's, organized by SABGOB). Computed only at nivel 'gobierno'.
INSERT INTO base_capacitacion_gobierno_mes BY NAME
WITH c AS (
    SELECT mes, count(*) AS cursos,
           count(*) FILTER (WHERE modalidad = 'en_linea')    AS cursos_en_linea,
           count(*) FILTER (WHERE modalidad = 'presencial')  AS cursos_presencial,
           count(*) FILTER (WHERE modalidad = 'taller')      AS cursos_taller,
           count(*) FILTER (WHERE modalidad = 'conferencia') AS cursos_conferencia
    FROM curso WHERE impartido GROUP BY mes
),
e AS (
    SELECT mes, count(DISTINCT (evento, fecha)) AS eventos, sum(asistentes) AS asistentes_sociedad
    FROM evento_publico GROUP BY mes
)
SELECT coalesce(c.mes, e.mes) AS mes, coalesce(cursos, 0) AS cursos, coalesce(cursos_en_linea, 0) AS cursos_en_linea,
       coalesce(cursos_presencial, 0) AS cursos_presencial, coalesce(cursos_taller, 0) AS cursos_taller,
       coalesce(cursos_conferencia, 0) AS cursos_conferencia, coalesce(eventos, 0) AS eventos,
       coalesce(asistentes_sociedad, 0) AS asistentes_sociedad
FROM c FULL OUTER JOIN e ON c.mes = e.mes;
