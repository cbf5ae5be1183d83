-- Bitácora de envíos: every message the delivery commands tried to send (python -m indicators enviar, the monthly
-- ficha to each titular; python -m indicators recordatorios, the due-soon list to each Unidad de Transparencia).
-- One row per attempt, never changed: a message counts as delivered when some row of its key
-- (tipo, periodo, ente_id, destinatario) says 'enviado'; a key whose rows all say 'fallido' is tried again on the
-- next run. No content of the message: only who, when, which ente and period, what happened and a count.
--   periodo: AAAA-MM of the ficha (or AAAA-TN, AAAA); AAAA-MM-DD, the day of the reminder.
--   destinatario: the institutional address of data/catalogos/usuarios.csv that received it.
--   error: the SMTP server's answer when it refused the message.
--   resumen: what the message said, in counts (e.g. "índice 78.4" or "2 vencidas, 1 por vencer").
--   almacen: the build_id of the warehouse the message was made from.
--   registrado_en: UTC.
CREATE TABLE bitacora_envio (
    registrado_en TIMESTAMP    NOT NULL,
    tipo          VARCHAR(12)  NOT NULL CHECK (tipo IN ('ficha', 'recordatorio')),
    periodo       VARCHAR(10)  NOT NULL,
    ente_id       VARCHAR(40)  NOT NULL,
    destinatario  VARCHAR(320) NOT NULL,
    estado        VARCHAR(10)  NOT NULL CHECK (estado IN ('enviado', 'fallido')),
    reenvio       BOOLEAN      NOT NULL,
    error         VARCHAR(500),
    resumen       VARCHAR(200),
    almacen       VARCHAR(64)
);

CREATE INDEX bitacora_envio_clave ON bitacora_envio (tipo, periodo, ente_id, destinatario);
CREATE INDEX bitacora_envio_registrado_en ON bitacora_envio (registrado_en);

-- One delivery of each kind at a time (cron and a person running the same command by hand must not both send): a
-- run holds the row of its tipo while it sends and deletes it at the end. A row older than the longest plausible
-- run is one whose process died, and the next run takes its place (participacion/delivery_log.py, `running`).
CREATE TABLE envio_en_curso (
    tipo  VARCHAR(12)  PRIMARY KEY,
    desde TIMESTAMP    NOT NULL,
    quien VARCHAR(200) NOT NULL
);
