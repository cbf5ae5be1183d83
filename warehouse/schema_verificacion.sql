-- Verification of transparency obligations (obligaciones de transparencia): catalogs by law version, review
-- results (criterion or fracción level), the compliance index with its parts, and the follow-up of failures.

-- Catalogs (data/catalogos/obligaciones_*.csv, equivalencia_obligaciones.csv, aplicabilidad_obligaciones.csv)
CREATE TABLE obligacion (
    ley_version       VARCHAR NOT NULL,   -- LTAIPQROO2016 | LGTAIP2025 (same ids as plazo_legal)
    articulo          VARCHAR NOT NULL,   -- '91', '92', '65', '66'
    fraccion          VARCHAR NOT NULL,   -- roman numeral, 'I-a' for an inciso
    orden             INTEGER NOT NULL,   -- display order within the article
    nombre            VARCHAR NOT NULL,   -- short name for tables and charts
    texto_inicio      VARCHAR,            -- first words of the legal text, where copied
    tipo_obligacion   VARCHAR NOT NULL,   -- comun (applies to every ente unless excluded) | especifica
    verificado        BOOLEAN NOT NULL,   -- checked against the published legal text
    nota_verificacion VARCHAR,
    fuente            VARCHAR,
    peso              DOUBLE NOT NULL,    -- weight in the ente index (verificacion_ponderacion.toml; 1 by default)
    clave_historica   VARCHAR NOT NULL,   -- the equivalent fracción in the newest law version ('LGTAIP2025 65-V'):
                                          -- the key that keeps a fracción's history across a change of law
    PRIMARY KEY (ley_version, articulo, fraccion)
);
-- The days each law's obligations are in force (etl/sql/catalogs/obligacion_vigencia.sql): a verification is judged, and a
-- citizen evaluates, under the law of its date.
CREATE TABLE obligacion_vigencia (
    ley_version VARCHAR PRIMARY KEY,
    desde       DATE NOT NULL,
    hasta       DATE NOT NULL                 -- 9999-12-31 while in force
);
CREATE TABLE obligacion_equivalencia (
    ley_origen       VARCHAR NOT NULL,
    articulo_origen  VARCHAR NOT NULL,
    fraccion_origen  VARCHAR NOT NULL,
    ley_destino      VARCHAR NOT NULL,
    articulo_destino VARCHAR NOT NULL,
    fraccion_destino VARCHAR NOT NULL,
    confirmado       BOOLEAN NOT NULL,
    nota             VARCHAR
);
-- Every ente × obligation of every law version: the table of the garante plus the default rule.
CREATE TABLE aplicabilidad (
    ente_id     VARCHAR NOT NULL,
    ley_version VARCHAR NOT NULL,
    articulo    VARCHAR NOT NULL,
    fraccion    VARCHAR NOT NULL,
    aplica      BOOLEAN NOT NULL,
    motivo      VARCHAR NOT NULL,
    origen      VARCHAR NOT NULL,         -- tabla (listed in the CSV) | regla general
    PRIMARY KEY (ente_id, ley_version, articulo, fraccion)
);

