-- History: quarterly statistics as the garante published them, and their reconciliation.

-- One row per ente row of a published table. reportado = FALSE: a blank row, "did not report" (never 0).
CREATE TABLE solicitud_estadistica (
    ente_id             VARCHAR NOT NULL,
    trimestre           VARCHAR NOT NULL,    -- 2018-T1
    periodo_inicio      DATE NOT NULL,
    nombre_publicado    VARCHAR NOT NULL,
    categoria_publicada VARCHAR,
    reportado           BOOLEAN NOT NULL,
    hombre BIGINT, mujer BIGINT, personas_morales BIGINT, no_identificado BIGINT, total BIGINT,
    competencia BIGINT, no_competencia BIGINT, por_escrito BIGINT, verbal BIGINT, telegrafo BIGINT,
    medios_electronicos BIGINT, total_modalidades BIGINT,
    tiempo_promedio     DOUBLE,              -- días, as published (each ente's own average)
    origen_trimestre    VARCHAR NOT NULL,    -- where the quarter came from: column, title or file name
    carga_id            VARCHAR NOT NULL,
    archivo             VARCHAR NOT NULL,
    fila                BIGINT NOT NULL,
    PRIMARY KEY (ente_id, trimestre)
);
-- Rows of the published tables that were rejected (an unknown ente, a figure that is not a number): their requests
-- are in the published TOTAL of their block but in none of the dashboard's sums, which fall short by `total`.
CREATE TABLE estadistica_rechazada (
    carga_id         VARCHAR NOT NULL,
    archivo          VARCHAR NOT NULL,
    trimestre        VARCHAR,
    fila             BIGINT NOT NULL,
    categoria        VARCHAR,             -- the published block (DEPENDENCIAS, …) whose TOTAL counts the row
    nombre_publicado VARCHAR,
    total            DOUBLE,              -- the row's published requests (NULL: not readable)
    motivo           VARCHAR NOT NULL
);
-- Every published identity that does not hold. A mismatch is reported, it does not stop the load.
CREATE TABLE conciliacion (
    carga_id  VARCHAR NOT NULL,
    archivo   VARCHAR NOT NULL,
    trimestre VARCHAR,
    fila      BIGINT,
    regla     VARCHAR NOT NULL,
    esperado  DOUBLE,
    publicado DOUBLE,
    mensaje   VARCHAR NOT NULL
);

-- Counts per ente × quarter from the published tables, named like base_solicitud_mes so that the same
-- indicators can be computed from them for quarters with no row-level data. mes = first day of the quarter.
-- suma_dias = published average × requests: the request-weighted average is an approximation from averages.
CREATE TABLE base_estadistica_trimestre (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    recibidas BIGINT, suma_dias DOUBLE, respondidas BIGINT, resp_competente BIGINT, con_respuesta_final BIGINT,
    suma_promedios DOUBLE, entes_con_promedio BIGINT,
    PRIMARY KEY (ente_id, mes)
);
