-- The delivery log only grows: PostgreSQL refuses to change, delete or truncate its rows.
CREATE FUNCTION bitacora_envio_sin_cambios() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'La bitácora de envíos solo admite registros nuevos: no se modifica ni se borra';
END;
$$;

CREATE TRIGGER bitacora_envio_sin_cambios BEFORE UPDATE OR DELETE ON bitacora_envio
    FOR EACH ROW EXECUTE FUNCTION bitacora_envio_sin_cambios();

CREATE TRIGGER bitacora_envio_sin_vaciado BEFORE TRUNCATE ON bitacora_envio
    FOR EACH STATEMENT EXECUTE FUNCTION bitacora_envio_sin_cambios();