-- Facts
CREATE TABLE verificacion (
    verificacion_id  VARCHAR PRIMARY KEY, -- id or name of the review as written in the input
    tipo             VARCHAR,             -- diagnostica | vinculante | seguimiento | mensual
    periodo_evaluado VARCHAR,             -- as written (e.g. '2024-T1', 'enero 2025')
    fecha            DATE NOT NULL,
    mes              DATE NOT NULL,       -- first day of the month of fecha
    ley_version      VARCHAR NOT NULL     -- law in force on fecha
);
-- One row per loaded input row: a criterion score or a fracción-level percentage.
CREATE TABLE verificacion_resultado (
    verificacion_id VARCHAR NOT NULL,
    ente_id         VARCHAR NOT NULL,
    ley_version     VARCHAR NOT NULL,
    articulo        VARCHAR NOT NULL,
    fraccion        VARCHAR NOT NULL,
    nivel           VARCHAR NOT NULL,     -- criterio | fraccion
    criterio        VARCHAR,
    tipo_criterio   VARCHAR,              -- sustantivo | adjetivo_actualizacion | adjetivo_confiabilidad | adjetivo_formato | adjetivo
    valor           DOUBLE,               -- 1 | 0.5 | 0 (criterio)
    porcentaje      DOUBLE,               -- 0–100 (fraccion)
    observacion     VARCHAR,              -- the reviewer's note about the published information (plain text)
    carga_id        VARCHAR NOT NULL,
    archivo         VARCHAR NOT NULL,
    fila            BIGINT NOT NULL
);
-- Score of each fracción in each review, with its parts so that it can be recomputed and explained.
CREATE TABLE indice_fraccion (
    verificacion_id   VARCHAR NOT NULL,
    ente_id           VARCHAR NOT NULL,
    ley_version       VARCHAR NOT NULL,
    articulo          VARCHAR NOT NULL,
    fraccion          VARCHAR NOT NULL,
    clave_historica   VARCHAR NOT NULL,
    nivel             VARCHAR NOT NULL,   -- criterio | fraccion
    n_criterios       INTEGER,
    n_sustantivos     INTEGER,
    n_adjetivos       INTEGER,
    media_sustantivos DOUBLE,             -- 0–1
    media_adjetivos   DOUBLE,             -- 0–1
    peso_sustantivos  DOUBLE,             -- weights actually used (1/0 when the fracción has one type only)
    peso_adjetivos    DOUBLE,
    puntaje           DOUBLE NOT NULL,    -- 0–100
    peso_fraccion     DOUBLE NOT NULL,
    incumplida        BOOLEAN NOT NULL,   -- puntaje < umbral_cumplimiento
    observaciones     VARCHAR             -- reviewer notes of the fracción, joined
);
-- One row per (verificacion_id, ente_id, ley_version, articulo, fraccion): staging makes it so (a fracción is scored
-- by criteria or by percentage, never both; a result seen again is one) and etl/checks.py checks it before the swap.
-- Not a PRIMARY KEY: its index cost the build more CPU than computing the scores (4.6 M rows at national scale,
-- README Rendimiento), and no query reads through it.
CREATE TABLE indice_ente (
    verificacion_id        VARCHAR NOT NULL,
    ente_id                VARCHAR NOT NULL,
    tipo                   VARCHAR,           -- the review's type (verificacion.tipo)
    fecha                  DATE NOT NULL,
    mes                    DATE NOT NULL,
    ley_version            VARCHAR NOT NULL,
    fracciones_aplicables  INTEGER NOT NULL,  -- of the law version, for this ente
    fracciones_evaluadas   INTEGER NOT NULL,
    fracciones_incumplidas INTEGER NOT NULL,
    suma_puntaje           DOUBLE NOT NULL,   -- Σ peso_fraccion × puntaje
    peso_evaluado          DOUBLE NOT NULL,   -- Σ peso_fraccion
    indice                 DOUBLE NOT NULL,   -- suma_puntaje / peso_evaluado
    verificacion_anterior  VARCHAR,           -- previous review of the same ente and the same type (by date)
    indice_anterior        DOUBLE,
    variacion              DOUBLE,            -- indice - indice_anterior (points)
    PRIMARY KEY (verificacion_id, ente_id)
);
-- Each failed fracción and what happened in the next review of the same ente that evaluated it
-- (matched through clave_historica, so across a change of law).
CREATE TABLE seguimiento_fraccion (
    ente_id                VARCHAR NOT NULL,
    verificacion_id        VARCHAR NOT NULL,  -- the review where it failed
    fecha                  DATE NOT NULL,
    ley_version            VARCHAR NOT NULL,
    articulo               VARCHAR NOT NULL,
    fraccion               VARCHAR NOT NULL,
    clave_historica        VARCHAR NOT NULL,
    puntaje                DOUBLE NOT NULL,
    verificacion_siguiente VARCHAR,
    fecha_siguiente        DATE,
    mes_siguiente          DATE,
    ley_version_siguiente  VARCHAR,
    articulo_siguiente     VARCHAR,
    fraccion_siguiente     VARCHAR,
    puntaje_siguiente      DOUBLE,
    estado                 VARCHAR NOT NULL   -- solventada | reincidente | pendiente
);
-- The result in force of each ente in each month (indicators/sql/bases/base_verificacion_mes.sql): the review the
-- month's compliance index stands on (its latest review of the first type of tipos_indice with one in force,
-- carried over months without a review for at most meses_vigencia months), so a page can say which review and
-- which type a figure refers to.
CREATE TABLE verificacion_vigente (
    ente_id          VARCHAR NOT NULL,
    mes              DATE NOT NULL,
    verificacion_id  VARCHAR NOT NULL,
    tipo             VARCHAR,
    fecha            DATE NOT NULL,          -- of the review
    meses_desde      INTEGER NOT NULL,       -- 0 in the review's month; 1, 2… while it is carried
    indice           DOUBLE NOT NULL,
    PRIMARY KEY (ente_id, mes)
);
-- Sums per ente × month: every verification indicator re-aggregates from these. Flows count the reviews held in
-- the month (revisiones, fracciones_evaluadas, the changes and follow-ups they decided); stocks are the standing
-- state at the month's end (peso_evaluado and suma_puntaje of the review in force, verificacion_vigente; the
-- fracciones whose latest evaluation failed), taken at the last month of a quarter or a year.
CREATE TABLE base_verificacion_mes (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    -- Fractional sums are exact DECIMALs: quarters, groups and the government add them up again, and a DOUBLE
    -- sum would depend on the order the terms arrive (two builds of the same data would differ).
    revisiones DOUBLE, fracciones_evaluadas DOUBLE, peso_evaluado DECIMAL(38, 10), suma_puntaje DECIMAL(38, 10),
    fracciones_incumplidas DOUBLE, revisiones_con_anterior DOUBLE, suma_variacion DECIMAL(38, 10),
    observaciones_seguimiento DOUBLE, observaciones_solventadas DOUBLE,
    PRIMARY KEY (ente_id, mes)
);
