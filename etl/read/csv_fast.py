"""The fast CSV path: DuckDB parses the file (read_csv with an explicit schema), numbers the rows by their line,
cleans the columns and, for training lists, computes the pseudonyms inside the very query that parses the file."""
from __future__ import annotations

import contextlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from etl.layouts import Match
from etl.read.distinct_values import TRIM_CHARS, encode_repeated, needs_trim, trim_repeated
from etl.read.privacy import IDENTIFIER_FIELDS, mask_distinct, mask_rows
from etl.read.pseudonym import HASH_FIELDS, PERSONAL_KINDS, WHITESPACE, SqlPseudonyms
from etl.read.result import ReadResult, add_common_notes, columns_used
from etl.read.sniff import csv_header
from etl.read.text import line_scan
from etl.read.writer import PARSED_SUFFIX, drop_read_table, quote_ident


# A record of the PNT may hold long request texts: the line limit is raised, and the read buffer set just above it
# (with DuckDB's own choice of buffer the parse is slower: docs/rendimiento_historial.md).
MAX_LINE_BYTES = 16_000_000
CSV_BUFFER_BYTES = 16 << 20


def read_csv_fast(path: Path, encoding: str, fuente, con, table, layouts) -> ReadResult | None:
    """A file that starts as UTF-8 goes straight to DuckDB, with the line count taken beside the parse instead of
    a separate validating pass. DuckDB checks the UTF-8 of the columns it keeps and skips a row that
    is not (ignore_errors), so a cp1252 line among them shows up as a count mismatch: then None, and the caller
    reads the file the careful way. Bytes in columns the tablero never reads are not checked, nor needed.

    A fuente with personal fields takes this path too: the parsing query itself computes the pseudonyms
    (etl/read/pseudonym.py, SqlPseudonyms), so names, e-mails and CURPs are never stored. Its rows must come out
    exactly as the careful reader's would, so the pass beside the parse also checks _CsvAlike, and a parse
    error (which that reader may survive) sends the file there too."""
    cand, match = csv_header(path, fuente, path, layouts)
    canonical = layouts.canonical(match.layout.fuente)
    personal = bool(canonical.personal)
    header_line, sep = cand.position
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(line_scan, path, personal)
        try:
            raw_rows, dropped = load_csv_duckdb(con, table, path, header_line, sep, len(cand.headers), match,
                                                 canonical.fields, personal=personal, repeated=canonical.repeated)
        except duckdb.InvalidInputException:  # e.g. a file with lone CRs: "the CSV parser … reached an invalid state"
            raw_rows, dropped = -1, 0  # the careful reader copes with such files
        scan = pending.result()
    if raw_rows < 0 or not scan.csv_alike or header_line + raw_rows != max(scan.last_line, header_line):
        drop_read_table(con, table)
        return None
    result = ReadResult(match.layout.key, "csv", encoding, sep, 0, None, columnas=columns_used(match, cand),
                        fuente=match.layout.fuente, lector="duckdb")
    result.filas_leidas = raw_rows - dropped
    add_common_notes(result, dropped)
    return result


