-- Citizens and verifiers side by side, per ente × fracción × reference month (warehouse/schema_evaluacion.sql).
-- For every month M from an ente-fracción's first citizens' evaluation until $ventana − 1 months after its last
-- (no later than the last month with evaluations or verifications), both sides pool the $ventana months that end
-- with M: the citizens' counts are added (never their percentages averaged), the verifiers' scores of that fracción
-- in every review of those months are averaged. Fracciones meet across a change of law by clave_historica.
-- Parameters: $ventana (months), $minimo (evaluations before a citizens' value is shown), $umbral (points).
INSERT INTO comparacion_ciudadana BY NAME
WITH ciudadanos_mes AS (
    SELECT ente_id, clave_historica, mes, sum(evaluaciones) AS evaluaciones,
           sum(puntos_encontrada) AS puntos_encontrada, sum(actualizada_si) AS actualizada_si,
           sum(actualizada_opinion) AS actualizada_opinion, sum(suma_comprension) AS suma_comprension
    FROM evaluacion_ciudadana_fraccion_mes
    GROUP BY ente_id, clave_historica, mes
),
ultimo AS (
    SELECT max(mes) AS mes FROM (SELECT mes FROM ciudadanos_mes UNION ALL SELECT mes FROM indice_ente)
),
referencias AS (
    SELECT c.ente_id, c.clave_historica, r.mes::DATE AS mes
    FROM (SELECT ente_id, clave_historica, min(mes) AS primero, max(mes) AS hasta FROM ciudadanos_mes GROUP BY ALL) c
    CROSS JOIN ultimo u
    CROSS JOIN LATERAL generate_series(c.primero::TIMESTAMP,
                                       least(c.hasta + to_months($ventana - 1), u.mes)::TIMESTAMP,
                                       INTERVAL 1 MONTH) r(mes)
),
ciudadanos AS (
    SELECT r.ente_id, r.clave_historica, r.mes, sum(c.evaluaciones) AS evaluaciones,
           sum(c.puntos_encontrada) AS puntos_encontrada, sum(c.actualizada_si) AS actualizada_si,
           sum(c.actualizada_opinion) AS actualizada_opinion, sum(c.suma_comprension) AS suma_comprension
    FROM referencias r
    JOIN ciudadanos_mes c ON c.ente_id = r.ente_id AND c.clave_historica = r.clave_historica
                         AND c.mes BETWEEN r.mes - to_months($ventana - 1) AND r.mes
    GROUP BY r.ente_id, r.clave_historica, r.mes
),
verificadores AS (
    SELECT r.ente_id, r.clave_historica, r.mes, count(*) AS evaluaciones_verificacion,
           sum(f.puntaje::DECIMAL(38, 10)) / count(*) AS puntaje_verificacion
    FROM referencias r
    JOIN indice_ente v ON v.ente_id = r.ente_id AND v.mes BETWEEN r.mes - to_months($ventana - 1) AND r.mes
    JOIN indice_fraccion f ON f.verificacion_id = v.verificacion_id AND f.ente_id = v.ente_id
                          AND f.clave_historica = r.clave_historica
    GROUP BY r.ente_id, r.clave_historica, r.mes
),
valores AS (
    SELECT c.*, coalesce(v.evaluaciones_verificacion, 0) AS evaluaciones_verificacion,
           v.puntaje_verificacion::DOUBLE AS puntaje_verificacion,
           CASE WHEN c.evaluaciones >= $minimo THEN 100 * c.puntos_encontrada / c.evaluaciones END::DOUBLE
               AS pct_encontrada,
           CASE WHEN c.actualizada_opinion >= $minimo THEN 100.0 * c.actualizada_si / c.actualizada_opinion END
               AS pct_actualizada,
           CASE WHEN c.evaluaciones >= $minimo THEN c.suma_comprension / c.evaluaciones END AS comprension_media
    FROM ciudadanos c LEFT JOIN verificadores v USING (ente_id, clave_historica, mes)
)
SELECT v.ente_id, v.mes, v.clave_historica, o.articulo, o.fraccion, o.nombre AS obligacion, o.orden,
       v.evaluaciones, v.pct_encontrada, v.pct_actualizada, v.comprension_media, v.actualizada_opinion,
       v.evaluaciones_verificacion, v.puntaje_verificacion,
       v.pct_encontrada - v.puntaje_verificacion AS diferencia,
       coalesce(abs(v.pct_encontrada - v.puntaje_verificacion) >= $umbral, FALSE) AS desacuerdo
FROM valores v
JOIN obligacion o ON o.ley_version || ' ' || o.articulo || '-' || o.fraccion = v.clave_historica;
