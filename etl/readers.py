"""Read a source file (JSON, CSV or XLSX) into a DuckDB table of canonical columns.

The layout is recognized by the file's headers (etl/layouts.toml), never by its name. Only the canonical
fields of the fuente are copied: free text, names and addresses in the source never reach the table.

Output table: `fila BIGINT` (the row a user sees in the file) followed by every canonical field of the fuente
as VARCHAR (stripped; empty -> NULL; dates kept as text, staging parses them).
"""
from __future__ import annotations

import codecs
import contextlib
import contextvars
import csv
import datetime as dt
import itertools
import json
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from common.errors import FileError
from etl import pnt_json, xlsx_guard
from etl.xlsx_guard import DEFAULT_MAX_XLSX_MB, MAX_XLSX_ENV, max_xlsx_bytes  # noqa: F401 (re-exported)
from etl.privacy import IDENTIFIER_FIELDS, mask_distinct, mask_rows
from etl.csv_records import CsvRecords, split_line
from etl.layouts import Candidate, Catalog, LayoutNotFound, Match, choose_header, load_catalog, normalize_header

BATCH_ROWS = 50_000
CHUNK_BYTES = 16 << 20
# A record of the PNT may hold long request texts. With max_line_size raised alone, DuckDB's own choice of buffer
# made parsing a national file 0.9 s slower (2.65 s instead of 1.75 s for 5 M rows); a 16 MiB buffer, just above
# the longest line allowed, parses it in 1.55 s (bench/, same file, same process).
MAX_LINE_BYTES = 16_000_000
CSV_BUFFER_BYTES = 16 << 20
HEADER_SCAN_ROWS = 20  # a title or blank rows may precede the header row
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls)
FOLIO_FIELDS = frozenset({"folio", "folio_solicitud"})
_TRIM_CHARS = " \t\r\n\u00a0"


@dataclass
class ReadResult:
    layout: str
    formato: str  # "json" | "csv" | "xlsx" | "xls"
    codificacion: str | None
    separador: str | None
    filas_leidas: int  # rows written to the table (rechazos excluded)
    hoja: str | None
    avisos: list[str] = field(default_factory=list)
    rechazos: list[tuple[int, str]] = field(default_factory=list)  # (fila, Spanish reason)
    columnas: dict[str, str] = field(default_factory=dict)  # canonical field -> source header used
    fuente: str | None = None  # the fuente whose layout matched (read_source may be given several)
    table: str | None = None  # the table written (a workbook's further sheets write tables of their own)
    hojas: list["ReadResult"] = field(default_factory=list)  # a workbook's further sheets, each a load of its own
    lector: str = "detallado"  # "duckdb": DuckDB parsed the file (fast path); "detallado": the careful reader


def read_source(path: Path, fuente: str | tuple[str, ...], con: duckdb.DuckDBPyConnection, table: str) -> ReadResult:
    """Create `table` in `con` with the canonical columns of `fuente` read from `path`. Raises FileError.
    `fuente` may be a tuple of fuentes sharing a folder: the headers decide, and result.fuente says which."""
    path = Path(path)
    catalog = load_catalog()
    for name in (fuente,) if isinstance(fuente, str) else fuente:
        catalog.canonical(name)  # an unknown fuente is a programming error (ValueError), not a bad file
    kind = sniff_kind(path)
    if kind in ("xlsx", "xls"):
        return _read_spreadsheet(path, kind, fuente, con, table, catalog)
    fast_tried = False
    if kind == "csv" and (encoding := _utf8_head(path)):
        result = _read_csv_optimistic(path, encoding, fuente, con, table, catalog)
        if result is not None:
            return result
        fast_tried = True
    with utf8_text(path) as text:
        if kind == "json":
            return _read_json(path, text, fuente, con, table, catalog)
        # DuckDB already failed on this very file: the transcoded copy of a cp1252 file still deserves a try.
        fast = not (fast_tried and text.path == path)
        return _read_csv(path, text, fuente, con, table, catalog, fast=fast)


# --------------------------------------------------------------------------------------------- file kind


