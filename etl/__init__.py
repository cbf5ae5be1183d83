"""ETL: reads the files officials receive and builds the DuckDB warehouse."""
from pathlib import Path

from common.sql import sql_folder

# etl/sql/<folder>/<name>.sql: one model per file, values passed as parameters.
sql = sql_folder(Path(__file__).resolve().parent / "sql")
