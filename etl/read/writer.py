"""The raw table a reader writes: rows appended through Arrow batches (bounded memory for big files), personal
fields hashed first when the source has them; and how to drop what a reader created."""
from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from etl.read.privacy import mask_rows
from etl.read.pseudonym import PseudonymizingWriter


BATCH_ROWS = 50_000
PARSED_SUFFIX = "__csv"


def drop_read_table(con, table: str) -> None:
    """Drops what a reader created under `table`: a table, or the fast path's view and its parsed rows."""
    kind = con.execute("SELECT table_type FROM information_schema.tables WHERE table_catalog || '.' || table_name = ? "
                       "OR table_name = ?", [table, table]).fetchall()
    if kind and kind[0][0] == "VIEW":
        con.execute(f"DROP VIEW {quote_ident(table)}")
    else:
        con.execute(f"DROP TABLE IF EXISTS {quote_ident(table)}")
    # The ENUM types of its repeated fields stay (their distinct values only): they go with the scratch database.
    con.execute(f"DROP TABLE IF EXISTS {quote_ident(table + PARSED_SUFFIX)}")


class TableWriter:
    """Creates the output table and appends rows through Arrow batches (bounded memory for big files)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, fields: Sequence[str], batch_rows=BATCH_ROWS):
        self.con, self.table, self.fields, self.batch_rows = con, quote_ident(table), list(fields), batch_rows
        self.rows_written = 0
        self.skipped_empty = 0
        self._view = f"_etl_batch_{id(self)}"
        columns = ", ".join(["fila BIGINT"] + [f"{quote_ident(f)} VARCHAR" for f in self.fields])
        con.execute(f"CREATE OR REPLACE TABLE {self.table} ({columns})")
        self._reset()

    def _reset(self) -> None:
        self._filas: list[int] = []
        self._columns: list[list[str | None]] = [[] for _ in self.fields]

    def add(self, fila: int, values: Sequence[str | None]) -> None:
        if all(v is None for v in values):
            self.skipped_empty += 1
            return
        self._filas.append(fila)
        for column, value in zip(self._columns, values):
            column.append(value)
        if len(self._filas) >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        if not self._filas:
            return
        arrays = [pa.array(self._filas, pa.int64())] + [pa.array(c, pa.string()) for c in self._columns]
        batch = pa.Table.from_arrays(arrays, names=["fila"] + self.fields)
        self.con.register(self._view, batch)
        try:
            self.con.execute(f"INSERT INTO {self.table} BY NAME SELECT * FROM {quote_ident(self._view)}")
        finally:
            self.con.unregister(self._view)
        self.rows_written += len(self._filas)
        self._reset()

    def close(self) -> int:
        """Writes what is left and masks personal identifiers in every text written (etl/read/privacy.py)."""
        self.flush()
        mask_rows(self.con, self.table.replace('"', ""), self.fields)
        return self.rows_written


def table_writer(con, table: str, canonical):
    """A TableWriter of the canonical fields; for fuentes with personal fields, one that hashes them first."""
    writer = TableWriter(con, table, canonical.fields)
    if not canonical.personal:
        return writer
    return PseudonymizingWriter(writer, canonical.personal)


def quote_ident(name: str) -> str:
    """Quote a table or column name for SQL ('schema.table' is quoted part by part)."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))