def sniff_kind(path: Path) -> str:
    """'xlsx', 'xls', 'json' or 'csv', from the file's first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        raise FileError(
            f"No se puede abrir el archivo «{path.name}» ({exc.strerror or exc}). "
            "Cómo corregir: verifique que exista, que no esté abierto en otro programa y que se pueda leer."
        ) from None
    if head.startswith(XLSX_MAGIC):
        check_xlsx_size(path)
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        return "xls"
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        start = head.decode("utf-16", errors="ignore")
    elif b"\x00" in head:
        raise FileError(
            f"El archivo «{path.name}» no es de texto (CSV/JSON) ni una hoja de cálculo XLSX. "
            "Cómo corregir: expórtelo como CSV (UTF-8) o guárdelo como libro de Excel (.xlsx)."
        )
    else:
        start = head.decode("utf-8", errors="ignore")
    start = start.lstrip("\ufeff \t\r\n")
    if not start:
        raise FileError(
            f"El archivo «{path.name}» está vacío. "
            "Cómo corregir: vuelva a exportarlo desde el sistema de origen o quítelo de la carpeta."
        )
    return "json" if start[0] in "[{" else "csv"


def check_xlsx_size(path: Path) -> None:
    try:
        xlsx_guard.check_xlsx_size(path)
    except xlsx_guard.WorkbookTooLarge as exc:
        raise FileError(str(exc)) from None


# ------------------------------------------------------------------------------------------ text encoding


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252: read them as latin-1 instead of failing.
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("etl_latin1_fallback", _latin1_fallback)


# Where temporary copies go: the build's own folder beside the new warehouse (scratch_folder), so a kill leaves
# them where the next build removes them, never in the system's temp folder; the system's when read alone.
_SCRATCH: contextvars.ContextVar[str | None] = contextvars.ContextVar("etl_scratch", default=None)


@contextlib.contextmanager
def scratch_folder(folder: Path) -> Iterator[None]:
    token = _SCRATCH.set(str(folder))
    try:
        yield
    finally:
        _SCRATCH.reset(token)


@dataclass(frozen=True)
class TextFile:
    path: Path  # UTF-8 text (the source itself, or a transcoded temporary copy)
    encoding: str  # the source's encoding: utf-8, utf-8-sig, cp1252 or utf-16
    last_line: int  # number of the last line with content (trailing blank lines ignored)


@dataclass(frozen=True)
class _Scan:
    encoding: str
    last_line: int


def scan_text(path: Path) -> _Scan:
    """Encoding (strict UTF-8 over the whole file, else cp1252) and the last line with content, in one pass."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return _Scan("utf-16", 0)
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        is_utf8, newlines, tail = True, 0, b""
        while chunk := fh.read(CHUNK_BYTES):
            if is_utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
            newlines += _count_newlines(chunk)
            tail = (tail + chunk[-65536:])[-65536:]
        if is_utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    last_line = _last_line(newlines, tail)
    if not is_utf8:
        return _Scan("cp1252", last_line)
    return _Scan("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8", last_line)


def _utf8_head(path: Path) -> str | None:
    """'utf-8' or 'utf-8-sig' when the first megabyte (whole lines) is strict UTF-8, worth trusting DuckDB with;
    None otherwise (UTF-16, cp1252…)."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    if len(head) == 1 << 20:
        head = head[: head.rfind(b"\n") + 1]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"


@dataclass(frozen=True)
class _LineScan:
    last_line: int
    csv_alike: bool = True  # checked only when asked: see _CsvAlike


def _line_scan(path: Path, check_alike: bool = False) -> _LineScan:
    """The last line with content, in one pass over the bytes beside DuckDB's parse (numpy releases the GIL);
    with check_alike, also whether DuckDB reads the file as the careful reader would (_CsvAlike). The file's
    sha256 is not taken here: it would share the two cores with the parse (the build hashes files later)."""
    newlines, tail = 0, b""
    alike = _CsvAlike() if check_alike else None
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            newlines += _count_newlines(chunk)
            tail = (tail + chunk[-65536:])[-65536:]
            if alike is not None:
                alike.feed(chunk)
    return _LineScan(_last_line(newlines, tail), alike.close() if alike is not None else True)


def _count_newlines(chunk: bytes) -> int:
    """bytes.count holds the GIL at ~3.5 GB/s; numpy's comparison runs at ~14 GB/s without it, and this pass
    shares the two cores with DuckDB's parse."""
    return int(np.count_nonzero(np.frombuffer(chunk, np.uint8) == 10))


class _CsvAlike:
    """Whether DuckDB's parse of a file gives exactly the careful reader's rows and values, wherever the row
    count matches the line count (the fast path's own check). Three things break that: bytes that are not
    UTF-8 anywhere in the file (scan_text sends such a file to the cp1252 transcoder, so the careful reader sees
    other text); a space just before a quote (DuckDB reads ` "x"` as x, Python's csv as ` "x"`); a CR that is not
    part of a CRLF (Python's csv counts a line there, so the rows after it are numbered otherwise, and an unquoted
    field ends). Files with personal fields need this: their rows and pseudonyms must not depend on the path the
    file took."""

    def __init__(self):
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self._last = b""
        self.alike = True

    def feed(self, chunk: bytes) -> None:
        if not self.alike:
            return
        try:
            self._utf8.decode(chunk)
        except UnicodeDecodeError:
            self.alike = False
            return
        edge = self._last + chunk[:1]  # the two bytes around the previous chunk's end
        if b' "' in chunk or edge == b' "' or (self._last == b"\r" and chunk[:1] != b"\n"):
            self.alike = False
        body = chunk[:-1] if chunk.endswith(b"\r") else chunk  # a CR at the end waits for the next chunk
        if body.count(b"\r") != body.count(b"\r\n"):
            self.alike = False
        self._last = chunk[-1:]

    def close(self) -> bool:
        if self.alike:
            try:
                self._utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                self.alike = False
        return self.alike and self._last != b"\r"


