-- Copies of repeated folios that were discarded (a more advanced copy won), by rule and pair of files.
SELECT r.regla, d.archivo AS archivo_descartado, g.archivo AS archivo_ganador, r.folios, r.filas
FROM solicitud_reemplazo r
JOIN carga d ON d.carga_id = r.carga_descartada
JOIN carga g ON g.carga_id = r.carga_ganadora
ORDER BY r.regla, r.filas DESC, d.archivo, g.archivo
