-- Reference months with a comparison of citizens and verifiers, newest first.
SELECT DISTINCT mes FROM comparacion_ciudadana ORDER BY mes DESC
