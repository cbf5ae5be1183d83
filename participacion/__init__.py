"""The participación store: data that people write (the access log; later citizens' evaluations, moderation and
the delivery log), kept apart from the warehouse that every build replaces.

SQLite in WAL mode under data/participacion/ by default; a PostgreSQL URL for several app replicas (see
participacion.config). The schema comes only from the numbered migrations in participacion/migrations/, applied by
`python -m participacion migrate`; pages and commands read and write through the small modules of this package.
"""
