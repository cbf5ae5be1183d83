"""SQL lives in etl/sql/*.sql, one model per file; values always travel as parameters."""
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"


def sql_file(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")
