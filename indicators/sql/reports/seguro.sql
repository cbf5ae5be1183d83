-- Text cells that a spreadsheet would run as a formula are neutralized with a leading apostrophe (every open-data
-- file: export.sql, export_ciudadanos.sql).
CREATE OR REPLACE TEMP MACRO seguro(t) AS
    CASE WHEN regexp_matches(t, '^[=+\-@\t\r]') THEN '''' || t ELSE t END;
