-- Rows of the training tables: a page without any says there is no training data yet.
SELECT (SELECT count(*) FROM curso) AS cursos, (SELECT count(*) FROM asistencia) AS asistencias,
       (SELECT count(*) FROM plantilla) AS plantillas, (SELECT count(*) FROM evento_publico) AS eventos,
       (SELECT valor FROM metadatos WHERE clave = 'fecha_corte_capacitacion') AS fecha_corte_capacitacion
