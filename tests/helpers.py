"""Small helpers shared by tests: write tiny input folders and build real warehouses from them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl

from etl.build import build_warehouse

PLANTILLA_HEADER = ("folio,fecha_presentacion,fecha_recepcion,ente,tipo_solicitud,derecho_arcop,medio_entrada,"
                    "estatus,respuesta,fecha_respuesta,hubo_ampliacion,hubo_prevencion")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def build(inputs: Path, tmp_path: Path, **kwargs) -> Path:
    """Builds a warehouse from `inputs` as of a fixed date, so tests do not depend on today."""
    db = tmp_path / "almacen.duckdb"
    build_warehouse(inputs, db, today=kwargs.pop("today", dt.date(2026, 11, 29)), **kwargs)
    return db


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def workbook(path: Path, sheets: dict[str, list[list]], merge: dict[str, list[str]] | None = None) -> Path:
    """An .xlsx with the given sheets ({name: rows}, in order) and merged ranges ({name: ['A2:A3']})."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for cells in (merge or {}).get(name, []):
            ws.merge_cells(cells)
    wb.save(path)
    return path


def catalogs_with_entes(tmp_path: Path, rows: str) -> Path:
    """A copy of data/catalogos/ whose entes.csv ends with `rows` (CSV lines in its columns), for a test that needs
    an ente the real catalog does not have; point TABLERO_CATALOGOS at it."""
    import shutil
    catalogs = tmp_path / "catalogos"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "catalogos", catalogs)
    with (catalogs / "entes.csv").open("a", encoding="utf-8") as fh:
        fh.write(rows)
    return catalogs


def index_warehouse(path: Path, values: list[tuple]) -> duckdb.DuckDBPyConnection:
    """A warehouse with the real catalogs and, as monthly indicator values of entes, `values` (ente, periodo,
    indicador, valor, suficiente); the index is computed from them as the build does."""
    from etl.catalogs import load_catalogs
    from indicators import sql
    from indicators.catalog import load_catalog
    from indicators.compute import _store_catalog
    from indicators.index import compute_index
    from warehouse.paths import CATALOGOS_DIR, SCHEMA_SQL

    con = duckdb.connect(str(path))
    for schema in sorted(SCHEMA_SQL.parent.glob("schema*.sql")):
        con.execute(schema.read_text(encoding="utf-8"))
    load_catalogs(con, CATALOGOS_DIR)
    _store_catalog(con, load_catalog())
    con.execute(sql("periodos.sql"))
    con.executemany("""INSERT INTO indicador_valor SELECT 'ente', ?, e.nombre_oficial, e.grupo_pares, 'mes', ?,
                       (? || '-01')::DATE, ?, ?, NULL, NULL, ?, 'registros' FROM ente e WHERE e.ente_id = ?""",
                    [(e, p, p, i, v, s, e) for e, p, i, v, s in values])
    compute_index(con)
    return con
