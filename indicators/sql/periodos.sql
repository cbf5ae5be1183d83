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
CREATE OR REPLACE TEMP TABLE niveles AS
SELECT e.ente_id, n.nivel,
       CASE n.nivel WHEN 'ente' THEN e.ente_id WHEN 'grupo' THEN e.grupo_pares ELSE 'GEQROO' END AS clave,
       CASE n.nivel WHEN 'ente' THEN e.nombre_oficial WHEN 'grupo' THEN e.grupo_pares
            ELSE 'Gobierno del Estado de Quintana Roo' END AS nombre,
       CASE n.nivel WHEN 'ente' THEN e.grupo_pares END AS grupo_pares
FROM ente e CROSS JOIN (VALUES ('ente'), ('grupo'), ('gobierno')) n(nivel);
CREATE OR REPLACE TEMP TABLE tipos_periodo AS SELECT * FROM (VALUES ('mes'), ('trimestre'), ('anio')) t(tipo_periodo);
