"""Indicators: the catalog (declared as data), their computation in the warehouse, and the export."""
from pathlib import Path

from etl.sqlfiles import sql_file

SQL_DIR = Path(__file__).resolve().parent / "sql"


def sql(name: str) -> str:
    """indicators/sql/<name>: one model per file, values passed as parameters."""
    return sql_file(name, SQL_DIR)