def _last_line(newlines: int, tail: bytes) -> int:
    content = tail.rstrip(b" \t\r\n")
    return newlines - tail[len(content) :].count(b"\n") + 1 if content else 0


@contextlib.contextmanager
def utf8_text(path: Path) -> Iterator[TextFile]:
    """The file as UTF-8: itself if it already is, otherwise a temporary transcoded copy (deleted afterwards)."""
    scan = scan_text(path)
    if scan.encoding in ("utf-8", "utf-8-sig"):
        yield TextFile(path, scan.encoding, scan.last_line)
        return
    tmp, mixed = _transcode(path, scan.encoding)
    try:
        # cp1252 keeps every line break where it was; UTF-16 lines are counted on the copy.
        last_line = scan.last_line if scan.encoding == "cp1252" else scan_text(tmp).last_line
        yield TextFile(tmp, "cp1252+utf-8" if mixed else scan.encoding, last_line)
    finally:
        tmp.unlink(missing_ok=True)


def _transcode(path: Path, encoding: str) -> tuple[Path, bool]:
    """A UTF-8 copy of the file, and whether it mixed encodings (some lines UTF-8 in a cp1252 file)."""
    fd, name = tempfile.mkstemp(prefix="etl_", suffix=".utf8.txt", dir=_SCRATCH.get())
    try:
        with open(path, "rb") as src, os.fdopen(fd, "w", encoding="utf-8", newline="") as dst:
            if encoding == "cp1252":
                return Path(name), _transcode_cp1252(src, dst)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            while chunk := src.read(CHUNK_BYTES):
                dst.write(decoder.decode(chunk))
            dst.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        Path(name).unlink(missing_ok=True)
        raise FileError(
            f"El archivo «{path.name}» no se puede decodificar como {encoding}. "
            "Cómo corregir: guárdelo de nuevo como CSV UTF-8."
        ) from None
    except BaseException:  # a full disk, an interrupt: the half copy (request texts included) goes too
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), False


# A UTF-8 multi-byte sequence. In Spanish cp1252 text these byte pairs spell mojibake such as "Ã³", so a cp1252
# file that contains them was concatenated from files in both encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _transcode_cp1252(src, dst) -> bool:
    """cp1252 chunk by chunk (fast); a chunk with UTF-8 sequences is decoded line by line, each line in the
    encoding it decodes in, so an appended UTF-8 export keeps its accents instead of turning into "Ã³"."""
    mixed, carry = False, b""
    while chunk := src.read(CHUNK_BYTES):
        data = carry + chunk
        cut = data.rfind(b"\n") + 1  # whole lines now, the rest with the next chunk
        mixed |= _write_cp1252(data[:cut], dst)
        carry = data[cut:]
    mixed |= _write_cp1252(carry, dst)
    return mixed


def _write_cp1252(data: bytes, dst) -> bool:
    if not _UTF8_SEQUENCE.search(data):
        dst.write(data.decode("cp1252", errors="etl_latin1_fallback"))
        return False
    mixed = False
    for line in data.splitlines(keepends=True):
        try:
            text = line.decode("utf-8")
            mixed |= _UTF8_SEQUENCE.search(line) is not None
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="etl_latin1_fallback")
        dst.write(text)
    return mixed


def _head_lines(path: Path, count: int) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [line.rstrip("\r\n") for line in itertools.islice(fh, count)]


# ---------------------------------------------------------------------------------------------- CSV


def sniff_separator(line: str) -> str:
    """The most frequent of ; , tab | outside quotes in the header line (comma if none)."""
    counts = dict.fromkeys(";,\t|", 0)
    in_quotes = False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _split_line(line: str, sep: str) -> list[str]:
    return [cell.strip() for cell in split_line(line, sep)]


def _csv_header(text_path: Path, fuente, path: Path, catalog) -> tuple[Candidate, Match]:
    """The header line (with its separator) among the first lines, and the layout it matches."""
    candidates = []
    for number, line in enumerate(_head_lines(text_path, HEADER_SCAN_ROWS), start=1):
        if line.strip():
            sep = sniff_separator(line)
            candidates.append(Candidate((number, sep), _split_line(line, sep), f"la línea {number}"))
    return _choose(candidates, fuente, "csv", path, catalog)


