-- Every ente × obligation of every law version. The table of the garante (aplicabilidad_excepcion, from
-- data/catalogos/aplicabilidad_obligaciones.csv) wins; otherwise the default rule: a common obligation applies
-- to every ente, a specific one to none.
INSERT INTO aplicabilidad BY NAME
SELECT e.ente_id, o.ley_version, o.articulo, o.fraccion,
       coalesce(x.aplica, o.tipo_obligacion = 'comun') AS aplica,
       coalesce(x.motivo, CASE WHEN o.tipo_obligacion = 'comun'
                               THEN 'Obligación común: aplica a todos los sujetos obligados.'
                               ELSE 'Obligación específica: no está asignada a este ente en la tabla de aplicabilidad.' END)
           AS motivo,
       CASE WHEN x.ente_id IS NULL THEN 'regla general' ELSE 'tabla' END AS origen
FROM ente e
CROSS JOIN obligacion o
LEFT JOIN aplicabilidad_excepcion x
       ON x.ente_id = e.ente_id AND x.ley_version = o.ley_version AND x.articulo = o.articulo
      AND x.fraccion = o.fraccion;
