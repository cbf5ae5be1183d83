-- Unidades de Transparencia: the tiers of data/catalogos/perfil_ut.toml and the counts of the UT indicators.
CREATE TABLE perfil_ut (
    orden             INTEGER PRIMARY KEY,
    nivel             VARCHAR NOT NULL,
    solicitudes_desde BIGINT NOT NULL,     -- requests of the 12 months ending with the month, from (inclusive) …
    solicitudes_hasta BIGINT,              -- … to (inclusive); NULL: no upper bound (the last tier)
    personal_minimo   BIGINT NOT NULL,
    perfil_titular    VARCHAR NOT NULL,
    equipo            VARCHAR NOT NULL,
    confirmado        BOOLEAN NOT NULL,
    fuente            VARCHAR NOT NULL
);
-- Counts per ente × month. Flows add up over months; stocks (the staff, the tier and the 12-month volume) are taken at
-- the last month of a period and then added over entes (indicators/definitions.py). Entes without a plantilla that
-- declares personal_ut have 0 in every _ut column, so numerators and denominators cover the same entes.
CREATE TABLE base_ut_mes (
    ente_id                     VARCHAR NOT NULL,
    mes                         DATE NOT NULL,
    recibidas                   BIGINT,   -- requests received in the month
    recibidas_datos_personales  BIGINT,   -- of them, ARCOP (datos personales)
    recibidas_con_ut            BIGINT,   -- requests of the month when the ente has a plantilla with personal_ut
    dias_persona_ut             BIGINT,   -- personal_ut × business days of the month (the UT's working capacity)
    personal_ut                 BIGINT,   -- stock: latest plantilla on or before the end of the month
    solicitudes_12_meses        BIGINT,   -- stock: requests of the 12 months ending with the month
    personal_ut_minimo          BIGINT,   -- stock: personal_minimo of the tier of solicitudes_12_meses (0 without plantilla)
    entes_ut_bajo_perfil        BIGINT,   -- stock: 1 when personal_ut < personal_ut_minimo
    entes_con_ut                BIGINT,   -- stock: 1 when a plantilla declares personal_ut
    PRIMARY KEY (ente_id, mes)
);
