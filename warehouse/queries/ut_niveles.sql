-- The tiers of the Unidades de Transparencia the build applied (data/catalogos/perfil_ut.toml), in order.
SELECT nivel, solicitudes_desde, solicitudes_hasta, personal_minimo, perfil_titular, equipo, confirmado, fuente
FROM perfil_ut
ORDER BY orden
