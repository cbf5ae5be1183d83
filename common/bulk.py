"""Bulk inserts of Python rows through one Arrow table: `executemany` costs a round trip per row (a national
catalog has thousands of entes and tens of thousands of aliases); one INSERT … BY NAME over Arrow does not."""
from __future__ import annotations

import itertools
from collections.abc import Sequence

import duckdb
import pyarrow as pa


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    """INSERT INTO `table` the rows (tuples of values for `columns`). `table` and `columns` are constants of the
    caller's code, never data. Types are cast by DuckDB to the table's columns, as with executemany."""
    if not rows:
        return
    values = [list(col) for col in itertools.zip_longest(*rows)]
    batch = pa.table({c: pa.array(v) for c, v in zip(columns, values, strict=True)})
    view = f"_bulk_{id(batch)}"
    con.register(view, batch)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")
    finally:
        con.unregister(view)
