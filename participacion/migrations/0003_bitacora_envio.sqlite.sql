-- The delivery log only grows: SQLite refuses to change or delete its rows.
CREATE TRIGGER bitacora_envio_sin_cambios BEFORE UPDATE ON bitacora_envio
BEGIN
    SELECT RAISE(ABORT, 'La bitácora de envíos solo admite registros nuevos: no se modifica ni se borra');
END;

CREATE TRIGGER bitacora_envio_sin_borrado BEFORE DELETE ON bitacora_envio
BEGIN
    SELECT RAISE(ABORT, 'La bitácora de envíos solo admite registros nuevos: no se modifica ni se borra');
END;
