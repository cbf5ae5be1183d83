-- Citizens' evaluations of the entes' transparency obligations, their moderation, and the attempts the abuse
-- rules blocked. Written by the public page "Evaluar una obligación" and the internal page "Moderación"; read by
-- the build as a snapshot (only the evaluations that count: estado 'publicada' or 'aprobada').
--   registrada_en, decidida_en, registrado_en: UTC.
--   comentario: at most 500 characters as typed, stored only after e-mails, phones, CURP and RFC are masked;
--               NULL when there is none. An evaluation with a comment waits ('pendiente') until a sabgob user
--               approves or rejects it; one without a comment is 'publicada' at once.
--   sesion:     a random id of the browser session (never an account: no name, e-mail or login is asked).
--   cliente:    HMAC-SHA256 of the client's address with a secret and the day's date (Quintana Roo time): the
--               same address gives another value each day, so days cannot be linked; NULL when the server does
--               not know the address. The raw address is never stored.
--   huella:     hash of (cliente or sesion, day, ente, fracción, answers, comment): an identical repeat collapses.
CREATE TABLE evaluacion_ciudadana (
    evaluacion_id VARCHAR(32)  PRIMARY KEY,
    registrada_en TIMESTAMP    NOT NULL,
    ente_id       VARCHAR(40)  NOT NULL,
    ley_version   VARCHAR(40)  NOT NULL,
    articulo      VARCHAR(10)  NOT NULL,
    fraccion      VARCHAR(12)  NOT NULL,
    encontrada    VARCHAR(12)  NOT NULL CHECK (encontrada IN ('si', 'parcialmente', 'no')),
    actualizada   VARCHAR(12)  NOT NULL CHECK (actualizada IN ('si', 'no', 'no_se')),
    comprension   SMALLINT     NOT NULL CHECK (comprension BETWEEN 1 AND 5),
    comentario    TEXT,
    estado        VARCHAR(12)  NOT NULL CHECK (estado IN ('publicada', 'pendiente', 'aprobada', 'rechazada')),
    sesion        VARCHAR(64)  NOT NULL,
    cliente       VARCHAR(64),
    huella        VARCHAR(64)  NOT NULL
);

CREATE UNIQUE INDEX evaluacion_ciudadana_huella ON evaluacion_ciudadana (huella);
CREATE INDEX evaluacion_ciudadana_sesion ON evaluacion_ciudadana (sesion, registrada_en);
CREATE INDEX evaluacion_ciudadana_cliente ON evaluacion_ciudadana (cliente, registrada_en);
CREATE INDEX evaluacion_ciudadana_estado ON evaluacion_ciudadana (estado, registrada_en);

-- Every moderation decision, with who and when; only grows (the backend's own file refuses changes). The
-- evaluation's estado is its latest decision.
CREATE TABLE moderacion (
    evaluacion_id VARCHAR(32)  NOT NULL REFERENCES evaluacion_ciudadana (evaluacion_id),
    decidida_en   TIMESTAMP    NOT NULL,
    decision      VARCHAR(12)  NOT NULL CHECK (decision IN ('aprobada', 'rechazada')),
    motivo        TEXT,
    quien         VARCHAR(320) NOT NULL,
    CHECK (decision = 'aprobada' OR motivo IS NOT NULL)
);

CREATE INDEX moderacion_evaluacion ON moderacion (evaluacion_id, decidida_en);
CREATE INDEX moderacion_decidida_en ON moderacion (decidida_en);

-- Attempts the abuse rules stopped (nothing of their answers is kept): the honeypot field filled, a limit
-- reached, an identical repeat.
CREATE TABLE intento_bloqueado (
    registrado_en TIMESTAMP   NOT NULL,
    motivo        VARCHAR(30) NOT NULL,
    sesion        VARCHAR(64) NOT NULL,
    cliente       VARCHAR(64),
    ente_id       VARCHAR(40)
);

CREATE INDEX intento_bloqueado_registrado_en ON intento_bloqueado (registrado_en);
