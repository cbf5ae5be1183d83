-- Bitácora de acceso: who entered the dashboard with an identity and which internal pages they opened.
-- Append-only (the triggers of the backend's own file refuse UPDATE and DELETE). No data values: only who,
-- when, the event, the page and the session.
--   quien: the institutional e-mail of a user of data/catalogos/usuarios.csv (the log exists to answer who saw
--          the open folios); anyone else who logs in is a keyed pseudonym ('seudonimo:' + HMAC), never an address.
--   registrado_en, identidad_emitida: UTC. identidad_emitida is the issue time (iat) of the identity token, so a
--          login is recorded once per login at the identity provider, not once per browser tab or replica.
CREATE TABLE bitacora_acceso (
    registrado_en     TIMESTAMP    NOT NULL,
    evento            VARCHAR(10)  NOT NULL CHECK (evento IN ('login', 'logout', 'vista')),
    quien             VARCHAR(320) NOT NULL,
    rol               VARCHAR(20),
    ente_id           VARCHAR(40),
    pagina            VARCHAR(200),
    sesion            VARCHAR(64)  NOT NULL,
    identidad_emitida TIMESTAMP
);

CREATE INDEX bitacora_acceso_registrado_en ON bitacora_acceso (registrado_en);

-- One login per identity token, even when two replicas see the same new cookie at the same moment.
CREATE UNIQUE INDEX bitacora_acceso_un_login ON bitacora_acceso (quien, identidad_emitida)
    WHERE evento = 'login' AND identidad_emitida IS NOT NULL;
