"""Checks on an XLSX workbook before its parser opens anything: how much its zip inflates to, and how many cells each
sheet's used range spans.

calamine (python-calamine) holds a sheet as one dense rectangle from its first to its last cell with a value: a 2 KB
file with a header in A1 and one character in XFD1048576 asks for 16,384 × 1,048,576 cells (512 GB) and aborts the
whole process from inside Rust, where no Python exception can catch it. So the used range is measured from the
sheet's XML first, and a sheet too large is refused with a Spanish message; the served warehouse is untouched.
"""
from __future__ import annotations

import os
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from common.errors import WorkbookTooLarge
from common.spreadsheet import column_letters

MAX_XLSX_ENV = "TABLERO_MAX_XLSX_MB"
DEFAULT_MAX_XLSX_MB = 500
MAX_CELLS_ENV = "TABLERO_MAX_XLSX_CELDAS"
# calamine takes 32 bytes a cell: 30 M cells (~1 GB) holds a full sheet of 26 columns (Excel's 1,048,576 rows).
DEFAULT_MAX_CELLS = 30_000_000
_CHUNK = 16 << 20
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Cheap first look, over the raw XML: a cell beyond column Z or row 999,999, or a cell without its reference.
_WIDE_OR_DEEP = re.compile(rb'<c r="(?:[A-Z]{2,3}[0-9]|[A-Z]{1,3}[0-9]{7})|<c(?=[\s>/])(?![^>]*\sr=")')
_UNREFERENCED = re.compile(rb'<c(?=[\s>/])(?![^>]*\sr=")')
_ROW_NUMBER = re.compile(rb'<row\s[^>]*?r="([0-9]{1,9})"')
# The exact look, only when the first one found something: every cell that holds a value (calamine skips empty,
# style-only cells), by its reference.
_VALUE_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,9})"(?:\s[^>]*)?(?<!/)>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?'
                         rb'<(?:v>[^<]|is>)')


def max_xlsx_bytes() -> int:
    """Cap on a workbook's total uncompressed size (TABLERO_MAX_XLSX_MB, default 500 MB)."""
    try:
        megabytes = float(os.environ.get(MAX_XLSX_ENV, "") or DEFAULT_MAX_XLSX_MB)
    except ValueError:
        megabytes = DEFAULT_MAX_XLSX_MB
    return int(megabytes * (1 << 20))


def max_cells() -> int:
    try:
        return int(float(os.environ.get(MAX_CELLS_ENV, "") or DEFAULT_MAX_CELLS))
    except ValueError:
        return DEFAULT_MAX_CELLS


def check_xlsx_size(path: Path) -> None:
    """Refuse a workbook whose zip entries expand past the cap, before any parser inflates them: a few KB of
    zip can declare gigabytes of XML (a compression bomb). A damaged zip is left to the reader's own message."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    limit = max_xlsx_bytes()
    if total > limit:
        raise WorkbookTooLarge(
            f"El libro «{path.name}» ocupa {total / (1 << 20):,.0f} MB descomprimido, más que el límite de "
            f"{limit / (1 << 20):,.0f} MB: no se abre para no agotar la memoria (podría ser un archivo malicioso). "
            f"Cómo corregir: divídalo en libros más pequeños o expórtelo como CSV; si es legítimo, suba el límite "
            f"con la variable de entorno {MAX_XLSX_ENV} (en MB)."
        )


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name → its XML part inside the zip ('xl/worksheets/sheet1.xml'); {} when the file is not an XLSX
    this module understands (then the parser's own checks apply)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = ET.fromstring(archive.read("xl/workbook.xml"))
            rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, ET.ParseError, OSError, ValueError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = part
    return parts


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def used_range(path: Path, part: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of the cells with a value, or None when the cheap look
    says the sheet fits within columns A–Z and rows up to 999,999 (26 M cells at most)."""
    tail, flagged = b"", False
    with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
        while chunk := xml.read(_CHUNK):
            if _WIDE_OR_DEEP.search(tail + chunk):
                flagged = True
                break
            tail = chunk[-64:]
    if not flagged:
        return None
    with zipfile.ZipFile(path) as archive:
        data = archive.read(part)  # within the uncompressed-size cap
    if _UNREFERENCED.search(data):
        # calamine places such cells one after another: as many columns as the fullest row has cells, and rows
        # numbered by their own reference or their order. A bound, not the exact range.
        rows = data.split(b"<row")[1:]
        last_row = max([len(rows)] + [int(n) for n in _ROW_NUMBER.findall(data)])
        last_col = max([row.count(b"<c") for row in rows] + [_column_number(c) for c, _ in _VALUE_CELL.findall(data)])
        return (1, 1, last_row, max(last_col, 1))
    bounds = [None, None, 0, 0]
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
        while chunk := xml.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<c ")  # a cell split across chunks is read with the next one
            cut = cut if cut > 0 else len(data)
            for letters, digits in _VALUE_CELL.findall(data[:cut]):
                row, col = int(digits), _column_number(letters)
                bounds = [row if bounds[0] is None else min(bounds[0], row),
                          col if bounds[1] is None else min(bounds[1], col),
                          max(bounds[2], row), max(bounds[3], col)]
            tail = data[cut:]
    for letters, digits in _VALUE_CELL.findall(tail):
        row, col = int(digits), _column_number(letters)
        bounds = [row if bounds[0] is None else min(bounds[0], row), col if bounds[1] is None else min(bounds[1], col),
                  max(bounds[2], row), max(bounds[3], col)]
    if bounds[0] is None:
        return (1, 1, 1, 1)
    return tuple(bounds)


def check_sheet_extent(path: Path, sheet: str, parts: dict[str, str]) -> None:
    """Refuse a sheet whose used range would not fit in memory, before calamine allocates it. Cells without a
    reference (some generators omit it) are placed by calamine in order: their rows hold as many cells as the XML
    has, so the uncompressed-size cap bounds them."""
    part = parts.get(sheet)
    if not part:
        return
    try:
        bounds = used_range(path, part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return  # the parser will say the file is damaged
    if bounds is None:
        return
    first_row, first_col, last_row, last_col = bounds
    cells = (last_row - first_row + 1) * (last_col - first_col + 1)
    limit = max_cells()
    if cells > limit:
        last = f"{column_letters(last_col)}{last_row}"
        raise WorkbookTooLarge(
            f"La hoja «{sheet}» del libro «{path.name}» tiene datos de {column_letters(first_col)}{first_row} a "
            f"{last}: abrirla ocuparía {cells:,} celdas, más que el límite de {limit:,} (no se abre para no agotar la "
            f"memoria; podría ser un archivo malicioso). Cómo corregir: en Excel, Ctrl+Fin lleva a la última celda "
            f"con datos ({last}): borre lo que haya en ella y en las filas y columnas sobrantes, guarde el libro y "
            f"vuelva a cargarlo; o expórtelo como CSV. Si es legítimo, suba el límite con {MAX_CELLS_ENV}."
        )
