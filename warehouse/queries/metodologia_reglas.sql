-- The rules behind every number, in order (indicators/reglas.toml).
SELECT titulo, texto FROM regla_calculo ORDER BY orden
