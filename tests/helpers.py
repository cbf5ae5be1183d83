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
