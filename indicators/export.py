"""The open-data files (CSV in UTF-8 with BOM, or Parquet), written atomically: every indicator ("indicadores"), and
the citizens beside the verifiers per ente × fracción × month ("ciudadanos")."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from common.errors import DefinitionError
from common.typed_toml import load_typed
from indicators import sql

DICTIONARY = Path(__file__).resolve().parent / "diccionario_exportacion.toml"
BOM = "\ufeff".encode("utf-8")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# conjunto → (the SQL that creates its view, the SELECT of a range of months, its columns' section of the dictionary)
CONJUNTOS = {"indicadores": ("reports/export.sql", "reports/export_rango.sql", "columnas"),
             "ciudadanos": ("reports/export_ciudadanos.sql", "reports/export_ciudadanos_rango.sql",
                            "columnas_ciudadanos")}


def export_indicators(db_path: Path, out: Path, fmt: str = "csv", desde: str | None = None,
                      hasta: str | None = None, conjunto: str = "indicadores") -> int:
    """Writes the export and returns its row count. The warehouse is opened read-only. desde / hasta ('AAAA-MM')
    keep the periods entirely inside those months (export_rango.sql; the citizens' file, its months)."""
    if fmt not in ("csv", "parquet"):
        raise ValueError("formato debe ser csv o parquet")
    if conjunto not in CONJUNTOS:
        raise ValueError(f"conjunto «{conjunto}» desconocido; use uno de: {', '.join(CONJUNTOS)}")
    for name, month in (("desde", desde), ("hasta", hasta)):
        if month is not None and not _MONTH.match(month):
            raise ValueError(f"--{name} «{month}» no es un mes; use AAAA-MM (p. ej. 2025-01)")
    if not Path(db_path).exists():
        raise FileNotFoundError(f"No existe el almacén {db_path}; constrúyalo con: python -m etl build")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.tmp")
    view, selection, _section = CONJUNTOS[conjunto]
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.execute(sql("reports/seguro.sql"))
        con.execute(sql(view))
        selection, bounds = sql(selection), {"desde": desde, "hasta": hasta}
        rows = con.execute(f"SELECT count(*) FROM (\n{selection}\n)", bounds).fetchall()[0][0]
        options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true, DELIMITER ',')"
        # COPY takes a literal path; it is our own file name, not data.
        con.execute(f"COPY (\n{selection}\n) TO '{_quote(staging)}' {options}", bounds)
    if fmt == "csv":
        _prepend_bom(staging)
    os.replace(staging, out)
    return rows


def export_bytes(db_path: Path, fmt: str = "csv", desde: str | None = None, hasta: str | None = None,
                 conjunto: str = "indicadores") -> bytes:
    """The same file export_indicators writes, as bytes (the Datos abiertos page offers it for download)."""
    with tempfile.TemporaryDirectory(prefix="exportacion_") as folder:
        out = Path(folder) / f"{conjunto}.{fmt}"
        export_indicators(db_path, out, fmt, desde, hasta, conjunto)
        return out.read_bytes()


def export_columns(db_path: Path, conjunto: str = "indicadores") -> list[str]:
    """The export's columns, in order, without computing it."""
    view, selection, _section = CONJUNTOS[conjunto]
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.execute(sql("reports/seguro.sql"))
        con.execute(sql(view))
        return [row[0] for row in con.execute(f"DESCRIBE {sql(selection)}", {"desde": None, "hasta": None}).fetchall()]


@dataclass(frozen=True)
class _Dictionary:
    licencia: str
    columnas: dict[str, str]
    columnas_ciudadanos: dict[str, str]


def data_dictionary(conjunto: str = "indicadores") -> tuple[str, dict[str, str]]:
    """(license line, {column: Spanish description}) of diccionario_exportacion.toml for one open-data file."""
    dictionary = load_typed(DICTIONARY, _Dictionary, DefinitionError)
    return dictionary.licencia, dict(getattr(dictionary, CONJUNTOS[conjunto][2]))


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _prepend_bom(path: Path) -> None:
    """Excel needs the BOM to read UTF-8 accents; DuckDB's COPY does not write one."""
    with_bom = path.with_name(path.name + ".bom")
    with path.open("rb") as src, with_bom.open("wb") as dst:
        dst.write(BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(with_bom, path)
