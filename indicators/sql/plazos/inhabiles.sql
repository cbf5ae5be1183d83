-- The declared non-working days a deadline skipped: those from the filing date to the day before the receipt
-- (they moved the receipt) and those after day 0 of the term up to its deadline. Days between a prevención and
-- its desahogo are not skipped: the term was not running. Parameters: $presentada, $recepcion, $inicio, $hasta.
SELECT fecha, motivo, fuente, confirmado
FROM dias_inhabiles(CAST($presentada AS DATE), CAST($hasta AS DATE))
WHERE fecha < CAST($recepcion AS DATE) OR fecha > CAST($inicio AS DATE)
ORDER BY fecha
