-- Dates arrive as DD/MM/YYYY or YYYY-MM-DD, with or without a time. An impossible date (31/02/2024) gives NULL.
CREATE OR REPLACE TEMP MACRO parse_fecha(s) AS
    try_strptime(trim(s), ['%d/%m/%Y', '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%d/%m/%Y %H:%M:%S',
                           '%d/%m/%Y %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f'])::DATE;
CREATE OR REPLACE TEMP MACRO si_no(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN upper(strip_accents(trim(s))) IN ('SI', 'S', 'TRUE', '1', 'VERDADERO') THEN TRUE
         WHEN upper(strip_accents(trim(s))) IN ('NO', 'N', 'FALSE', '0', 'FALSO') THEN FALSE END;
