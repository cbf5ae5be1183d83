-- The repeated texts of stg_solicitud, as ENUMs of the values they can take: as text, a national file's staging
-- rows do not fit in memory beside solicitud while it is written; as ENUMs they take a byte a row (carga_id is one
-- already: etl/raw.py, create_raw_view). They live in the scratch database, which the build drops at its end.
-- The defaults named here are the ones stg_solicitud.sql falls back to.
CREATE OR REPLACE TYPE lectura.main.sol_tipo AS ENUM (
    SELECT tipo_solicitud FROM map_tipo WHERE tipo_solicitud IS NOT NULL UNION SELECT 'informacion_publica');
CREATE OR REPLACE TYPE lectura.main.sol_estado AS ENUM (
    SELECT estado FROM map_estatus WHERE estado IS NOT NULL UNION SELECT 'terminada' UNION SELECT 'en_proceso');
CREATE OR REPLACE TYPE lectura.main.sol_categoria AS ENUM (
    SELECT DISTINCT categoria FROM map_respuesta WHERE categoria IS NOT NULL);
CREATE OR REPLACE TYPE lectura.main.sol_ley AS ENUM (SELECT DISTINCT ley_version FROM plazo_legal);
