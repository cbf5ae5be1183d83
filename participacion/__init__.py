"""The participación store: data that people and the dashboard's commands write (the access log, the delivery log;
later citizens' evaluations and moderation), kept apart from the warehouse that every build replaces.

SQLite in WAL mode under data/participacion/ by default; a PostgreSQL URL for several app replicas (see
participacion.config). The schema comes only from the numbered migrations in participacion/migrations/, applied by
`python -m participacion migrate`; pages and commands read and write through the small modules of this package.
"""
