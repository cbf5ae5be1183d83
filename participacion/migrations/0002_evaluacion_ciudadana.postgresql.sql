-- Moderation decisions only grow: PostgreSQL refuses to change, delete or truncate them.
CREATE FUNCTION moderacion_sin_cambios() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Las decisiones de moderación solo admiten registros nuevos: no se modifican ni se borran';
END;
$$;

CREATE TRIGGER moderacion_sin_cambios BEFORE UPDATE OR DELETE ON moderacion
    FOR EACH ROW EXECUTE FUNCTION moderacion_sin_cambios();

CREATE TRIGGER moderacion_sin_vaciado BEFORE TRUNCATE ON moderacion
    FOR EACH STATEMENT EXECUTE FUNCTION moderacion_sin_cambios();
