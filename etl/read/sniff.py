"""What a file is, from its first bytes and lines: a workbook, JSON or CSV; the CSV's separator and header row."""
from __future__ import annotations

import codecs
import itertools
from pathlib import Path

from common.errors import FileError
from etl.layouts import Candidate, Match, choose_header
from etl.read import xlsx_guard
from etl.read.csv_records import split_line


HEADER_SCAN_ROWS = 20  # a title or blank rows may precede the header row
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls)


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
        xlsx_guard.check_xlsx_size(path)
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


def head_lines(path: Path, count: int) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [line.rstrip("\r\n") for line in itertools.islice(fh, count)]


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


def csv_header(text_path: Path, fuente, path: Path, layouts) -> tuple[Candidate, Match]:
    """The header line (with its separator) among the first lines, and the layout it matches."""
    candidates = []
    for number, line in enumerate(head_lines(text_path, HEADER_SCAN_ROWS), start=1):
        if line.strip():
            sep = sniff_separator(line)
            candidates.append(Candidate((number, sep), _split_line(line, sep), f"la línea {number}"))
    return choose_header(candidates, fuente, "csv", path.name, layouts)
