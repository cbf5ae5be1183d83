"""ETL: reads the files officials receive and builds the DuckDB warehouse."""
