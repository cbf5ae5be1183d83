-- The thresholds the build applied (data/catalogos/capacitacion.toml).
SELECT clave, valor FROM capacitacion_regla
