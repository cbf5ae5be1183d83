"""The masks of personal identifiers (e-mails, phone numbers, CURP, RFC): one implementation of the patterns, the
DuckDB macros of etl/sql/functions/privacidad.sql (sin_identificadores, con_dato_personal), used by the loads
(etl/read/privacy.py) and for a text typed outside any build (a citizen's comment, participacion/)."""
from __future__ import annotations

import threading

import duckdb

from common.paths import ROOT

MASKS_SQL = ROOT / "etl" / "sql" / "functions" / "privacidad.sql"
_MASKER = threading.local()


def define_masks(con: duckdb.DuckDBPyConnection) -> None:
    """Creates sin_identificadores / con_dato_personal on `con` (idempotent)."""
    con.execute(MASKS_SQL.read_text(encoding="utf-8"))


def mask_text(text: str | None) -> str | None:
    """A text typed outside any build masked by the macro the loads use, run by an in-memory DuckDB kept per thread
    (a DuckDB connection is not shared across threads, and opening one costs a tenth of a second)."""
    if text is None:
        return None
    con = getattr(_MASKER, "con", None)
    if con is None:
        con = _MASKER.con = duckdb.connect()
        define_masks(con)
    return con.execute("SELECT sin_identificadores(?)", [text]).fetchone()[0]
