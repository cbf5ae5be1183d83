"""Indicators: their definitions (as data), their computation in the warehouse, and the reports made of them."""
from pathlib import Path

from common.sql import sql_folder

# indicators/sql/<folder>/<name>.sql: one model per file, values passed as parameters.
sql = sql_folder(Path(__file__).resolve().parent / "sql")
