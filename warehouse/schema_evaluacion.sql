-- Citizens' evaluations of the entes' transparency obligations, read from the participación store at build time
-- (etl/read/participacion.py): only those that count (without a comment, or with an approved one). No comments,
-- sessions nor client keys live here: the answers and the obligation, for counting.

CREATE TABLE evaluacion_ciudadana (
    evaluacion_id   VARCHAR NOT NULL,    -- the store's id (random)
    ente_id         VARCHAR NOT NULL,
    ley_version     VARCHAR NOT NULL,    -- the law in force when the citizen answered
    articulo        VARCHAR NOT NULL,
    fraccion        VARCHAR NOT NULL,
    clave_historica VARCHAR NOT NULL,    -- obligacion.clave_historica: meets the verifiers' fracción across laws
    fecha           DATE NOT NULL,       -- the day it was sent, in Quintana Roo
    mes             DATE NOT NULL,
    encontrada      VARCHAR NOT NULL,    -- si | parcialmente | no
    actualizada     VARCHAR NOT NULL,    -- si | no | no_se
    comprension     INTEGER NOT NULL,    -- 1 (no se entiende) … 5 (se entiende muy bien)
    carga_id        VARCHAR NOT NULL,
    fila            BIGINT NOT NULL
);

-- Counts per ente × fracción × month (indicators/sql/bases/base_evaluacion_ciudadana_mes.sql): the citizens' side of the
-- comparison with the verifiers; its values are shown only from the minimum count of the indicator catalog.
CREATE TABLE evaluacion_ciudadana_fraccion_mes (
    ente_id             VARCHAR NOT NULL,
    ley_version         VARCHAR NOT NULL,
    articulo            VARCHAR NOT NULL,
    fraccion            VARCHAR NOT NULL,
    clave_historica     VARCHAR NOT NULL,
    mes                 DATE NOT NULL,
    evaluaciones        INTEGER NOT NULL,
    encontrada_si       INTEGER NOT NULL,
    encontrada_parcial  INTEGER NOT NULL,
    puntos_encontrada   DECIMAL(18, 1) NOT NULL,  -- sí = 1, parcialmente = 0.5, no = 0
    actualizada_si      INTEGER NOT NULL,
    actualizada_opinion INTEGER NOT NULL,         -- sí + no (no sé does not count)
    suma_comprension    INTEGER NOT NULL
);

-- The same counts per ente × month: the base of the evaluacion_ciudadana_* indicators.
CREATE TABLE base_evaluacion_ciudadana_mes (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    evaluaciones DOUBLE, puntos_encontrada DECIMAL(18, 1), actualizada_si DOUBLE, actualizada_opinion DOUBLE,
    suma_comprension DOUBLE
);

-- Citizens and verifiers side by side, per ente × fracción (clave_historica: across laws) × reference month `mes`:
-- both sides pool the 12 months that end with `mes` (indicators/comparison.py,
-- indicators/sql/values/comparacion_ciudadana.sql). A row exists where citizens evaluated the fracción in those months; the citizens'
-- values are NULL below the catalog's minimum, the verifiers' when no verification evaluated it in those months.
CREATE TABLE comparacion_ciudadana (
    ente_id                  VARCHAR NOT NULL,
    mes                      DATE NOT NULL,      -- the last month of the window
    clave_historica          VARCHAR NOT NULL,
    articulo                 VARCHAR NOT NULL,   -- of the newest law (the clave's own fracción)
    fraccion                 VARCHAR NOT NULL,
    obligacion               VARCHAR NOT NULL,   -- its short name ("Sueldos y salarios")
    orden                    INTEGER NOT NULL,
    evaluaciones             INTEGER NOT NULL,
    pct_encontrada           DOUBLE,             -- 100 × (sí + 0.5 × parcialmente) / evaluaciones
    pct_actualizada          DOUBLE,             -- 100 × sí / (sí + no)
    comprension_media        DOUBLE,             -- 1–5
    actualizada_opinion      INTEGER NOT NULL,
    evaluaciones_verificacion INTEGER NOT NULL,  -- times verifiers scored the fracción in the window
    puntaje_verificacion     DOUBLE,             -- their mean score, 0–100
    diferencia               DOUBLE,             -- pct_encontrada − puntaje_verificacion, in points
    desacuerdo               BOOLEAN NOT NULL    -- |diferencia| ≥ the threshold
);
