-- Índice de Desempeño en Transparencia (IDT): the rules used, every component's part, the index, and why it moved.
CREATE TABLE indice_regla (
    dimension        VARCHAR NOT NULL,
    dimension_nombre VARCHAR NOT NULL,
    peso_dimension   DOUBLE NOT NULL,
    indicador        VARCHAR NOT NULL,
    peso             DOUBLE NOT NULL,   -- weight within the dimension
    cero             DOUBLE NOT NULL,   -- indicator value scoring 0
    cien             DOUBLE NOT NULL,   -- indicator value scoring 100
    version          VARCHAR NOT NULL
);
-- contribucion = peso_dimension_norm × peso_componente_norm × puntaje; they add up to the index exactly.
CREATE TABLE indice_componente (
    ente_id              VARCHAR NOT NULL,
    tipo_periodo         VARCHAR NOT NULL,
    periodo              VARCHAR NOT NULL,
    periodo_inicio       DATE NOT NULL,
    dimension            VARCHAR NOT NULL,
    indicador            VARCHAR NOT NULL,
    valor                DOUBLE NOT NULL,
    puntaje              DOUBLE NOT NULL,
    peso_dimension_norm  DOUBLE NOT NULL,
    peso_componente_norm DOUBLE NOT NULL,
    contribucion         DOUBLE NOT NULL
);
-- indice_desempeno and indice_explicacion: one row per (ente_id, tipo_periodo, periodo), checked before the swap
-- (etl/checks.py); no PRIMARY KEY, because building its index cost more than the check at national scale (README,
-- Rendimiento).
CREATE TABLE indice_desempeno (
    ente_id               VARCHAR NOT NULL,
    tipo_periodo          VARCHAR NOT NULL,
    periodo               VARCHAR NOT NULL,
    periodo_inicio        DATE NOT NULL,
    indice                DOUBLE NOT NULL,
    dimensiones_presentes VARCHAR NOT NULL,
    dimensiones_faltantes VARCHAR,          -- re-weighted, not counted as zero
    completo              BOOLEAN NOT NULL
);
CREATE TABLE indice_explicacion (
    ente_id          VARCHAR NOT NULL,
    tipo_periodo     VARCHAR NOT NULL,
    periodo          VARCHAR NOT NULL,
    periodo_anterior VARCHAR NOT NULL,
    cambio           DOUBLE NOT NULL,
    texto            VARCHAR NOT NULL
);
-- «¿Por qué cambió?» of the index of each peer group and of the government (the mean of their entes' index):
-- each ente's part and the part of the entes that entered or left the mean (indicators/sql/index/indice_cambio_nivel.sql).
CREATE TABLE indice_explicacion_nivel (
    nivel            VARCHAR NOT NULL,   -- grupo | gobierno
    clave            VARCHAR NOT NULL,
    tipo_periodo     VARCHAR NOT NULL,
    periodo          VARCHAR NOT NULL,
    periodo_anterior VARCHAR NOT NULL,
    cambio           DOUBLE NOT NULL,
    texto            VARCHAR NOT NULL,
    PRIMARY KEY (nivel, clave, tipo_periodo, periodo)
);
-- The rules behind every number (indicators/reglas.toml), shown on the Metodología page.
CREATE TABLE regla_calculo (
    orden  INTEGER NOT NULL,
    id     VARCHAR PRIMARY KEY,
    titulo VARCHAR NOT NULL,
    texto  VARCHAR NOT NULL
);
-- Methodology changelog (indicators/cambios_metodologia.csv), shown on the Metodología page.
CREATE TABLE metodologia_cambio (
    version VARCHAR NOT NULL,
    fecha   DATE NOT NULL,
    cambio  VARCHAR NOT NULL
);
