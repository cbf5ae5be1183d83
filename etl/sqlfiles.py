"""SQL lives in .sql files, one model per file (etl/sql, indicators/sql); values always travel as parameters."""
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"


def sql_file(name: str, folder: Path = SQL_DIR) -> str:
    return (folder / name).read_text(encoding="utf-8")
