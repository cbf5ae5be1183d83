"""Reader for the quarterly request statistics as the garante published them (CSV or XLSX).

The tables have two header rows, category rows (DEPENDENCIAS, ÓRGANOS DESCONCENTRADOS…), numbered or
unnumbered ente rows, TOTAL rows after each block, and names spelled as published. A row with a name and no
figures means the ente did not report: it is kept as "no reportado", never as zero.

The output table has one row per ente row and per TOTAL row (`tipo_fila` 'detalle' | 'total'), every figure
as text; staging parses and checks them. `filas_leidas` counts ente rows only: TOTAL rows are the published
sums that staging reconciles, not records.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb

from common.errors import FileError
from common.names import normalize_name
from etl.read import xlsx_guard
from etl.read.cells import cell_text
from etl.read.csv_records import raise_field_limit
from etl.read.result import ReadResult
from etl.read.sniff import sniff_kind, sniff_separator
from etl.read.text import utf8_text
from etl.read.writer import TableWriter

LAYOUT = "estadistica_trimestral_publicada"
# Sub-header text (normalized) → field. "TOTAL" appears twice: requesters' total, then delivery modes' total.
FIGURES = {
    "HOMBRE": "hombre", "MUJER": "mujer", "PERSONAS MORALES": "personas_morales",
    "NO IDENTIFICADO": "no_identificado", "TOTAL DE COMPETENCIA": "competencia",
    "TOTAL DE NO COMPETENCIA": "no_competencia", "POR ESCRITO": "por_escrito", "VERBAL": "verbal",
    "TELEGRAFO": "telegrafo", "MEDIOS ELECTRONICOS": "medios_electronicos",
    "TIEMPO PROMEDIO DE RESP": "tiempo_promedio", "TIEMPO PROMEDIO DE RESPUESTA": "tiempo_promedio",
}
TOTALS = ("total", "total_modalidades")
FIELDS = ("trimestre", "origen_trimestre", "categoria", "tipo_fila", "numero", "dependencia", "hombre", "mujer",
          "personas_morales", "no_identificado", "total", "competencia", "no_competencia", "por_escrito", "verbal",
          "telegrafo", "medios_electronicos", "total_modalidades", "tiempo_promedio")
CATEGORY_ROWS = {"DEPENDENCIAS", "ORGANOS DESCONCENTRADOS", "ORGANOS DESCONCETRADOS", "ORGANISMOS DESCENTRALIZADOS",
                 "ENTIDADES", "FIDEICOMISOS", "PODER EJECUTIVO"}
ORDINALS = {"PRIMER": 1, "PRIMERO": 1, "SEGUNDO": 2, "TERCER": 3, "TERCERO": 3, "CUARTO": 4}
_QUARTER_PATTERNS = (
    re.compile(r"(20\d\d)\s*-?\s*T\s*([1-4])\b"),                                     # 2018-T1, 2018 T4, 2018_t4
    re.compile(r"\b([1-4])\s*(?:ER|ERO|DO|O|TO|RO)?\s*TRIMESTRE\s*(?:DE|DEL)?\s*(20\d\d)"),  # 4to trimestre 2017
    re.compile(r"\bTRI\s*0?([1-4])\s*(20\d\d)"),                                      # tri_01_2018
    re.compile(r"\b(PRIMERO?|SEGUNDO|TERCERO?|CUARTO)\s+TRIMESTRE\s*(?:DE|DEL)?\s*(?:EJERCICIO\s*)?(20\d\d)"),
)


def quarter_in(text: str) -> str | None:
    """'2018-T1' from texts like 'CUARTO TRIMESTRE 2017', 'banco_de_datos_4to_trimestre_2017', '2018_t4'."""
    norm = normalize_name(text.replace("_", " "))
    for n, pattern in enumerate(_QUARTER_PATTERNS):
        match = pattern.search(norm)
        if not match:
            continue
        a, b = match.groups()
        if n == 0:
            return f"{a}-T{b}"
        quarter = ORDINALS[a] if n == 3 else int(a)
        return f"{b}-T{quarter}"
    return None


def _rows(path: Path, kind: str) -> tuple[list[list[str]], str | None]:
    if kind in ("xlsx", "xls"):
        from python_calamine import CalamineWorkbook
        try:
            workbook = CalamineWorkbook.from_path(str(path))
            if kind == "xlsx" and workbook.sheet_names:
                xlsx_guard.check_sheet_extent(path, workbook.sheet_names[0], xlsx_guard.sheet_parts(path))
            sheet = workbook.get_sheet_by_index(0)
        except FileError:  # a sheet too large to open (xlsx_guard)
            raise
        except Exception as exc:
            raise FileError(f"El libro «{path.name}» no se puede abrir ({exc}). Cómo corregir: ábralo en una hoja de "
                            "cálculo, guárdelo de nuevo como XLSX y vuelva a intentarlo.") from None
        return [[cell_text(c) or "" for c in row] for row in sheet.to_python(skip_empty_area=False)], None
    raise_field_limit()
    with utf8_text(path) as text, open(text.path, encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        return [[c.strip() for c in row] for row in csv.reader(fh, delimiter=sniff_separator(first))], text.encoding


def _find_subheader(rows: list[list[str]]) -> int | None:
    for i, row in enumerate(rows[:30]):
        if any(normalize_name(c) == "HOMBRE" for c in row) and any(normalize_name(c) == "MUJER" for c in row):
            return i
    return None


def _columns(rows: list[list[str]], sub: int) -> tuple[int, dict[str, int], int | None]:
    """Index of the name column, of each figure, and of a quarter column if the table has one."""
    figures: dict[str, int] = {}
    totals = iter(TOTALS)
    for j, cell in enumerate(rows[sub]):
        key = normalize_name(cell)
        if key in FIGURES:
            figures[FIGURES[key]] = j
        elif key == "TOTAL":
            figures[next(totals, "total_extra")] = j
    header_rows = rows[max(0, sub - 3): sub + 1]
    name_col = next((j for r in header_rows for j, c in enumerate(r) if normalize_name(c) in ("S O", "SO", "SUJETO OBLIGADO", "DEPENDENCIA", "ENTE")), None)
    quarter_col = next((j for r in header_rows for j, c in enumerate(r) if normalize_name(c) in ("TRIMESTRE", "PERIODO")), None)
    if name_col is None:  # the first column that is not the row number
        name_col = min(figures.values()) - 1 if figures else 0
    return name_col, figures, quarter_col


def read_quarterly(path: Path, fuente: str, con: duckdb.DuckDBPyConnection, table: str) -> ReadResult:
    path = Path(path)
    kind = sniff_kind(path)
    rows, encoding = _rows(path, kind)
    sub = _find_subheader(rows)
    if sub is None:
        raise FileError(f"«{path.name}» no parece una tabla de estadística trimestral publicada: no se encontró la fila "
                        "de encabezados con «Hombre» y «Mujer». Cómo corregir: deje el archivo tal como se publicó, "
                        "con sus dos filas de encabezado.")
    name_col, figures, quarter_col = _columns(rows, sub)
    missing = [f for f in ("hombre", "mujer", "total", "competencia", "no_competencia") if f not in figures]
    if missing:
        raise FileError(f"«{path.name}»: faltan las columnas {', '.join(missing)} en la fila {sub + 1} de encabezados. "
                        "Cómo corregir: use la tabla completa tal como se publicó.")
    quarter, origin = _quarter(path, rows, sub, quarter_col)
    result = ReadResult(LAYOUT, kind, encoding, None, 0, None)
    result.avisos.append(f"Trimestre {quarter} tomado {origin}.")
    writer = TableWriter(con, table, FIELDS)
    category = None
    for i, row in enumerate(rows[sub + 1:], start=sub + 2):
        cells = row + [""] * (max(figures.values()) + 1 - len(row))
        name = cells[name_col] if name_col < len(cells) else ""
        values = {f: cells[j] or None for f, j in figures.items() if f != "total_extra"}
        key = normalize_name(name)
        if not key and not any(values.values()):
            continue  # a blank spreadsheet row
        if key in CATEGORY_ROWS and not any(values.values()):
            category = key
            continue
        tipo = "total" if key == "TOTAL" else "detalle"
        row_quarter = quarter_in(cells[quarter_col]) if quarter_col is not None and quarter_col < len(cells) else None
        number = cells[name_col - 1] if name_col > 0 and tipo == "detalle" else None
        record = {"trimestre": row_quarter or quarter, "origen_trimestre": origin, "categoria": category,
                  "tipo_fila": tipo, "numero": number or None, "dependencia": name or None, **values}
        writer.add(i, [record.get(f) for f in FIELDS])
        result.filas_leidas += tipo == "detalle"
    writer.close()
    not_reported = con.execute(f"SELECT count(*) FROM {table} WHERE tipo_fila = 'detalle' AND hombre IS NULL "
                               "AND total IS NULL").fetchall()[0][0]
    if not_reported:
        result.avisos.append(f"{not_reported} entes sin cifras: se registran como «no reportado», no como cero.")
    return result


def _quarter(path: Path, rows: list[list[str]], sub: int, quarter_col: int | None) -> tuple[str, str]:
    if quarter_col is not None:
        for row in rows[sub + 1:]:
            if quarter_col < len(row) and (found := quarter_in(row[quarter_col])):
                return found, "de la columna de trimestre"
    for row in rows[:sub]:
        for cell in row:
            if cell and (found := quarter_in(cell)):
                return found, "del título de la tabla"
    if found := quarter_in(path.stem):
        return found, "del nombre del archivo"
    raise FileError(f"No se sabe a qué trimestre corresponde «{path.name}»: la tabla no tiene columna de trimestre ni "
                    "título con el trimestre, y el nombre del archivo no lo dice. Cómo corregir: renombre el archivo "
                    "como …_2018_t4_… o agregue un título como «CUARTO TRIMESTRE 2018».")
