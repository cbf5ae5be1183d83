"""Small helpers shared by tests: write tiny input folders and build real warehouses from them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl
import pytest
import sqlalchemy

from common.errors import BuildError
from etl.build import build_warehouse
from participacion import engine as store_engine

PLANTILLA_HEADER = ("folio,fecha_presentacion,fecha_recepcion,ente,tipo_solicitud,derecho_arcop,medio_entrada,"
                    "estatus,respuesta,fecha_respuesta,hubo_ampliacion,hubo_prevencion")
# A PNT export's columns with its FechaLimite and Prevencion (a CSV with these headers is read as pnt_sisai).
PNT_HEADER = ("Folio,FechaSolicitud,Dependencia,Estatus,TipoSolicitud,FechaLimite,Respuesta,FechaRespuesta,"
              "FechaSolicitudTermino,Prorroga,Prevencion,TipoDerechoARCOP,Queja")


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


def catalogs_copy(tmp_path: Path) -> Path:
    """A copy of data/catalogos/ for a test to change; point TABLERO_CATALOGOS at it."""
    import shutil
    catalogs = tmp_path / "catalogos"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "catalogos", catalogs)
    return catalogs


def catalogs_with_entes(tmp_path: Path, rows: str) -> Path:
    """A copy of data/catalogos/ whose entes.csv ends with `rows` (CSV lines in its columns), for a test that needs
    an ente the real catalog does not have; point TABLERO_CATALOGOS at it."""
    catalogs = catalogs_copy(tmp_path)
    with (catalogs / "entes.csv").open("a", encoding="utf-8") as fh:
        fh.write(rows)
    return catalogs


def catalog_build_error(tmp_path: Path, monkeypatch, catalogs: Path) -> str:
    """The message of the BuildError that building with no input files and the catalogs of `catalogs` raises."""
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError) as err:
        build(tmp_path / "in", tmp_path)
    return str(err.value)


def index_warehouse(path: Path, values: list[tuple]) -> duckdb.DuckDBPyConnection:
    """A warehouse with the real catalogs and, as monthly indicator values of entes, `values` (ente, periodo,
    indicador, valor, suficiente); the index is computed from them as the build does."""
    from etl.staging.catalogs import load_catalogs
    from indicators import sql
    from indicators.definitions import load_indicators
    from indicators.compute import _store_definitions
    from indicators.index import compute_index
    from common.paths import CATALOGOS_DIR
    from common.schema import create_warehouse_schema

    con = duckdb.connect(str(path))
    create_warehouse_schema(con)
    load_catalogs(con, CATALOGOS_DIR)
    _store_definitions(con, load_indicators())
    con.execute(sql("periods/periodos.sql"))
    con.executemany("""INSERT INTO indicador_valor SELECT 'ente', ?, e.nombre_oficial, e.grupo_pares, 'mes', ?,
                       (? || '-01')::DATE, ?, ?, NULL, NULL, ?, 'registros' FROM ente e WHERE e.ente_id = ?""",
                    [(e, p, p, i, v, s, e) for e, p, i, v, s in values])
    compute_index(con)
    return con


# ------------------------------------------------------------------ the bad-input corpus (tests/test_bad_*.py)

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
SEFIPLAN = "Secretaría de Finanzas y Planeación"


def row(folio: str, fecha: str = "2024-09-02", ente: str = "SEFIPLAN", respuesta: str = "2024-09-03",
        sep: str = ",") -> str:
    """One request of the dashboard's template (plantilla_solicitudes)."""
    cells = [folio, fecha, "", ente, "Información pública", "", "", "Terminada", ENTREGA, respuesta, "No", "No"]
    return sep.join(cells)


def plantilla(*rows: str, sep: str = ",") -> str:
    return PLANTILLA_HEADER.replace(",", sep) + "\n" + "\n".join(rows) + "\n"


def solicitudes(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / "in" / "solicitudes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def cargas(db: Path) -> list[tuple]:
    return query(db, "SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas FROM carga "
                     "ORDER BY archivo")


def nothing_lost(db: Path) -> None:
    rows = cargas(db)
    assert rows, "no file was logged"
    for archivo, leidas, cargadas, rechazadas, duplicadas in rows:
        assert leidas == cargadas + rechazadas + duplicadas, archivo


def folios(db: Path) -> list[str]:
    return [f for (f,) in query(db, "SELECT folio FROM solicitud ORDER BY folio")]


def rejects(db: Path) -> list[tuple]:
    return query(db, "SELECT archivo, fila, columna, valor, motivo FROM rechazo ORDER BY archivo, fila")


def build_error(tmp_path: Path) -> str:
    with pytest.raises(BuildError) as err:
        build(tmp_path / "in", tmp_path)
    assert not (tmp_path / "almacen.duckdb").exists()  # nothing was served
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    return str(err.value)


def header_cells() -> list[str]:
    return PLANTILLA_HEADER.split(",")


def assert_table_matches_migration(engine, table) -> None:
    """The SQLAlchemy Table a module of participacion/ writes through has the migrated table's columns, in order,
    with the same NULL rule."""
    reflected = {c["name"]: c for c in sqlalchemy.inspect(engine).get_columns(table.name)}
    assert list(reflected) == [c.name for c in table.columns]
    for column in table.columns:
        assert reflected[column.name]["nullable"] == column.nullable, column.name


def store_rows(url: str, sql: str) -> list[tuple]:
    """Rows of a query against a participación store (SQLite or PostgreSQL URL)."""
    store = store_engine.create(url)
    try:
        with store.connect() as conn:
            return [tuple(r) for r in conn.execute(sqlalchemy.text(sql)).all()]
    finally:
        store.dispose()