def _read_csv_optimistic(path: Path, encoding: str, fuente, con, table, catalog) -> ReadResult | None:
    """A file that starts as UTF-8 goes straight to DuckDB, with the line count taken beside the parse instead of
    a separate validating pass. DuckDB checks the UTF-8 of the columns it keeps and skips a row that
    is not (ignore_errors), so a cp1252 line among them shows up as a count mismatch: then None, and the caller
    reads the file the careful way. Bytes in columns the tablero never reads are not checked, nor needed.

    A fuente with personal fields takes this path too: the parsing query itself computes the pseudonyms
    (etl/pseudonym.py, SqlPseudonyms), so names, e-mails and CURPs are never stored. Its rows must come out
    exactly as the careful reader's would, so the pass beside the parse also checks _CsvAlike, and a parse
    error (which that reader may survive) sends the file there too."""
    cand, match = _csv_header(path, fuente, path, catalog)
    canonical = catalog.canonical(match.layout.fuente)
    personal = bool(canonical.personal)
    header_line, sep = cand.position
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(_line_scan, path, personal)
        try:
            raw_rows, dropped = _load_csv_duckdb(con, table, path, header_line, sep, len(cand.headers), match,
                                                 canonical.fields, personal=personal, repeated=canonical.repeated)
        except duckdb.InvalidInputException:  # e.g. a file with lone CRs: "the CSV parser … reached an invalid state"
            raw_rows, dropped = -1, 0  # the careful reader copes with such files
        scan = pending.result()
    if raw_rows < 0 or not scan.csv_alike or header_line + raw_rows != max(scan.last_line, header_line):
        drop_read_table(con, table)
        return None
    result = ReadResult(match.layout.key, "csv", encoding, sep, 0, None, columnas=_columns_used(match, cand),
                        fuente=match.layout.fuente, lector="duckdb")
    result.filas_leidas = raw_rows - dropped
    _common_notes(result, dropped)
    return result


def _read_csv(path, text: TextFile, fuente, con, table, catalog, *, fast: bool = True) -> ReadResult:
    cand, match = _csv_header(text.path, fuente, path, catalog)
    fuente = match.layout.fuente
    header_line, sep = cand.position
    canonical = catalog.canonical(fuente)
    fields = canonical.fields
    result = ReadResult(match.layout.key, "csv", text.encoding, sep, 0, None, columnas=_columns_used(match, cand),
                        fuente=fuente)
    # Files with personal fields reach this reader only when the fast path (with its pseudonyms computed in SQL)
    # could not take them: they are read here the careful way, hashed in Python before anything lands in a table.
    use_duckdb = fast and not canonical.personal
    raw_rows, dropped = _load_csv_duckdb(con, table, text.path, header_line, sep, len(cand.headers), match, fields,
                                         repeated=canonical.repeated) if use_duckdb else (-1, 0)
    if header_line + raw_rows == max(text.last_line, header_line):
        result.filas_leidas = raw_rows - dropped
        result.lector = "duckdb"  # e.g. the UTF-8 copy of a cp1252 file
    else:
        if raw_rows >= 0:
            drop_read_table(con, table)  # the fast path's view and rows: the exact reader writes a table
        if not canonical.personal:
            result.avisos.append(
                "El archivo tiene líneas vacías, saltos de línea dentro de campos entre comillas, comillas mal "
                "cerradas o filas con otro número de columnas: se leyó con el lector detallado (números de fila "
                "exactos; revise los rechazos)."
            )
        writer = _writer(con, table, canonical)
        _load_csv_python(path, text.path, header_line, sep, cand, match, writer, result)
        result.filas_leidas = writer.close()
        dropped = writer.skipped_empty
    _common_notes(result, dropped)
    return result


