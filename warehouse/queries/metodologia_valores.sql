-- Every value of estatus.csv and respuesta.csv with the state or answer category it maps to, the counts of
-- base_solicitud_mes that class enters (estado_solicitud.csv, categoria_respuesta.csv: the response counts are read
-- from there by the indicators) and the indicators whose numerator or denominator is one of those counts.
WITH clases AS (
    SELECT v.catalogo, v.orden, v.valor, v.clase, v.fuente, v.fundamento,
           coalesce(e.nombre, c.nombre, v.clase) AS clase_nombre, coalesce(e.entra_en, c.entra_en, []) AS entra_en
    FROM catalogo_valor_solicitud v
    LEFT JOIN estado_solicitud e ON v.catalogo = 'estatus' AND e.estado = v.clase
    LEFT JOIN categoria_respuesta c ON v.catalogo = 'respuesta' AND c.categoria = v.clase
)
SELECT k.catalogo, k.valor, k.clase, k.clase_nombre, array_to_string(k.entra_en, ', ') AS entra_en,
       coalesce((SELECT string_agg(i.indicador, ', ' ORDER BY i.orden) FROM indicador i
                 WHERE list_contains(k.entra_en, i.numerador) OR list_contains(k.entra_en, i.denominador)), '')
           AS indicadores,
       k.fundamento, k.fuente
FROM clases k
ORDER BY k.catalogo, k.orden
