-- Every period with its state: preliminary (not covered whole, or with requests still within their deadline).
SELECT tipo_periodo, periodo, periodo_inicio, periodo_fin, completo, abiertas_en_plazo, recibidas, preliminar
FROM periodo_estado
