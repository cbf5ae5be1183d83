-- Personal identifiers that may reach a kept text (a shifted column, a note typed by a verifier, a file name): an
-- e-mail, a CURP, an RFC, a phone number, in the forms people type them (spaced, lower-case, glued to other text
-- such as `curp:XXXX…_x`, `user @mail.com`, `998 765 4321`). sin_identificadores masks them; con_dato_personal
-- says whether a value holds one (or was masked already), for identifier columns that are rejected instead.
-- Boundaries are written as "not a letter or digit" captured and put back (RE2 has no look-around): `_` and `:`
-- separate like a space. The 6 digits of a CURP or RFC must read as a date (YYMMDD), so codes such as V-202401
-- are left alone.
CREATE OR REPLACE TEMP MACRO sin_identificadores(v) AS
    CASE WHEN v IS NULL OR NOT regexp_matches(v, '[0-9@]|(?i)arroba') THEN v ELSE
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(v,
        '(?i)[A-Z]{4}[\s-]?[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[\s-]?[HMX][A-Z]{5}[\s-]?[A-Z0-9][0-9]',
        '[CURP omitida]', 'g'),
        '(?i)(^|[^A-Z0-9Ñ&])[A-ZÑ&]{3,4}[\s-]?[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([\s-]?[A-Z0-9]{3})?([^A-Z0-9]|$)',
        '\1[RFC omitido]\5', 'g'),
        '(^|[^0-9])(\+?52[\s.-]?)?(1[\s.-]?)?(\(?[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-]?[0-9]{4}|\(?[0-9]{2}\)?[\s.-]?[0-9]{4}[\s.-]?[0-9]{4}|\(?[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-]?[0-9]{2}[\s.-]?[0-9]{2})([^0-9]|$)',
        '\1[teléfono omitido]\5', 'g'),
        '[A-Za-z0-9._%+-]+\s?(@|(?i)\s(arroba|at)\s)\s?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}',
        '[correo omitido]', 'g') END;
CREATE OR REPLACE TEMP MACRO con_dato_personal(v) AS
    v IS NOT NULL AND (sin_identificadores(v) <> v
                       OR regexp_matches(v, '\[(correo omitido|CURP omitida|RFC omitido|teléfono omitido)\]'));
