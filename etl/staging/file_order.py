"""Which file's copy of a record wins: the files of a source ranked in carga_orden (later exports first)."""
from __future__ import annotations

import duckdb

from etl.raw import READ_DB


def rank_files(con: duckdb.DuckDBPyConnection, table: str, newest: str) -> None:
    """A later export carries the later state of a record: files are ranked by the newest date of any kind they
    hold (then by name). `newest` is an SQL expression of ours over `table` (a date, parsed or not)."""
    con.execute(f"""
        INSERT INTO carga_orden (carga_id, archivo_orden)
        SELECT carga_id, row_number() OVER (ORDER BY max_fecha NULLS FIRST, a.archivo)
        FROM (SELECT carga_id, max({newest}) AS max_fecha FROM {table} GROUP BY carga_id)
        JOIN {READ_DB}.archivo_leido a USING (carga_id)""")
