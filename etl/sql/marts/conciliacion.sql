-- The identities the published tables must satisfy. Each mismatch becomes a row of conciliacion.
INSERT INTO conciliacion BY NAME  -- column names from the first SELECT of the union
WITH filas AS (
    SELECT carga_id, archivo, trimestre, fila, hombre, mujer, personas_morales, no_identificado, total, competencia,
           no_competencia, por_escrito, verbal, telegrafo, medios_electronicos, total_modalidades
    FROM solicitud_estadistica WHERE reportado
),
reglas AS (
    SELECT carga_id, archivo, trimestre, fila, 'perfil = total' AS regla,
           hombre + mujer + personas_morales + no_identificado AS esperado, total AS publicado,
           'Hombre + Mujer + Personas morales + No identificado no suma el Total' AS mensaje FROM filas
    UNION ALL
    SELECT carga_id, archivo, trimestre, fila, 'competencia = total', competencia + no_competencia, total,
           'Competencia + No competencia no suma el Total' FROM filas
    UNION ALL
    SELECT carga_id, archivo, trimestre, fila, 'modalidades = total', por_escrito + verbal + telegrafo + medios_electronicos,
           total_modalidades, 'Las cuatro modalidades de entrega no suman su Total' FROM filas
),
bloques AS (   -- each TOTAL row against the ente rows of its block (a blank row adds nothing)
    SELECT t.carga_id, t.archivo, t.trimestre, t.fila, t.categoria,
           cifra(t.total) AS total_publicado, cifra(t.hombre) AS hombre_publicado,
           cifra(t.competencia) AS competencia_publicada, cifra(t.total_modalidades) AS modalidades_publicadas,
           cifra(t.tiempo_promedio) AS tiempo_publicado
    FROM raw_estadistica t WHERE t.tipo_fila = 'total'
),
sumas AS (
    SELECT b.carga_id, b.archivo, b.trimestre, b.fila, b.total_publicado, b.hombre_publicado, b.competencia_publicada,
           b.modalidades_publicadas, b.tiempo_publicado,
           sum(cifra(d.total)) AS total, sum(cifra(d.hombre)) AS hombre, sum(cifra(d.competencia)) AS competencia,
           sum(cifra(d.total_modalidades)) AS modalidades, avg(cifra(d.tiempo_promedio)) AS tiempo_medio
    FROM bloques b
    JOIN raw_estadistica d ON d.carga_id = b.carga_id AND d.tipo_fila = 'detalle'
                          AND d.categoria IS NOT DISTINCT FROM b.categoria AND d.fila < b.fila
    GROUP BY ALL
)
SELECT * FROM reglas WHERE esperado IS DISTINCT FROM publicado AND esperado IS NOT NULL AND publicado IS NOT NULL
UNION ALL
SELECT carga_id, archivo, trimestre, fila, 'TOTAL = suma de entes (Total)', total, total_publicado,
       'La fila TOTAL no coincide con la suma de sus entes (Total)' FROM sumas WHERE total <> total_publicado
UNION ALL
SELECT carga_id, archivo, trimestre, fila, 'TOTAL = suma de entes (Hombre)', hombre, hombre_publicado,
       'La fila TOTAL no coincide con la suma de sus entes (Hombre)' FROM sumas WHERE hombre <> hombre_publicado
UNION ALL
SELECT carga_id, archivo, trimestre, fila, 'TOTAL = suma de entes (Competencia)', competencia, competencia_publicada,
       'La fila TOTAL no coincide con la suma de sus entes (Competencia)' FROM sumas WHERE competencia <> competencia_publicada
UNION ALL
SELECT carga_id, archivo, trimestre, fila, 'TOTAL = suma de entes (Modalidades)', modalidades, modalidades_publicadas,
       'La fila TOTAL no coincide con la suma de sus entes (Total de modalidades)'
FROM sumas WHERE modalidades <> modalidades_publicadas
UNION ALL
-- The published TOTAL average is the unweighted mean of the entes' averages, rounded to a whole day.
SELECT carga_id, archivo, trimestre, fila, 'TOTAL tiempo = media de entes', round(tiempo_medio, 2), tiempo_publicado,
       'El tiempo promedio de la fila TOTAL no es la media redondeada de los entes'
FROM sumas WHERE abs(tiempo_medio - tiempo_publicado) > 0.5;
