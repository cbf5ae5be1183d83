-- The last non-working day declared in data/catalogos/calendario_inhabil.csv (later years have none declared yet).
SELECT max(fecha) AS ultimo FROM calendario_inhabil
