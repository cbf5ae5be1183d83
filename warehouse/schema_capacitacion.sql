-- Training (capacitación): courses, attendance, staff counts and public events, with their base tables.
-- Persons appear only as persona_id, a keyed hash computed at read time (etl/read/pseudonym.py): no names,
-- e-mails or CURPs live here.

CREATE TABLE curso (
    curso_id     VARCHAR PRIMARY KEY,
    nombre       VARCHAR NOT NULL,
    tema         VARCHAR NOT NULL,   -- acceso_informacion | obligaciones_transparencia | datos_personales | …
    modalidad    VARCHAR NOT NULL,   -- en_linea | presencial | taller | conferencia
    fecha_inicio DATE NOT NULL,
    fecha_fin    DATE NOT NULL,      -- fecha_inicio when the source leaves it empty
    horas        DOUBLE,
    publico      VARCHAR NOT NULL,   -- servidores_publicos | sociedad
    organizador  VARCHAR,
    impartido    BOOLEAN NOT NULL,   -- started on or before the build date
    mes          DATE NOT NULL,      -- month of fecha_inicio: a course counts in the month it starts
    carga_id     VARCHAR NOT NULL,
    archivo      VARCHAR NOT NULL,
    fila         BIGINT NOT NULL
);
CREATE TABLE asistencia (
    curso_id    VARCHAR NOT NULL,
    persona_id  VARCHAR NOT NULL,    -- pseudonym: HMAC of the CURP, else of the e-mail, else of name + ente
    ente_id     VARCHAR NOT NULL,
    es_ut       BOOLEAN NOT NULL,    -- belongs to the Unidad de Transparencia
    es_comite   BOOLEAN NOT NULL,    -- member of the Comité de Transparencia
    asistio     BOOLEAN NOT NULL,
    calificacion DOUBLE,             -- on a 0–10 scale (0–100 grades are divided by 10)
    constancia  BOOLEAN,
    aprobado    BOOLEAN,             -- NULL: not evaluated (no grade, no certificate information)
    capacitada  BOOLEAN NOT NULL,    -- attended and did not fail: counts as trained
    fecha       DATE NOT NULL,       -- attendance date, else the course's end date
    mes         DATE NOT NULL,
    carga_id    VARCHAR NOT NULL,
    archivo     VARCHAR NOT NULL,
    fila        BIGINT NOT NULL,
    PRIMARY KEY (curso_id, persona_id)
);
CREATE TABLE plantilla (
    ente_id        VARCHAR NOT NULL,
    fecha_corte    DATE NOT NULL,
    total_personal BIGINT NOT NULL,
    personal_ut    BIGINT,
    integrantes_comite     BIGINT,       -- members of the Comité de Transparencia (optional: NULL = not said)
    titular_ut_certificado BOOLEAN,      -- the UT's head holds the required certification (optional: NULL = not said)
    carga_id       VARCHAR NOT NULL,
    archivo        VARCHAR NOT NULL,
    fila           BIGINT NOT NULL,
    PRIMARY KEY (ente_id, fecha_corte)
);
CREATE TABLE evento_publico (
    evento          VARCHAR NOT NULL,
    fecha           DATE NOT NULL,
    mes             DATE NOT NULL,
    sector_original VARCHAR,
    sector          VARCHAR NOT NULL,  -- sociedad_civil | academico | estudiantes | sector_privado | publico_general
    asistentes      BIGINT NOT NULL,
    municipio       VARCHAR,
    carga_id        VARCHAR NOT NULL,
    archivo         VARCHAR NOT NULL,
    fila            BIGINT NOT NULL,
    PRIMARY KEY (evento, fecha, sector)
);
-- The rule and thresholds the build used (data/catalogos/capacitacion.toml), so pages state what was applied.
CREATE TABLE capacitacion_regla (
    clave VARCHAR PRIMARY KEY,
    valor DOUBLE NOT NULL
);

-- Counts per ente × month. Flows add up over months; stocks (suffix-free staff counts and the year-to-date
-- columns) are taken at the last month of a period and then added over entes (see indicators/definitions.py).
CREATE TABLE base_capacitacion_mes (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    -- flows
    inscripciones BIGINT,            -- attendance rows
    asistentes BIGINT,               -- rows that attended
    evaluados BIGINT,                -- attended rows with a pass/fail result
    aprobados BIGINT,
    horas_persona DECIMAL(38, 10),   -- course hours × persons who attended (exact: re-added per period and level)
    personas_capacitadas BIGINT,     -- persons counted in the month of their first course of the year
    personas_ut_capacitadas BIGINT,  -- same, for UT members
    -- stocks (value at the end of the month)
    personas_acum BIGINT,            -- trained in the 12 months ending with this one, also at its predecessors
                                     -- (capped at total_personal; 0 without plantilla)
    personas_ut_acum BIGINT,         -- UT members trained in those 12 months (capped at personal_ut)
    total_personal BIGINT,           -- latest plantilla on or before the end of the month
    personal_ut BIGINT,
    ente_100 BIGINT,                 -- 1 when the ente meets the 100 % rule so far this year (yearly recognition)
    entes_con_plantilla BIGINT,      -- 1 when the ente has a plantilla in force
    personas_comite_acum BIGINT,     -- Comité de Transparencia members trained in the 12 months (capped at integrantes)
    integrantes_comite BIGINT,       -- members of the Comité in the plantilla in force (0 when it does not say)
    comite_100 BIGINT,               -- 1 when every member of the Comité was trained in those 12 months
    entes_con_comite BIGINT,         -- 1 when the plantilla in force says how many members the Comité has
    titular_ut_certificado BIGINT,   -- 1 when the plantilla in force says the UT's head is certified
    entes_informan_certificacion BIGINT, -- 1 when it says whether she or he is (Sí or No)
    PRIMARY KEY (ente_id, mes)
);
-- Government-wide counts per month: courses and public events belong to the program, not to one ente.
CREATE TABLE base_capacitacion_gobierno_mes (
    mes DATE PRIMARY KEY,
    cursos BIGINT, cursos_en_linea BIGINT, cursos_presencial BIGINT, cursos_taller BIGINT,
    cursos_conferencia BIGINT, eventos BIGINT, asistentes_sociedad BIGINT
);