def _load_csv_duckdb(con, table, csv_path, header_line, sep, ncols, match: Match, fields, *,
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
    (_trim_repeated) and then kept as ENUMs (_encode_repeated); the others are trimmed row by row (_cleaned).
    Not for personal fuentes."""
    per_value = [f for f in repeated if f in match.columns] if not personal else []
    pseudonyms = None
    if personal:
        from etl.pseudonym import SqlPseudonyms
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
    params = {"path": str(csv_path), "sep": sep, "skip": header_line - 1, "trim": _TRIM_CHARS}
    if pseudonyms is not None:
        from etl.pseudonym import WHITESPACE
        # DuckDB refuses parameters a statement does not use (a file may lack every personal column).
        params = {name: value for name, value in {**params, **pseudonyms.params, "strip": WHITESPACE}.items()
                  if f"${name}" in sql}
    with _insertion_order_preserved(con):
        with pseudonyms or contextlib.nullcontext():
            (pseudonyms.connection if pseudonyms is not None else con).execute(sql, params)
        rows = con.execute(f"SELECT count(*) FROM {quote_ident(parsed)}").fetchone()[0]
    values = _trim_repeated(con, parsed, per_value)
    # Identifiers masked where they could be kept, once per distinct value: the repeated fields' values were just
    # listed; the others list their own. Folios and expedientes (one per row) are left to staging, which rejects
    # those that look personal.
    values = {f: mask_distinct(con, parsed, f, found) for f, found in values.items()}
    mask_rows(con, parsed, [f for f in fields if f not in per_value and f not in IDENTIFIER_FIELDS])
    empty = _delete_empty_rows(con, parsed, fields)  # after trimming: a row of blanks is empty too
    _encode_repeated(con, parsed, values)
    # A view, not a copy: a second copy of a national file would double the build's peak memory. rowid survives
    # the deletion of empty rows, so fila stays the line number.
    con.execute(f"CREATE OR REPLACE VIEW {quote_ident(table)} AS "
                f"SELECT CAST(rowid + 1 + {int(header_line)} AS BIGINT) AS fila, * FROM {quote_ident(parsed)}")
    return rows, empty


def _column_sql(field: str, match: Match, pseudonyms, trimmed_later: bool = False) -> str:
    """SQL for one output field: the cleaned source column, its pseudonym (a hash field), or NULL.
    trimmed_later: only '' becomes NULL here; _trim_repeated trims the column once the table exists."""
    if pseudonyms is not None:
        from etl.pseudonym import HASH_FIELDS, PERSONAL_KINDS
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
    """SQL for clean_text(column), exactly: str.strip() removes every Unicode space ($strip), not only _TRIM_CHARS.
    For files whose rows must equal the careful reader's (those with personal fields)."""
    at_an_end = f"contains($strip, left({column}, 1)) OR contains($strip, right({column}, 1))"
    return (f"CASE WHEN {column} = '' THEN NULL WHEN {at_an_end} THEN nullif(trim({column}, $strip), '') "
            f"ELSE {column} END")


def _cleaned(column: str) -> str:
    """SQL for nullif(trim(column, $trim), ''): a trim with a character list costs more than parsing the file,
    so it only runs on the few values that start or end with a space or hold a tab, CR, LF or NBSP."""
    return (f"CASE WHEN {column} = '' THEN NULL WHEN {_needs_trim(column)} THEN nullif(trim({column}, $trim), '') "
            f"ELSE {column} END")


def _needs_trim(column: str) -> str:
    return " OR ".join([f"starts_with({column}, ' ')", f"ends_with({column}, ' ')"] +
                       [f"contains({column}, chr({code}))" for code in (9, 10, 13, 160)])


def _trim_repeated(con, table: str, fields: Sequence[str]) -> dict[str, list[str]]:
    """Trims the `fields` of `table` as _cleaned would, looking at each distinct value once: even the cheap test of
    _cleaned, row by row, cost more than a third of parsing a national requests file (13 such columns), while the
    distinct values of a column take a fraction of that. Usually no value needs trimming and nothing is updated.
    Returns each field's distinct values once trimmed (NULL left out)."""
    values = {}
    for field in fields:
        column = quote_ident(field)
        distinct = f"SELECT list(DISTINCT {column}) FILTER ({column} IS NOT NULL) AS v FROM {quote_ident(table)}"
        # The test runs on the list of distinct values: as a WHERE on SELECT DISTINCT, DuckDB would push it below
        # the DISTINCT and test every row again.
        found, dirty = con.execute(f"SELECT v, list_filter(v, lambda x: {_needs_trim('x')}) FROM ({distinct})").fetchone()
        if dirty:
            con.execute(f"UPDATE {quote_ident(table)} SET {column} = nullif(trim({column}, $trim), '') "
                        f"WHERE {column} IN (SELECT unnest($dirty))", {"trim": _TRIM_CHARS, "dirty": dirty})
            (found,) = con.execute(distinct).fetchone()
        values[field] = found or []
    return values


PARSED_SUFFIX = "__csv"
MAX_ENUM_VALUES = 65_535  # two bytes a row; a field with more distinct values than this is not "repeated"
# Average characters of a field's distinct values below which it stays text: short values (dates, Sí/No) save
# less memory as ENUMs than the pass that encodes them costs.
MIN_ENCODED_LENGTH = 13


def _encode_repeated(con, table: str, values: dict[str, list[str]]) -> None:
    """Turns the long repeated fields of `table` (names, catalog texts) into ENUMs of their distinct values: held
    as text, a national requests file's took ~0.8 GB of the build's memory and pushed the staging rows to disk
    and back; as ENUMs they take a byte or two a row, and SQL still reads them as text. Each ALTER rewrites one
    column on one thread (~0.15 s per 5 M rows), so short values, which save little, stay text."""
    for field, found in values.items():
        if not 0 < len(found) <= MAX_ENUM_VALUES or sum(map(len, found)) / len(found) < MIN_ENCODED_LENGTH:
            continue
        enum = _enum_type(table, field)
        con.execute(f"CREATE OR REPLACE TYPE {enum} AS ENUM (SELECT unnest($v))", {"v": found})
        con.execute(f"ALTER TABLE {quote_ident(table)} ALTER {quote_ident(field)} TYPE {enum}")


def _enum_type(table: str, field: str) -> str:
    """The ENUM type of a field, in the table's own database (a table may not use another database's type)."""
    database, _, name = table.rpartition(".")
    return quote_ident(f"{database}.main.{name}__{field}" if database else f"{name}__{field}")


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


def _load_csv_python(path, csv_path, header_line, sep, cand: Candidate, match: Match, writer,
                     result: ReadResult) -> None:
    """Slow, exact path: records know the line they start on, a quote left open is rejected with its row alone
    (etl/csv_records.py), and a row with more non-empty fields than headers is rejected, not shifted."""
    ncols = len(cand.headers)
    indices = [match.columns.get(f) for f in writer.fields]
    multiline = _multiline_columns(match, cand)
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        for _ in range(header_line):
            fh.readline()
        records = CsvRecords(fh, header_line + 1, sep, cand.headers, multiline)
        try:
            for fila, row in records:
                if len(row) > ncols and any(cell.strip() for cell in row[ncols:]):
                    result.rechazos.append(
                        (fila, f"la fila tiene {len(row)} columnas y el encabezado {ncols}: probablemente un "
                               "separador o comillas sin escapar dentro de un texto")
                    )
                    continue
                writer.add(fila, [clean_text(row[i]) if i is not None and i < len(row) else None for i in indices])
        except csv.Error as exc:
            raise FileError(
                f"El archivo «{path.name}» tiene un error de formato CSV cerca de la línea "
                f"{header_line + records.count.lineas + 1}: {exc}. Cómo corregir: ábralo y guárdelo de nuevo como CSV."
            ) from None
    result.rechazos.extend(records.rejected)
    result.rechazos.sort()
    if note := records.count.note():
        result.avisos.append(note)


def _multiline_columns(match: Match, cand: Candidate) -> list[int]:
    """Positions of the layout's free-text columns that may hold line breaks (`multiline` in layouts.toml)."""
    allowed = {normalize_header(h) for h in match.layout.multiline}
    return [i for i, h in enumerate(cand.headers) if normalize_header(h) in allowed]


# --------------------------------------------------------------------------------------------- JSON


def _read_json(path, text: TextFile, fuente, con, table, catalog) -> ReadResult:
    first = _first_record_line(text.path)
    if first is not None and pnt_json.looks_line_delimited(first):
        return _read_json_lines(path, text, fuente, con, table, catalog)
    return _read_json_document(path, text, fuente, con, table, catalog)


def _first_record_line(json_path: Path) -> str | None:
    with open(json_path, encoding="utf-8-sig") as fh:
        for line in fh:
            stripped = line.strip().lstrip("[").lstrip()
            if stripped:
                return stripped
    return None


def _numbered_lines(json_path: Path) -> Iterator[tuple[int, str]]:
    # Only "\n" ends a line, as in the line count and in the editors users check row numbers with.
    with open(json_path, encoding="utf-8-sig", newline="\n") as fh:
        yield from enumerate(fh, start=1)


def _read_json_lines(path, text: TextFile, fuente, con, table, catalog) -> ReadResult:
    """One record per line (the PNT export): json.loads per record, repair only when it fails."""
    count = pnt_json.LineCount()
    records = pnt_json.group_records(_numbered_lines(text.path), count=count)
    head = list(itertools.islice(records, 50))
    if not head:
        raise _no_records(path)
    key_order = next((list(record) for _fila, _text, record in head if record is not None), None)
    headers = key_order or pnt_json.keys_in_text(head[0][1])
    cand, match = _choose([Candidate(None, headers, "el primer registro")], fuente, "json", path, catalog)
    fuente = match.layout.fuente
    repair_order = _repair_order(key_order)
    result = ReadResult(match.layout.key, "json", text.encoding, None, 0, None, columnas=_columns_used(match, cand),
                        fuente=fuente)
    fields = catalog.canonical(fuente).fields
    keys = _keys_by_field(match, cand, fields)
    folio_keys = _folio_keys(fields, keys)
    writer = TableWriter(con, table, fields)
    repaired = numeric_folios = 0
    for fila, record_text, record in itertools.chain(head, records):
        was_repaired = False
        if record is None:
            try:
                record, was_repaired = pnt_json.decode_record(record_text, repair_order)
            except pnt_json.RecordError as exc:
                result.rechazos.append((fila, str(exc)))
                continue
        repaired += was_repaired
        numeric_folios += _add_json_record(writer, fila, record, keys, folio_keys)
    result.filas_leidas = writer.close()
    if note := count.note():
        result.avisos.append(note)
    if repaired:
        result.avisos.append(f"{repaired} registros con comillas sin escapar reparados")
    if result.rechazos:
        result.avisos.append(f"{len(result.rechazos)} registros JSON no se pudieron reparar (ver rechazos)")
    _json_notes(result, numeric_folios, writer.skipped_empty)
    return result


def _repair_order(key_order: list[str] | None) -> Sequence[str]:
    # The file's own order when known; the PNT order when the file follows it (FechaOficialRecepcion optional).
    if not key_order or tuple(key_order) == pnt_json.PNT_FIELDS[: len(key_order)]:
        return pnt_json.PNT_FIELDS
    return key_order


def _read_json_document(path, text: TextFile, fuente, con, table, catalog) -> ReadResult:
    """A standard (e.g. pretty-printed) JSON array: parsed whole; fila = position of the record (1 = first)."""
    with open(text.path, encoding="utf-8-sig") as fh:
        try:
            data = json.load(fh, strict=False)
        except json.JSONDecodeError as exc:
            raise FileError(
                f"El archivo «{path.name}» no es JSON válido (línea {exc.lineno}, columna {exc.colno}: {exc.msg}). "
                "Cómo corregir: vuelva a exportarlo; la exportación de la PNT debe tener un registro por línea."
            ) from None
    items = _records_of(data)
    if not items:
        raise _no_records(path)
    headers: list[str] = []
    for item in items[:100]:
        if isinstance(item, dict):
            headers.extend(k for k in item if k not in headers)
    cand, match = _choose([Candidate(None, headers, "los registros")], fuente, "json", path, catalog)
    fuente = match.layout.fuente
    fields = catalog.canonical(fuente).fields
    result = ReadResult(match.layout.key, "json", text.encoding, None, 0, None, columnas=_columns_used(match, cand),
                        fuente=fuente)
    keys = _keys_by_field(match, cand, fields)
    folio_keys = _folio_keys(fields, keys)
    writer = TableWriter(con, table, fields)
    numeric_folios = 0
    for fila, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            result.rechazos.append((fila, "el registro no es un objeto JSON {…}"))
            continue
        numeric_folios += _add_json_record(writer, fila, item, keys, folio_keys)
    result.filas_leidas = writer.close()
    _json_notes(result, numeric_folios, writer.skipped_empty)
    return result


def _records_of(data: object) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        # {"solicitudes": [...]} wraps the array; otherwise the object is a single record.
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        return lists[0] if len(lists) == 1 else [data]
    return []


def _keys_by_field(match: Match, cand: Candidate, fields: Sequence[str]) -> list[str | None]:
    return [cand.headers[match.columns[f]] if f in match.columns else None for f in fields]


def _folio_keys(fields: Sequence[str], keys: Sequence[str | None]) -> list[str]:
    return [k for f, k in zip(fields, keys) if f in FOLIO_FIELDS and k is not None]


def _add_json_record(writer, fila: int, record: dict, keys: Sequence[str | None], folio_keys: list[str]) -> int:
    """Add one record; return how many of its folios came as JSON numbers (leading zeros lost at the source)."""
    writer.add(fila, [json_text(record.get(k)) if k is not None else None for k in keys])
    return sum(1 for k in folio_keys if _is_number(record.get(k)))


def _json_notes(result: ReadResult, numeric_folios: int, dropped: int) -> None:
    if numeric_folios:
        result.avisos.append(
            f"{numeric_folios} folios venían como número y no como texto: si tenían ceros a la izquierda, "
            "no se pueden recuperar"
        )
    _common_notes(result, dropped)


def _no_records(path: Path) -> FileError:
    return FileError(
        f"El archivo «{path.name}» no contiene registros. "
        "Cómo corregir: vuelva a exportarlo desde el sistema de origen o quítelo de la carpeta."
    )


# ---------------------------------------------------------------------------------------- XLSX / XLS


def _read_spreadsheet(path, kind, fuente, con, table, catalog) -> ReadResult:
    """Every sheet whose headers match a layout is loaded, each into a table of its own (the first into `table`,
    the others into `table`_h2, _h3…: result.hojas); each sheet left out is named in the notes with why."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise FileError(
            f"El libro «{path.name}» está protegido con contraseña. "
            "Cómo corregir: quítele la contraseña en Excel y guárdelo de nuevo."
        ) from None
    except Exception as exc:  # calamine raises several error types for damaged zips/XML
        raise FileError(
            f"El archivo «{path.name}» parece un libro de Excel pero está dañado o no se puede abrir ({exc}). "
            "Cómo corregir: ábralo en Excel y guárdelo de nuevo como .xlsx."
        ) from None
    results: list[ReadResult] = []
    skipped: list[str] = []
    seen: list[Candidate] = []
    parts = xlsx_guard.sheet_parts(path) if kind == "xlsx" else {}
    try:
        for sheet_name in workbook.sheet_names:
            found = _sheet_header(workbook, path, kind, fuente, catalog, sheet_name, parts, seen, skipped)
            if found is None:
                continue
            rows, cand, match = found
            sheet_table = table if not results else f"{table}_h{len(results) + 1}"
            results.append(_load_sheet(con, sheet_table, sheet_name, rows, cand, match, kind, catalog))
    finally:
        workbook.close()
    if not results:
        if not seen:
            raise FileError(
                f"El libro «{path.name}» no tiene datos en ninguna hoja. "
                "Cómo corregir: verifique que sea el archivo correcto."
            )
        _choose(seen, fuente, kind, path, catalog)  # raises the most helpful explanation
        raise AssertionError("unreachable")
    first = results[0]
    first.avisos[:0] = skipped
    if len(results) > 1:
        first.avisos.insert(0, f"El libro tiene {len(results)} hojas con datos: cada una se carga como un archivo aparte "
                               "(" + ", ".join(f"«{r.hoja}»" for r in results) + ").")
    first.hojas = results[1:]
    return first


def _sheet_header(workbook, path, kind, fuente, catalog, sheet_name, parts, seen, skipped):
    """(rows, header candidate, match) of a sheet with a recognizable header row among its first rows, or None
    with the reason added to `skipped`. A sheet too large to open stops the file (FileError)."""
    try:
        xlsx_guard.check_sheet_extent(path, sheet_name, parts)
    except xlsx_guard.WorkbookTooLarge as exc:
        raise FileError(str(exc)) from None
    try:
        rows = iter(workbook.get_sheet_by_name(sheet_name).iter_rows())
    except Exception:  # chart sheets and the like have no cells
        skipped.append(f"Hoja «{sheet_name}» omitida: no tiene celdas (hoja de gráfico u objeto).")
        return None
    head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    # calamine yields rows from the sheet's row 1, so index i is spreadsheet row i + 1.
    candidates = [
        Candidate(i + 1, [cell_text(c) or "" for c in row], f"la fila {i + 1} de la hoja «{sheet_name}»")
        for i, row in enumerate(head)
        if any(cell_text(c) for c in row)
    ]
    if not candidates:
        skipped.append(f"Hoja «{sheet_name}» omitida: está vacía.")
        return None
    try:
        cand, match = choose_header(candidates, fuente, kind, path.name, catalog)
    except LayoutNotFound as exc:
        seen.extend(candidates)
        why = str(exc).split(". Cómo corregir")[0].split("\n")[0]
        skipped.append(f"Hoja «{sheet_name}» omitida: sus encabezados no son de un formato conocido de esta carpeta "
                       f"({why[:300]}).")
        return None
    return itertools.chain(head[cand.position:], rows), cand, match


def _load_sheet(con, table, sheet_name, rows, cand, match, kind, catalog) -> ReadResult:
    fuente = match.layout.fuente
    result = ReadResult(match.layout.key, kind, None, None, 0, sheet_name, columnas=_columns_used(match, cand),
                        fuente=fuente)
    writer = _writer(con, table, catalog.canonical(fuente))
    numeric_folios = _load_sheet_rows(rows, cand.position, match, writer)
    result.filas_leidas = writer.close()
    result.table = table
    if numeric_folios:
        result.avisos.append(
            f"{numeric_folios} folios son celdas numéricas: si tenían ceros a la izquierda se perdieron. "
            "Cómo corregir: dé formato de texto a la columna de folios en el sistema de origen."
        )
    _common_notes(result, writer.skipped_empty)
    return result


def _load_sheet_rows(rows, header_row: int, match: Match, writer) -> int:
    indices = [match.columns.get(f) for f in writer.fields]
    folio_idx = [i for f, i in zip(writer.fields, indices) if f in FOLIO_FIELDS and i is not None]
    numeric_folios = 0
    for offset, row in enumerate(rows, start=1):
        values = [cell_text(row[i]) if i is not None and i < len(row) else None for i in indices]
        if not any(cell_text(c) for c in row):
            continue  # a blank spreadsheet row: not data, not worth a note
        numeric_folios += sum(1 for i in folio_idx if i < len(row) and _is_number(row[i]))
        writer.add(header_row + offset, values)
    return numeric_folios


def cell_text(value: object) -> str | None:
    """A calamine cell as text: dates ISO, integral numbers without '.0', empty -> None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return str(value).strip() or None


# ------------------------------------------------------------------------------------------- shared


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
            self.con.execute(f"INSERT INTO {self.table} SELECT * FROM {quote_ident(self._view)}")
        finally:
            self.con.unregister(self._view)
        self.rows_written += len(self._filas)
        self._reset()

    def close(self) -> int:
        """Writes what is left and masks personal identifiers in every text written (etl/privacy.py)."""
        self.flush()
        mask_rows(self.con, self.table.replace('"', ""), self.fields)
        return self.rows_written


def _writer(con, table: str, canonical):
    """A TableWriter of the canonical fields; for fuentes with personal fields, one that hashes them first."""
    writer = TableWriter(con, table, canonical.fields)
    if not canonical.personal:
        return writer
    from etl.pseudonym import PseudonymizingWriter
    return PseudonymizingWriter(writer, canonical.personal)


def _choose(candidates, fuente, fmt, path: Path, catalog: Catalog) -> tuple[Candidate, Match]:
    try:
        return choose_header(candidates, fuente, fmt, path.name, catalog)
    except LayoutNotFound as exc:
        raise FileError(str(exc)) from None


def _columns_used(match: Match, cand: Candidate) -> dict[str, str]:
    return {f: cand.headers[i] for f, i in match.columns.items()}


def _common_notes(result: ReadResult, dropped: int) -> None:
    if dropped:
        result.avisos.append(f"{dropped} filas sin datos en las columnas usadas se omitieron")
    if result.filas_leidas == 0 and not result.rechazos:
        result.avisos.append("El archivo solo tiene la fila de encabezados: no hay registros")


def clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def json_text(value: object) -> str | None:
    """A JSON value as text: numbers without '.0', booleans 'true'/'false', null -> None, objects as JSON."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def quote_ident(name: str) -> str:
    """Quote a table or column name for SQL ('schema.table' is quoted part by part)."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))
