-- Two versions of the law whose vigencias overlap for the same request type and ámbito: a receipt date would have
-- two deadlines. Each pair is a problem of data/catalogos/plazo_legal.csv.
SELECT a.ley_version, b.ley_version, a.tipo_solicitud, a.ambito
FROM plazo_legal a JOIN plazo_legal b
  ON a.tipo_solicitud = b.tipo_solicitud AND a.ambito = b.ambito AND a.ley_version < b.ley_version
 AND a.vigente_desde <= coalesce(b.vigente_hasta, DATE '9999-12-31')
 AND b.vigente_desde <= coalesce(a.vigente_hasta, DATE '9999-12-31')
