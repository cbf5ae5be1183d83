"""The DuckDB warehouse: its schema, where it lives, and read-only access for the pages."""
