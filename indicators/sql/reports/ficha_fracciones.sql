-- The fracciones failed in the ente's last review on or before the period's end, with the reviewer's note.
-- Last: by date, then verificacion_id (two reviews on one day), as the Ficha page's verif_resumen_ente.sql.
WITH ultima AS (
    SELECT arg_max(verificacion_id, (fecha, verificacion_id)) AS verificacion_id
    FROM indice_ente WHERE ente_id = $ente AND fecha < $hasta
)
SELECT f.articulo, f.fraccion, o.nombre, f.puntaje, f.observaciones
FROM indice_fraccion f
JOIN ultima u USING (verificacion_id)
LEFT JOIN obligacion o ON o.ley_version = f.ley_version AND o.articulo = f.articulo AND o.fraccion = f.fraccion
WHERE f.ente_id = $ente AND f.incumplida
ORDER BY f.puntaje, f.articulo, o.orden, f.fraccion