def load_csv_duckdb(con, table, csv_path, header_line, sep, ncols, match: Match, fields, *,
                     personal: bool = False, repeated: Sequence[str] = ()) -> tuple[int, int]:
    """Fast path: DuckDB parses the file. fila = header line + row number, which is exact only when every
    record is one physical line (no blank lines, no line breaks inside quoted fields) and none was skipped;
    the caller checks that by comparing the row count with the file's line count. Returns the rows parsed and,
    of those, the empty ones deleted (a row with no field of the tablero's: a blank line of separators).

    ignore_errors=true: a malformed row is skipped instead of raising, because an error would also abort
    the caller's open transaction; a skipped row shows up as a count mismatch and sends the file to the
    exact Python reader. Row order relies on DuckDB's preserve_insertion_order (the default).

    personal: the fuente has personal fields. hash_curp / hash_correo / hash_nombre are computed in this same
    query from the curp / correo / nombre columns, which are never selected themselves: the identifiers only
    stream through the scan and the projection (no sort, join or aggregate that could spill them to disk), and
    the table holds their pseudonyms. Values are stripped exactly as clean_text does (_stripped).

    repeated: fields with few distinct values, stored as parsed, trimmed afterwards once per distinct value
    (trim_repeated) and then kept as ENUMs (encode_repeated); the others are trimmed row by row (_cleaned).
    Not for personal fuentes."""
    per_value = [f for f in repeated if f in match.columns] if not personal else []
    pseudonyms = None
    if personal:
        pseudonyms = SqlPseudonyms(con)
    column_types = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols))
    select = ", ".join(f"{_column_sql(f, match, pseudonyms, f in per_value)} AS {quote_ident(f)}" for f in fields)
    # rowid follows insertion order, which follows the file while preserve_insertion_order is on: numbering rows
    # that way costs one cheap copy, where row_number() OVER () runs single-threaded over the whole file.
    parsed = table + PARSED_SUFFIX
    sql = (
        f"CREATE OR REPLACE TABLE {quote_ident(parsed)} AS SELECT {select} "
        f"FROM read_csv($path, delim=$sep, header=true, skip=$skip, columns={{{column_types}}}, "
        "auto_detect=false, quote='\"', escape='\"', ignore_errors=true, "
        f"max_line_size={MAX_LINE_BYTES}, buffer_size={CSV_BUFFER_BYTES})"
    )
    params = {"path": str(csv_path), "sep": sep, "skip": header_line - 1, "trim": TRIM_CHARS}
    if pseudonyms is not None:
        # DuckDB refuses parameters a statement does not use (a file may lack every personal column).
        params = {name: value for name, value in {**params, **pseudonyms.params, "strip": WHITESPACE}.items()
                  if f"${name}" in sql}
    with _insertion_order_preserved(con):
        with pseudonyms or contextlib.nullcontext():
            (pseudonyms.connection if pseudonyms is not None else con).execute(sql, params)
        rows = con.execute(f"SELECT count(*) FROM {quote_ident(parsed)}").fetchone()[0]
    values = trim_repeated(con, parsed, per_value)
    # Identifiers masked where they could be kept, once per distinct value: the repeated fields' values were just
    # listed; the others list their own. Folios and expedientes (one per row) are left to staging, which rejects
    # those that look personal.
    values = {f: mask_distinct(con, parsed, f, found) for f, found in values.items()}
    mask_rows(con, parsed, [f for f in fields if f not in per_value and f not in IDENTIFIER_FIELDS])
    empty = _delete_empty_rows(con, parsed, fields)  # after trimming: a row of blanks is empty too
    encode_repeated(con, parsed, values)
    # A view, not a copy: a second copy of a national file would double the build's peak memory. rowid survives
    # the deletion of empty rows, so fila stays the line number.
    con.execute(f"CREATE OR REPLACE VIEW {quote_ident(table)} AS "
                f"SELECT CAST(rowid + 1 + {int(header_line)} AS BIGINT) AS fila, * FROM {quote_ident(parsed)}")
    return rows, empty


def _column_sql(field: str, match: Match, pseudonyms, trimmed_later: bool = False) -> str:
    """SQL for one output field: the cleaned source column, its pseudonym (a hash field), or NULL.
    trimmed_later: only '' becomes NULL here; trim_repeated trims the column once the table exists."""
    if pseudonyms is not None:
        if field in HASH_FIELDS:
            kind = PERSONAL_KINDS[HASH_FIELDS.index(field)]
            if kind in match.columns:
                return pseudonyms.hash_sql(kind, f"c{match.columns[kind]}")
            return "CAST(NULL AS VARCHAR)"
    if field not in match.columns:
        return "CAST(NULL AS VARCHAR)"
    column = f"c{match.columns[field]}"
    if trimmed_later:
        return f"nullif({column}, '')"
    return _stripped(column) if pseudonyms is not None else _cleaned(column)


def _stripped(column: str) -> str:
    """SQL for clean_text(column), exactly: str.strip() removes every Unicode space ($strip), not only TRIM_CHARS.
    For files whose rows must equal the careful reader's (those with personal fields)."""
    at_an_end = f"contains($strip, left({column}, 1)) OR contains($strip, right({column}, 1))"
    return (f"CASE WHEN {column} = '' THEN NULL WHEN {at_an_end} THEN nullif(trim({column}, $strip), '') "
            f"ELSE {column} END")


def _cleaned(column: str) -> str:
    """SQL for nullif(trim(column, $trim), ''): a trim with a character list costs more than parsing the file,
    so it only runs on the few values that start or end with a space or hold a tab, CR, LF or NBSP."""
    return (f"CASE WHEN {column} = '' THEN NULL WHEN {needs_trim(column)} THEN nullif(trim({column}, $trim), '') "
            f"ELSE {column} END")


@contextlib.contextmanager
def _insertion_order_preserved(con):
    """row_number() OVER () follows the file's order only while preserve_insertion_order is on."""
    previous = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
    if previous:
        yield
        return
    con.execute("SET preserve_insertion_order = true")
    try:
        yield
    finally:
        con.execute("SET preserve_insertion_order = false")


def _delete_empty_rows(con, table, fields) -> int:
    condition = " AND ".join(f"{quote_ident(f)} IS NULL" for f in fields)
    return con.execute(f"DELETE FROM {quote_ident(table)} WHERE {condition}").fetchone()[0]
