-- The access log only grows: SQLite refuses to change or delete its rows.
CREATE TRIGGER bitacora_acceso_sin_cambios BEFORE UPDATE ON bitacora_acceso
BEGIN
    SELECT RAISE(ABORT, 'La bitácora de acceso solo admite registros nuevos: no se modifica ni se borra');
END;

CREATE TRIGGER bitacora_acceso_sin_borrado BEFORE DELETE ON bitacora_acceso
BEGIN
    SELECT RAISE(ABORT, 'La bitácora de acceso solo admite registros nuevos: no se modifica ni se borra');
END;
