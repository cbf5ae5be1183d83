"""The careful CSV path, for files DuckDB cannot be trusted with (another encoding, blank lines, line breaks
inside quotes, a quote left open, rows of another width): exact row numbers, and each bad row rejected alone."""
from __future__ import annotations

import csv

from common.errors import FileError
from etl.layouts import Candidate, Match, normalize_header
from etl.read.cells import clean_text
from etl.read.csv_fast import load_csv_duckdb
from etl.read.csv_records import CsvRecords
from etl.read.result import ReadResult, add_common_notes, columns_used
from etl.read.sniff import csv_header
from etl.read.text import TextFile
from etl.read.writer import drop_read_table, table_writer


def read_csv_careful(path, text: TextFile, fuente, con, table, layouts, *, fast: bool = True) -> ReadResult:
    cand, match = csv_header(text.path, fuente, path, layouts)
    fuente = match.layout.fuente
    header_line, sep = cand.position
    canonical = layouts.canonical(fuente)
    fields = canonical.fields
    result = ReadResult(match.layout.key, "csv", text.encoding, sep, 0, None, columnas=columns_used(match, cand),
                        fuente=fuente)
    # Files with personal fields reach this reader only when the fast path (with its pseudonyms computed in SQL)
    # could not take them: they are read here the careful way, hashed in Python before anything lands in a table.
    use_duckdb = fast and not canonical.personal
    raw_rows, dropped = load_csv_duckdb(con, table, text.path, header_line, sep, len(cand.headers), match, fields,
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
        writer = table_writer(con, table, canonical)
        _load_csv_python(path, text.path, header_line, sep, cand, match, writer, result)
        result.filas_leidas = writer.close()
        dropped = writer.skipped_empty
    add_common_notes(result, dropped)
    return result


def _load_csv_python(path, csv_path, header_line, sep, cand: Candidate, match: Match, writer,
                     result: ReadResult) -> None:
    """Slow, exact path: records know the line they start on, a quote left open is rejected with its row alone
    (etl/read/csv_records.py), and a row with more non-empty fields than headers is rejected, not shifted."""
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
