-- Follow-up of every failed fracción: the next review of the same ente that evaluated it decides whether it was
-- solventada (score ≥ $umbral) or is reincidente. Within one law the same fracción is followed; after a change of
-- law, its equivalent (same clave_historica). No later evaluation yet: pendiente.
-- Each fracción of an ente is a series of evaluations in date order (its own and its equivalents' in another law),
-- and a failure is followed by the next date of its series: one window over the evaluations, linear in their
-- number. Pairing every failure with every later evaluation and keeping the first grows with the square of the
-- reviews per ente (10 M pairs sorted for 8 000 entes × 48 fracciones × 12 months).
INSERT INTO seguimiento_fraccion BY NAME
WITH evaluadas AS NOT MATERIALIZED (
    -- Not materialized: reading indice_fraccion twice costs less than writing a copy of it.
    SELECT f.verificacion_id, f.ente_id, f.ley_version, f.articulo, f.fraccion, f.clave_historica, f.puntaje,
           f.incumplida, v.fecha, v.mes
    FROM indice_fraccion f JOIN verificacion v USING (verificacion_id)
),
equivalentes AS (
    -- Each fracción and those of another law with its clave_historica (V of 2016 and V of 2025, both ways), when
    -- that law has evaluations: none while every review is under one law.
    SELECT a.ley_version, a.articulo, a.fraccion,
           b.ley_version AS serie_ley, b.articulo AS serie_articulo, b.fraccion AS serie_fraccion
    FROM obligacion a
    JOIN obligacion b ON b.clave_historica = a.clave_historica AND b.ley_version <> a.ley_version
    WHERE b.ley_version IN (SELECT ley_version FROM indice_fraccion)
),
series AS (
    -- The evaluations that can follow up a failure of (ente, serie_ley, serie_articulo, serie_fraccion): those of
    -- the same fracción, and those of its equivalents in another law.
    SELECT *, ley_version AS serie_ley, articulo AS serie_articulo, fraccion AS serie_fraccion FROM evaluadas
    UNION ALL
    SELECT e.*, q.serie_ley, q.serie_articulo, q.serie_fraccion
    FROM evaluadas e JOIN equivalentes q USING (ley_version, articulo, fraccion)
),
siguiente AS (
    -- GROUPS 1 FOLLOWING: the evaluations of the next date in the series. Among them the earliest review, then the
    -- lowest score (two fracciones of one review can share a clave_historica), then the fracción and its law: a
    -- total order, so the choice never depends on row order.
    SELECT *, min(struct_pack(fecha, verificacion_id, puntaje, articulo, fraccion, ley_version, mes)) OVER (
                  PARTITION BY ente_id, serie_ley, serie_articulo, serie_fraccion ORDER BY fecha
                  GROUPS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS s
    FROM series
    QUALIFY incumplida AND ley_version = serie_ley AND articulo = serie_articulo AND fraccion = serie_fraccion
)
SELECT ente_id, verificacion_id, fecha, ley_version, articulo, fraccion, clave_historica, puntaje,
       s.verificacion_id AS verificacion_siguiente, s.fecha AS fecha_siguiente, s.mes AS mes_siguiente,
       s.ley_version AS ley_version_siguiente, s.articulo AS articulo_siguiente, s.fraccion AS fraccion_siguiente,
       s.puntaje AS puntaje_siguiente,
       CASE WHEN s.verificacion_id IS NULL THEN 'pendiente'
            WHEN s.puntaje >= $umbral THEN 'solventada'
            ELSE 'reincidente' END AS estado
FROM siguiente;
