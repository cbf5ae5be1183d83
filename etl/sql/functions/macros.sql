-- Dates arrive as DD/MM/YYYY or YYYY-MM-DD, with or without a time. An impossible date (31/02/2024) gives NULL;
-- a month-first date (04/13/2024) is impossible as DD/MM and is never swapped.
-- A bare 5-digit number is an Excel serial date (1900 system: 45366 = 2024-03-15) that leaked from a cell
-- formatted as General; serials from 10000 on are after 1900-02-29 (Excel's fictitious day), so
-- 1899-12-30 + n is exact. Out-of-range years are caught by the calendar and future-date checks.
-- The PNT's DD/MM/YYYY is tried alone first: the full check costs four times as much, and a national file has
-- millions of dates.
CREATE OR REPLACE TEMP MACRO parse_fecha(s) AS coalesce(try_strptime(s, '%d/%m/%Y')::DATE,
    CASE WHEN regexp_full_match(trim(s), '[1-9][0-9]{4}(\.[0-9]+)?')
         THEN DATE '1899-12-30' + CAST(floor(CAST(trim(s) AS DOUBLE)) AS INTEGER)
         ELSE try_strptime(trim(s), ['%d/%m/%Y', '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%d/%m/%Y %H:%M:%S',
                           '%d/%m/%Y %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f'])::DATE END);
-- A Sí/No as officials write it: accents, case, spaces, a trailing remark in parentheses or trailing punctuation do
-- not matter ('sí.', 'Sí (10 días)', ' NO ' are Sí, Sí and No). What is left must be one of the allowed words.
CREATE OR REPLACE TEMP MACRO texto_bandera(s) AS
    regexp_replace(regexp_replace(upper(strip_accents(trim(s))), '\s*\([^()]*\)$', ''), '[\s.,;:!?¡¿]+$', '');
-- The PNT writes Si / No: those are answered first, because normalizing every value of a national file
-- (three columns of millions of rows) cost more than the rest of the check. NULL for a value that is neither:
-- staging rejects it (never read as No).
CREATE OR REPLACE TEMP MACRO si_no(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN s IN ('No', 'NO', 'no') THEN FALSE
         WHEN s IN ('Si', 'Sí', 'SI', 'SÍ', 'si', 'sí') THEN TRUE
         WHEN texto_bandera(s) IN ('SI', 'S', 'TRUE', '1', 'VERDADERO') THEN TRUE
         WHEN texto_bandera(s) IN ('NO', 'N', 'FALSE', '0', 'FALSO') THEN FALSE END;
-- A count of people (staff, attendees, requests published per quarter): digits, with commas or spaces between
-- thousands (1,234) or a whole number written with zero decimals (12.0). NULL otherwise, with conteo_motivo saying
-- why: `1.234` may be a thousands separator or a decimal point, and a count is never rounded or truncated.
CREATE OR REPLACE TEMP MACRO conteo(s) AS
    CASE WHEN regexp_full_match(trim(s), '[0-9]{1,9}') THEN CAST(trim(s) AS BIGINT)
         WHEN regexp_full_match(trim(s), '[0-9]{1,3}([ ,\xa0][0-9]{3}){1,2}')
              THEN CAST(regexp_replace(trim(s), '[ ,\xa0]', '', 'g') AS BIGINT)
         WHEN regexp_full_match(trim(s), '[0-9]{1,9}\.0+') THEN CAST(split_part(trim(s), '.', 1) AS BIGINT) END;
CREATE OR REPLACE TEMP MACRO conteo_motivo(s) AS
    CASE WHEN regexp_full_match(trim(s), '[0-9]{1,3}(\.[0-9]{3})+')
              THEN '«' || trim(s) || '» es ambiguo: el punto puede separar miles (' || replace(trim(s), '.', '')
                   || ') o decimales. Escriba la cifra sin puntos: ' || replace(trim(s), '.', '') || ' si son miles.'
         WHEN regexp_full_match(trim(s), '-[0-9 ,.]+') THEN 'Una cantidad de personas no puede ser negativa.'
         WHEN regexp_full_match(trim(s), '[0-9]+[.,][0-9]+') THEN '«' || trim(s) || '» no es un número entero: '
                   || 'una cantidad de personas no se redondea ni se trunca; escriba el número entero.'
         WHEN regexp_full_match(trim(s), '[0-9 ,.\xa0]+') THEN 'Cifra demasiado grande para una cantidad de personas '
                   || '(mil millones o más); revise la celda.'
         ELSE 'No es un número; escriba la cantidad con cifras (por ejemplo 25 o 1,250).' END;
