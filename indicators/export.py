"""The open-data export of every indicator (CSV in UTF-8 with BOM, or Parquet), written atomically."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

SQL = Path(__file__).resolve().parent / "sql" / "export.sql"
BOM = "\ufeff".encode("utf-8")


def export_indicators(db_path: Path, out: Path, fmt: str = "csv") -> int:
    """Writes the export and returns its row count. The warehouse is opened read-only."""
    if fmt not in ("csv", "parquet"):
        raise ValueError("formato debe ser csv o parquet")
    if not Path(db_path).exists():
        raise FileNotFoundError(f"No existe el almacén {db_path}; constrúyalo con: python -m etl build")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.tmp")
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.execute(SQL.read_text(encoding="utf-8"))
        rows = con.execute("SELECT count(*) FROM exportacion").fetchall()[0][0]
        options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true, DELIMITER ',')"
        # COPY takes a literal path; it is our own file name, not data.
        con.execute(f"COPY (SELECT * FROM exportacion) TO '{_quote(staging)}' {options}")
    if fmt == "csv":
        _prepend_bom(staging)
    os.replace(staging, out)
    return rows


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _prepend_bom(path: Path) -> None:
    """Excel needs the BOM to read UTF-8 accents; DuckDB's COPY does not write one."""
    with_bom = path.with_name(path.name + ".bom")
    with path.open("rb") as src, with_bom.open("wb") as dst:
        dst.write(BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(with_bom, path)
