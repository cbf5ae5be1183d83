-- Every ente × month row of a fact, repeated for the three levels (ente, peer group, government) and the three
-- period types (month, quarter, year), keyed so that a GROUP BY over (nivel, clave, tipo_periodo, periodo)
-- re-aggregates the counts. Used with the placeholder source table `hecho` bound by the caller.
CREATE OR REPLACE TEMP MACRO periodo_de(mes, tipo) AS
    CASE tipo WHEN 'mes' THEN strftime(mes, '%Y-%m')
              WHEN 'trimestre' THEN year(mes)::VARCHAR || '-T' || quarter(mes)::VARCHAR
              ELSE year(mes)::VARCHAR END;
CREATE OR REPLACE TEMP MACRO inicio_de(mes, tipo) AS
    CASE tipo WHEN 'mes' THEN mes
              WHEN 'trimestre' THEN date_trunc('quarter', mes)::DATE
              ELSE date_trunc('year', mes)::DATE END;
-- The period right before the one that starts on `inicio` ('2026-01' → '2025-12', '2026-T1' → '2025-T4').
CREATE OR REPLACE TEMP MACRO anterior_de(inicio, tipo) AS
    periodo_de(CASE tipo WHEN 'mes' THEN inicio - INTERVAL 1 MONTH
                         WHEN 'trimestre' THEN inicio - INTERVAL 3 MONTH
                         ELSE inicio - INTERVAL 1 YEAR END, tipo);
-- The last day of the period that starts on `inicio`.
CREATE OR REPLACE TEMP MACRO fin_de(inicio, tipo) AS
    (CASE tipo WHEN 'mes' THEN inicio + INTERVAL 1 MONTH
               WHEN 'trimestre' THEN inicio + INTERVAL 3 MONTH
               ELSE inicio + INTERVAL 1 YEAR END - INTERVAL 1 DAY)::DATE;
-- An ente is in force in a period when it is in force on the period's last day: an ente that ended within the
-- period (a rename, a merger) is there only through its successor's series.
CREATE OR REPLACE TEMP MACRO en_vigor(desde, hasta, fin) AS
    coalesce(desde, DATE '1900-01-01') <= fin AND coalesce(hasta, DATE '9999-12-31') >= fin;
-- Every month from `desde` to `hasta` in which each ente is in force (from the month it started to the month it
-- ended): the grid of a base table whose stocks must exist at the end of every period.
CREATE OR REPLACE TEMP MACRO meses_en_vigor(desde, hasta) AS TABLE
SELECT e.ente_id, m.mes::DATE AS mes
FROM ente e JOIN generate_series(desde::DATE, hasta::DATE, INTERVAL 1 MONTH) m(mes)
  ON m.mes >= date_trunc('month', coalesce(e.vigente_desde, DATE '1900-01-01'))
 AND m.mes <= coalesce(e.vigente_hasta, DATE '9999-12-31');
-- nivel 'ente' rows of an ente not in force in the period are its history ('linaje'): the ente's own series
-- (Ficha, its trend, the movement in the ranking) reads them; rankings, group means and the export do not.
CREATE OR REPLACE TEMP MACRO nivel_en(nivel, desde, hasta, inicio, tipo) AS
    CASE WHEN nivel = 'ente' AND NOT en_vigor(desde, hasta, fin_de(inicio, tipo)) THEN 'linaje' ELSE nivel END;
-- nivel 'ente' follows each ente through its predecessors (ente_linaje: renames, mergers, splits): the rows of
-- SECOES count in SABGOB's series too, so that a series does not start over with a new name. Groups and the
-- government count every ente once, by its own rows.
CREATE OR REPLACE TEMP TABLE niveles AS
SELECT l.antecesor_id AS ente_id, 'ente' AS nivel, e.ente_id AS clave, e.nombre_oficial AS nombre,
       e.grupo_pares, e.vigente_desde, e.vigente_hasta
FROM (SELECT DISTINCT ente_id, antecesor_id FROM ente_linaje) l JOIN ente e ON e.ente_id = l.ente_id
UNION ALL
SELECT e.ente_id, n.nivel, CASE n.nivel WHEN 'grupo' THEN e.grupo_pares ELSE 'GEQROO' END,
       CASE n.nivel WHEN 'grupo' THEN e.grupo_pares ELSE 'Gobierno del Estado de Quintana Roo' END,
       NULL, NULL::DATE, NULL::DATE
FROM ente e CROSS JOIN (VALUES ('grupo'), ('gobierno')) n(nivel);
CREATE OR REPLACE TEMP TABLE tipos_periodo AS SELECT * FROM (VALUES ('mes'), ('trimestre'), ('anio')) t(tipo_periodo);
