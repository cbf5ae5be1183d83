-- Warehouse schema. Every build creates a new DuckDB file from this file, loads it and swaps it in.
-- Names speak Spanish, as the sources do. No requester names, addresses or request texts live here.

-- Catalogs (loaded from data/catalogos/*.csv on every build)
CREATE TABLE ente (
    ente_id        VARCHAR PRIMARY KEY,
    nombre_oficial VARCHAR NOT NULL,
    siglas         VARCHAR,
    categoria      VARCHAR NOT NULL,      -- Dependencia, Órgano desconcentrado, Organismo descentralizado…
    grupo_pares    VARCHAR NOT NULL,      -- peer group used by rankings
    ambito         VARCHAR NOT NULL,      -- estatal | federal: which laws' deadlines apply (plazo_legal.ambito)
    vigente_desde  DATE,
    vigente_hasta  DATE,
    sucesor_id     VARCHAR,
    verificado     BOOLEAN,
    fuente         VARCHAR,
    -- Where the ente publishes its obligations (catalog only; common/links.py builds the links):
    id_sujeto_obligado_pnt   VARCHAR,     -- its number in the Plataforma Nacional de Transparencia, digits
    url_portal_transparencia VARCHAR      -- its own transparency portal, an https address checked at load
);
CREATE TABLE ente_alias (
    alias_normalizado VARCHAR PRIMARY KEY, -- common.names.normalize_name(alias)
    alias             VARCHAR NOT NULL,
    ente_id           VARCHAR NOT NULL,
    fuente            VARCHAR
);
-- Ente names found in the inputs that resolve to no ente (each row of theirs is rejected with the closest
-- names); `python -m etl alias` lists them with suggestions and writes the accepted ones to ente_alias.csv.
CREATE TABLE ente_sin_resolver (
    valor  VARCHAR NOT NULL,   -- as written in the source
    origen VARCHAR NOT NULL    -- the raw table it came from (raw_solicitud, raw_estadistica_entes, …)
);
-- Renames, mergers and splits. A series follows an ente through its predecessors (view ente_linaje).
CREATE TABLE ente_sucesion (
    ente_id    VARCHAR NOT NULL,   -- the ente that ceased or changed
    sucesor_id VARCHAR NOT NULL,   -- the ente that took over (one row per successor in a split)
    fecha      DATE NOT NULL,      -- first day of the successor
    tipo       VARCHAR NOT NULL,   -- renombre | fusion | escision | reestructura
    fuente     VARCHAR
);
CREATE VIEW ente_linaje AS
WITH RECURSIVE linaje(ente_id, antecesor_id, distancia) AS (
    SELECT ente_id, ente_id, 0 FROM ente
    UNION ALL
    SELECT l.ente_id, s.ente_id, l.distancia + 1
    FROM linaje l JOIN ente_sucesion s ON s.sucesor_id = l.antecesor_id
    WHERE l.distancia < 20
)
SELECT * FROM linaje;

CREATE TABLE calendario_inhabil (
    fecha      DATE PRIMARY KEY,
    motivo     VARCHAR NOT NULL,
    ambito     VARCHAR,
    fuente     VARCHAR,
    confirmado BOOLEAN
);
-- The office's closing time (data/catalogos/horario_oficina.csv, one row): a request filed after it, on a source
-- that records the time of filing, counts from the next working day.
CREATE TABLE horario_oficina (
    hora_cierre TIME NOT NULL,
    confirmado  BOOLEAN NOT NULL,
    fuente      VARCHAR
);
-- Periods in which an authority declared that terms do not run (data/catalogos/suspension_plazos.csv), for requests,
-- for appeals or both (alcance: solicitudes | recursos | todos); hasta NULL: still in force.
CREATE TABLE suspension_plazos (
    desde      DATE NOT NULL,
    hasta      DATE,
    alcance    VARCHAR NOT NULL,
    motivo     VARCHAR NOT NULL,
    fuente     VARCHAR,
    confirmado BOOLEAN NOT NULL
);
-- What a request's state and its answer category count in (data/catalogos/estado_solicitud.csv and
-- categoria_respuesta.csv): entra_en lists columns of base_solicitud_mes; the response counts are taken from here.
CREATE TABLE estado_solicitud (
    estado     VARCHAR PRIMARY KEY,
    nombre     VARCHAR NOT NULL,
    entra_en   VARCHAR[] NOT NULL,
    fundamento VARCHAR
);
CREATE TABLE categoria_respuesta (
    categoria  VARCHAR PRIMARY KEY,
    nombre     VARCHAR NOT NULL,
    entra_en   VARCHAR[] NOT NULL,
    fundamento VARCHAR
);
-- Why an appeal was filed (data/catalogos/causa_recurso.csv: the causes of LGTAIP 2015 art. 143), one row per key.
CREATE TABLE causa_recurso (
    causa      VARCHAR PRIMARY KEY,
    nombre     VARCHAR NOT NULL,
    fundamento VARCHAR
);
-- Every value of estatus.csv (clase: its estado) and respuesta.csv (clase: its categoria), for Metodología.
CREATE TABLE catalogo_valor_solicitud (
    catalogo   VARCHAR NOT NULL,     -- estatus | respuesta
    orden      INTEGER NOT NULL,
    valor      VARCHAR NOT NULL,
    clase      VARCHAR NOT NULL,
    fuente     VARCHAR,
    fundamento VARCHAR
);
-- One row per calendar day of the requests' terms; n_habil counts working days up to and including fecha,
-- so business days between a and b are n_habil(b) - n_habil(a).
CREATE TABLE calendario (
    fecha   DATE PRIMARY KEY,
    habil   BOOLEAN NOT NULL,
    n_habil INTEGER NOT NULL,
    siguiente_habil DATE NOT NULL,   -- fecha itself when habil, else the next working day
    -- Why a weekday is not a working day (a holiday of calendario_inhabil or a suspension of requests' terms),
    -- its source and whether its date is confirmed; NULL on working days and weekends.
    inhabil_motivo     VARCHAR,
    inhabil_fuente     VARCHAR,
    inhabil_confirmado BOOLEAN
);
-- Deadlines per law version, per ámbito: a state's entes answer under the state law in force on the receipt date,
-- a federal body under the federal one; another state is a new ámbito here and in entes.csv.
CREATE TABLE plazo_legal (
    ley_version     VARCHAR NOT NULL,
    ley_nombre      VARCHAR,
    ambito          VARCHAR NOT NULL,     -- estatal | federal

    tipo_solicitud  VARCHAR NOT NULL,     -- informacion_publica | datos_personales
    dias_respuesta  INTEGER NOT NULL,
    dias_ampliacion INTEGER NOT NULL,
    vigente_desde   DATE NOT NULL,
    vigente_hasta   DATE,
    confirmado      BOOLEAN,
    fuente          VARCHAR,
    dias_incompetencia INTEGER,           -- business days to declare notoria incompetencia (NULL: not configured)
    dias_prevencion    INTEGER,           -- business days to issue a prevención
    fuente_subplazos   VARCHAR
);
-- Which law version judged which requests (etl/sql/marts/plazo_aplicado.sql), for the Metodología page.
CREATE TABLE plazo_aplicado (
    ambito          VARCHAR NOT NULL,
    ley_version     VARCHAR NOT NULL,
    tipo_solicitud  VARCHAR NOT NULL,
    primera_recepcion DATE NOT NULL,
    ultima_recepcion  DATE NOT NULL,
    meses           BIGINT NOT NULL,
    solicitudes     BIGINT NOT NULL
);

-- Facts
CREATE TABLE solicitud (
    folio                  VARCHAR NOT NULL,     -- text: leading zeros matter; unique (see below)
    layout                 VARCHAR NOT NULL,     -- the source layout it was read in (etl/layouts.toml; carga.layout)
    ente_id                VARCHAR NOT NULL,
    tipo_solicitud         VARCHAR NOT NULL,     -- informacion_publica | datos_personales
    derecho_arcop          VARCHAR,              -- Acceso, Rectificación, Cancelación, Oposición, Portabilidad
    medio_entrada          VARCHAR,
    fecha_presentacion     DATE NOT NULL,
    fecha_recepcion        DATE NOT NULL,        -- official receipt: first working day on or after filing
    recibida_fuera_de_horario BOOLEAN NOT NULL,  -- filed after the office's closing time on a working day: received
                                                 -- the next working day (only sources with a time of filing)
    mes                    DATE NOT NULL,        -- first day of the month of fecha_recepcion (the cohort)
    fecha_respuesta        DATE,
    fecha_limite           DATE,                 -- the deadline that applies (ampliación included), per fecha_limite_origen
    fecha_limite_origen    VARCHAR NOT NULL,     -- ley: the law's term from the receipt | desahogo: from the day after
                                                 -- a prevención was answered | fuente: the platform's FechaLimite (a
                                                 -- prevención without dates) | no_determinable: none (en_plazo NULL)
    fecha_limite_fuente    DATE,                 -- as the source stated it, for comparison
    fecha_prevencion       DATE,                 -- when the requester was asked to clarify, when the source says
    fecha_desahogo         DATE,                 -- when the requester answered the prevención
    estatus_original       VARCHAR,
    respuesta_original     VARCHAR,
    estado                 VARCHAR NOT NULL,     -- terminada | en_proceso | en_espera_solicitante | desechada
    respuesta_categoria    VARCHAR NOT NULL,     -- entrega, inexistencia, incompetencia, reservada, …
    hubo_prevencion        BOOLEAN NOT NULL,
    hubo_ampliacion        BOOLEAN NOT NULL,
    hubo_queja             BOOLEAN,
    ley_version            VARCHAR NOT NULL,
    plazo_dias             INTEGER NOT NULL,     -- días hábiles allowed, ampliación included when there was one
    dias_habiles_respuesta INTEGER,              -- null while unanswered
    en_plazo               BOOLEAN,              -- null while it cannot be decided yet
    incompetencia_en_plazo BOOLEAN,              -- a notoria incompetencia declared within its own term (3 days);
                                                 -- null when the answer is not one or has no date
    prevencion_en_plazo    BOOLEAN,              -- a prevención issued within its term (5 days); null without its date
    carga_id               VARCHAR NOT NULL,     -- the load (carga: file name, sha256, layout) …
    fila                   BIGINT NOT NULL       -- … and the line of the file this request came from
);
-- No file name here: carga has it, and at national scale every text column written costs time (README, Rendimiento).
-- folio is unique by construction (etl/sql/facts/solicitud.sql keeps one row per folio) and checked before the swap;
-- no PRIMARY KEY, because building its index costs more than the whole load at national scale.
CREATE TABLE recurso_revision (
    expediente          VARCHAR PRIMARY KEY,
    folio_solicitud     VARCHAR,
    ente_id             VARCHAR NOT NULL,
    fecha_interposicion DATE NOT NULL,
    fecha_resolucion    DATE,
    sentido             VARCHAR,                -- desecha | sobresee | confirma | modifica | revoca | en_tramite
    modifica_o_revoca   BOOLEAN,
    causa               VARCHAR,                -- why it was appealed (causa_recurso.csv, LGTAIP 2015 art. 143), if said
    cumplimiento        VARCHAR,                -- cumplida | incumplida | en_plazo | no_aplica, if the source says
    tipo_solicitud      VARCHAR,                -- of the appealed request, when its folio is known
    mes                 DATE NOT NULL,          -- cohort month: the request's month when the folio is known
    carga_id            VARCHAR NOT NULL,
    archivo             VARCHAR NOT NULL,
    fila                BIGINT NOT NULL
);

-- Copies of a repeated folio that lost to a more advanced copy (etl/sql/staging/solicitud_reemplazo.sql), per pair of files and
-- rule: estado_terminal | fecha_posterior | archivo_reciente | misma_exportacion.
CREATE TABLE solicitud_reemplazo (
    carga_descartada VARCHAR NOT NULL,
    carga_ganadora   VARCHAR NOT NULL,
    regla            VARCHAR NOT NULL,
    folios           BIGINT NOT NULL,
    filas            BIGINT NOT NULL
);

-- Load log and rejects
CREATE TABLE carga (
    carga_id        VARCHAR PRIMARY KEY,
    build_id        VARCHAR NOT NULL,
    fuente          VARCHAR NOT NULL,     -- solicitudes | recursos | …
    archivo         VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    layout          VARCHAR NOT NULL,
    codificacion    VARCHAR,
    filas_leidas    BIGINT NOT NULL,
    filas_cargadas  BIGINT NOT NULL,
    filas_rechazadas BIGINT NOT NULL,
    filas_duplicadas BIGINT NOT NULL,     -- same folio seen again; the most advanced copy wins
    inicio          TIMESTAMP NOT NULL,
    segundos        DOUBLE NOT NULL,
    avisos          VARCHAR                -- notes of the reader, e.g. where a quarter was taken from
);
CREATE TABLE rechazo (
    carga_id VARCHAR NOT NULL,
    archivo  VARCHAR NOT NULL,
    fila     BIGINT,
    columna  VARCHAR,
    valor    VARCHAR,
    motivo   VARCHAR NOT NULL
);
CREATE TABLE metadatos (
    clave VARCHAR PRIMARY KEY,
    valor VARCHAR
);

-- Indicators (filled by indicators/ at the end of every build)
CREATE TABLE indicador (
    indicador          VARCHAR PRIMARY KEY,  -- id, e.g. pct_en_plazo
    nombre             VARCHAR NOT NULL,
    descripcion        VARCHAR NOT NULL,
    formula            VARCHAR NOT NULL,
    numerador          VARCHAR,
    denominador        VARCHAR,
    unidad             VARCHAR NOT NULL,     -- solicitudes | % | días hábiles | recursos por 100 solicitudes
    direccion          VARCHAR NOT NULL,     -- mayor_es_mejor | menor_es_mejor | neutral
    meta               DOUBLE,
    umbral_verde       DOUBLE,               -- at or better than this: verde
    umbral_amarillo    DOUBLE,               -- at or better than this: amarillo; worse: rojo
    denominador_minimo DOUBLE,               -- below it: "datos insuficientes", not ranked
    dimension          VARCHAR NOT NULL,     -- solicitudes | …
    fuente             VARCHAR NOT NULL,
    version            VARCHAR NOT NULL,
    orden              INTEGER NOT NULL,
    sin_meta           VARCHAR,              -- why there is no target, when there is none
    tipo               VARCHAR               -- conteo | razon | percentil | compuesto
);
-- Counts per ente × cohort month: every roll-up is a sum of these.
CREATE TABLE base_solicitud_mes (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    recibidas BIGINT, con_plazo_determinado BIGINT, en_plazo BIGINT, respondidas BIGINT,
    suma_dias BIGINT, con_ampliacion BIGINT, con_prevencion BIGINT, con_respuesta_final BIGINT,
    resp_entrega BIGINT, resp_inexistencia BIGINT, resp_incompetencia BIGINT, resp_clasificada BIGINT,
    vencidas_sin_respuesta BIGINT, pendientes BIGINT, recursos BIGINT, recursos_resueltos BIGINT,
    recursos_modifican_revocan BIGINT, resp_competente BIGINT,
    abiertas_en_plazo BIGINT,          -- in process and within their legal deadline at the cut-off date
    plazo_no_determinable BIGINT,      -- answered or in process with no deadline to judge (solicitud.fecha_limite_origen)
    recursos_fondo BIGINT,             -- appeals resolved on the merits: confirma, modifica, revoca
    suma_plazo BIGINT,                 -- legal business days allowed to the answered requests (with ampliación)
    recursos_desechados BIGINT, recursos_sobreseidos BIGINT,
    incompetencias_con_fecha BIGINT, incompetencias_en_plazo BIGINT,  -- sub-deadlines: only dated ones are judged
    prevenciones_con_fecha BIGINT, prevenciones_en_plazo BIGINT,
    recursos_con_causa BIGINT, recursos_falta_respuesta BIGINT,      -- only sources that say the cause
    resoluciones_cumplimiento_determinado BIGINT, resoluciones_cumplidas BIGINT,  -- modifica/revoca, compliance known
    PRIMARY KEY (ente_id, mes)
);
-- Which periods are preliminary (indicators/sql/periods/periodo_estado.sql); indicators/period_status.py answers from it
-- which one is the last closed period, for every page, the PDF fichas, the export and the monthly delivery.
CREATE TABLE periodo_estado (
    tipo_periodo      VARCHAR NOT NULL,   -- mes | trimestre | anio
    periodo           VARCHAR NOT NULL,
    periodo_inicio    DATE NOT NULL,
    periodo_fin       DATE NOT NULL,
    completo          BOOLEAN NOT NULL,   -- the period ends on or before the cut-off date
    abiertas_en_plazo BIGINT NOT NULL,    -- its requests still in process and within their legal deadline
    recibidas         BIGINT NOT NULL,
    preliminar        BOOLEAN NOT NULL,   -- not complete, or with requests still within their deadline
    PRIMARY KEY (tipo_periodo, periodo)
);
-- Histogram of business days to answer per ente × month: medians and p90 re-aggregate exactly from it.
CREATE TABLE hist_dias (
    ente_id VARCHAR NOT NULL,
    mes     DATE NOT NULL,
    dias    INTEGER NOT NULL,
    n       BIGINT NOT NULL
);
-- The request counts of base_solicitud_mes per type of request (informacion_publica, datos_personales: ARCOP), the
-- same columns plus tipo_solicitud; an appeal enters its request's type only when its folio names a loaded request.
CREATE TABLE base_solicitud_tipo_mes AS SELECT *, NULL::VARCHAR AS tipo_solicitud FROM base_solicitud_mes LIMIT 0;
CREATE TABLE hist_dias_tipo AS SELECT *, NULL::VARCHAR AS tipo_solicitud FROM hist_dias LIMIT 0;
-- Every indicator at every level and period, ready for pages and the export.
CREATE TABLE indicador_valor (
    nivel          VARCHAR NOT NULL,   -- ente | grupo | gobierno
    clave          VARCHAR NOT NULL,   -- ente_id, grupo_pares name, or 'GEQROO'
    nombre         VARCHAR NOT NULL,   -- display name (nombre_oficial, group name, 'Gobierno del Estado')
    grupo_pares    VARCHAR,            -- for nivel = ente
    tipo_periodo   VARCHAR NOT NULL,   -- mes | trimestre | anio
    periodo        VARCHAR NOT NULL,   -- 2024-03 | 2024-T1 | 2024
    periodo_inicio DATE NOT NULL,
    indicador      VARCHAR NOT NULL,
    valor          DOUBLE,             -- null when the denominator is 0
    numerador      DOUBLE,
    denominador    DOUBLE,
    suficiente     BOOLEAN NOT NULL,   -- denominador >= denominador_minimo
    fuente         VARCHAR NOT NULL    -- registros (row-level requests) | estadistica_publicada (garante's tables)
);
-- The request indicators (base base_solicitud_mes) read for one type of request: información pública or ARCOP
-- (datos_personales). indicador_valor holds both together, which is what the index uses (indicators/indice.toml).
CREATE TABLE indicador_valor_tipo AS SELECT *, NULL::VARCHAR AS tipo_solicitud FROM indicador_valor LIMIT 0;
