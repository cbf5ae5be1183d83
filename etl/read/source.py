"""Reads any input file into a DuckDB table of the canonical columns of its source: sniffs what the file is
and hands it to the reader of its kind (sqlite-utils' rows_from_file does the same: sniff, then dispatch).

The layout is recognized by the file's headers (etl/layouts.toml), never by its name. Only the canonical
fields of the fuente are copied: free text, names and addresses in the source never reach the table.

Output table: `fila BIGINT` (the row a user sees in the file) followed by every canonical field of the fuente
as VARCHAR (stripped; empty -> NULL; dates kept as text, staging parses them).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.layouts import load_layouts
from etl.read import estadistica, participacion
from etl.read.csv_careful import read_csv_careful
from etl.read.csv_fast import read_csv_fast
from etl.read.json_file import read_json
from etl.read.result import ReadResult
from etl.read.sniff import sniff_kind
from etl.read.text import utf8_head, utf8_text
from etl.read.xlsx import read_spreadsheet


def read_source(path: Path, fuente: str | tuple[str, ...], con: duckdb.DuckDBPyConnection, table: str) -> ReadResult:
    """Create `table` in `con` with the canonical columns of `fuente` read from `path`. Raises FileError.
    `fuente` may be a tuple of fuentes sharing a folder: the headers decide, and result.fuente says which."""
    path = Path(path)
    layouts = load_layouts()
    for name in (fuente,) if isinstance(fuente, str) else fuente:
        layouts.canonical(name)  # an unknown fuente is a programming error (ValueError), not a bad file
    kind = sniff_kind(path)
    if kind in ("xlsx", "xls"):
        return read_spreadsheet(path, kind, fuente, con, table, layouts)
    fast_tried = False
    if kind == "csv" and (encoding := utf8_head(path)):
        result = read_csv_fast(path, encoding, fuente, con, table, layouts)
        if result is not None:
            return result
        fast_tried = True
    with utf8_text(path) as text:
        if kind == "json":
            return read_json(path, text, fuente, con, table, layouts)
        # DuckDB already failed on this very file: the transcoded copy of a cp1252 file still deserves a try.
        fast = not (fast_tried and text.path == path)
        return read_csv_careful(path, text, fuente, con, table, layouts, fast=fast)


# Sources whose files are not tables of a layout (etl/layouts.toml) but need a reader of their own.
OWN_READERS: dict[str, tuple[Callable[..., ReadResult], tuple[str, ...]]] = {
    "estadistica_trimestral": (estadistica.read_quarterly, estadistica.FIELDS),
    "evaluaciones_ciudadanas": (participacion.read_snapshot, participacion.FIELDS),
}


def reader_for(fuentes: tuple[str, ...]) -> Callable[..., ReadResult]:
    """The function that reads the files of a folder holding these fuentes, with read_source's signature."""
    if len(fuentes) == 1 and fuentes[0] in OWN_READERS:
        return OWN_READERS[fuentes[0]][0]
    return read_source


def raw_fields(fuente: str) -> tuple[str, ...]:
    """The columns (besides fila) of the raw table a fuente's reader writes."""
    return OWN_READERS[fuente][1] if fuente in OWN_READERS else load_layouts().canonical(fuente).fields
