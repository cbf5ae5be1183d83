-- The words of «¿Por qué cambió?», written once for every paragraph: an ente's (explicacion.sql) and a group's or
-- the government's (explicacion_nivel.sql) say the change of their index in the same head sentence, tell each
-- effect with the same signed points and are contracted the same way. The periods come already in Spanish
-- (periodo_texto, filled by index.py with common/formatting.periodo_es).
-- Numbers are written by format('{:.1f}'), which gives the digits of Python's f'{x:.1f}' (both round the exact
-- binary value, ties to even; checked equal up to 1e36, far above any value or effect here).

-- 'El índice bajó 3.4 puntos, de 72.2 a 68.8, entre septiembre de 2026 y octubre de 2026'; a change smaller than
-- `minimo` points is told as none: 'El índice se mantuvo en 68.8 entre …'. `sujeto` names whose index it is.
CREATE OR REPLACE TEMP MACRO frase_cambio(sujeto, indice, indice_anterior, antes, ahora, minimo) AS
    CASE WHEN abs(indice - indice_anterior) < minimo
         THEN sujeto || ' se mantuvo en ' || format('{:.1f}', indice) || ' entre ' || antes || ' y ' || ahora
         ELSE sujeto || ' ' || CASE WHEN indice - indice_anterior > 0 THEN 'subió' ELSE 'bajó' END || ' '
              || format('{:.1f}', abs(indice - indice_anterior)) || ' puntos, de ' || format('{:.1f}', indice_anterior)
              || ' a ' || format('{:.1f}', indice) || ', entre ' || antes || ' y ' || ahora END;

-- '+1.3', '−4.0' (a true minus sign): the points an effect moved the index.
CREATE OR REPLACE TEMP MACRO puntos_con_signo(x) AS
    CASE WHEN x >= 0 THEN '+' ELSE '−' END || format('{:.1f}', abs(x));

-- 'de el' → 'del', 'a el' → 'al' (common.formatting.contract) when a name brings them; a word character is a letter,
-- a digit or '_', as Python's \b reads it. Two passes: one match can use up the space the next one starts with.
CREATE OR REPLACE TEMP MACRO contraido(t) AS
    CASE WHEN contains(t, ' el')
         THEN regexp_replace(regexp_replace(t, '(^|[^\pL\pN_])([Dd]e|[Aa]) el([^\pL\pN_]|$)', '\1\2l\3', 'g'),
                             '(^|[^\pL\pN_])([Dd]e|[Aa]) el([^\pL\pN_]|$)', '\1\2l\3', 'g')
         ELSE t END;
