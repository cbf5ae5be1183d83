-- The obligations of one ente a citizen can evaluate on $hoy: those of the law in force on that date
-- (obligacion_vigencia) that apply to the ente (aplicabilidad), in the law's order: common ones first.
SELECT o.ley_version, o.articulo, o.fraccion, o.nombre, o.texto_inicio, o.tipo_obligacion, o.orden, o.clave_historica,
       (SELECT any_value(p.ley_nombre) FROM plazo_legal p WHERE p.ley_version = o.ley_version) AS ley_nombre
FROM obligacion o
JOIN obligacion_vigencia v ON v.ley_version = o.ley_version AND $hoy BETWEEN v.desde AND v.hasta
JOIN aplicabilidad a ON a.ente_id = $ente AND a.ley_version = o.ley_version AND a.articulo = o.articulo
                    AND a.fraccion = o.fraccion AND a.aplica
ORDER BY o.tipo_obligacion, o.articulo, o.orden, o.fraccion
