-- Moderation decisions only grow: SQLite refuses to change or delete them.
CREATE TRIGGER moderacion_sin_cambios BEFORE UPDATE ON moderacion
BEGIN
    SELECT RAISE(ABORT, 'Las decisiones de moderación solo admiten registros nuevos: no se modifican ni se borran');
END;

CREATE TRIGGER moderacion_sin_borrado BEFORE DELETE ON moderacion
BEGIN
    SELECT RAISE(ABORT, 'Las decisiones de moderación solo admiten registros nuevos: no se modifican ni se borran');
END;
