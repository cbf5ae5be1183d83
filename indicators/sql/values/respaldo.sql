-- agg_respaldo: the rows of a fallback base ({respaldo}, e.g. the published quarterly tables) for the periods its
-- primary base ({primaria}) has no data for: a fallback continues a series back in time, it never replaces values.
-- {respaldo}, {primaria}: aggregate tables of two bases of indicators/definitions.py (identifiers, never data).
CREATE OR REPLACE TEMP TABLE agg_respaldo AS
SELECT * FROM {respaldo} a
WHERE NOT EXISTS (SELECT 1 FROM {primaria} c WHERE c.tipo_periodo = a.tipo_periodo AND c.periodo = a.periodo);
