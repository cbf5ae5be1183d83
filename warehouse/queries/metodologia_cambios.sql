-- Methodology changelog.
SELECT version, fecha, cambio FROM metodologia_cambio ORDER BY fecha DESC, version DESC
