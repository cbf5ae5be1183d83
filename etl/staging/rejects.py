"""Rows staging rejects go to rechazo with file, row, column, value and the reason in Spanish."""
from __future__ import annotations

import duckdb

from etl.raw import READ_DB


def write_rejects(con: duckdb.DuckDBPyConnection, stg: str) -> None:
    """Rows of a staging table whose `motivo` is set go to rechazo with file, row, column and value; the value
    is shown to the public, so identifiers in it are masked before it is written (sin_identificadores).
    The file's name comes from the list of files read, by carga_id: staging tables need not carry it."""
    con.execute(f"INSERT INTO rechazo (carga_id, archivo, fila, columna, valor, motivo) "
                f"SELECT s.carga_id, a.archivo, s.fila, s.rechazo_columna, "
                f"sin_identificadores(s.rechazo_valor), sin_identificadores(s.motivo) "
                f"FROM {stg} s JOIN {READ_DB}.archivo_leido a USING (carga_id) WHERE s.motivo IS NOT NULL")
