"""XLSX and XLS workbooks (python-calamine, after the guard of etl/read/xlsx_guard.py): every sheet whose headers
match a layout is a load of its own; every other sheet is named in the notes with why it was left out."""
from __future__ import annotations

import itertools

from common.errors import FileError
from etl.layouts import Candidate, LayoutNotFound, Match, choose_header
from etl.read import xlsx_guard
from etl.read.cells import cell_text, is_number
from etl.read.result import FOLIO_FIELDS, ReadResult, add_common_notes, columns_used
from etl.read.sniff import HEADER_SCAN_ROWS
from etl.read.writer import table_writer


def read_spreadsheet(path, kind, fuente, con, table, layouts) -> ReadResult:
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
            found = _sheet_header(workbook, path, kind, fuente, layouts, sheet_name, parts, seen, skipped)
            if found is None:
                continue
            rows, cand, match = found
            sheet_table = table if not results else f"{table}_h{len(results) + 1}"
            results.append(_load_sheet(con, sheet_table, sheet_name, rows, cand, match, kind, layouts))
    finally:
        workbook.close()
    if not results:
        if not seen:
            raise FileError(
                f"El libro «{path.name}» no tiene datos en ninguna hoja. "
                "Cómo corregir: verifique que sea el archivo correcto."
            )
        choose_header(seen, fuente, kind, path.name, layouts)  # raises the most helpful explanation
        raise AssertionError("unreachable")
    first = results[0]
    first.avisos[:0] = skipped
    if len(results) > 1:
        first.avisos.insert(0, f"El libro tiene {len(results)} hojas con datos: cada una se carga como un archivo aparte "
                               "(" + ", ".join(f"«{r.hoja}»" for r in results) + ").")
    first.hojas = results[1:]
    return first


def _sheet_header(workbook, path, kind, fuente, layouts, sheet_name, parts, seen, skipped):
    """(rows, header candidate, match) of a sheet with a recognizable header row among its first rows, or None
    with the reason added to `skipped`. A sheet too large to open stops the file (FileError)."""
    xlsx_guard.check_sheet_extent(path, sheet_name, parts)
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
        cand, match = choose_header(candidates, fuente, kind, path.name, layouts)
    except LayoutNotFound as exc:
        seen.extend(candidates)
        why = str(exc).split(". Cómo corregir")[0].split("\n")[0]
        skipped.append(f"Hoja «{sheet_name}» omitida: sus encabezados no son de un formato conocido de esta carpeta "
                       f"({why[:300]}).")
        return None
    return itertools.chain(head[cand.position:], rows), cand, match


def _load_sheet(con, table, sheet_name, rows, cand, match, kind, layouts) -> ReadResult:
    fuente = match.layout.fuente
    result = ReadResult(match.layout.key, kind, None, None, 0, sheet_name, columnas=columns_used(match, cand),
                        fuente=fuente)
    writer = table_writer(con, table, layouts.canonical(fuente))
    numeric_folios = _load_sheet_rows(rows, cand.position, match, writer)
    result.filas_leidas = writer.close()
    result.table = table
    if numeric_folios:
        result.avisos.append(
            f"{numeric_folios} folios son celdas numéricas: si tenían ceros a la izquierda se perdieron. "
            "Cómo corregir: dé formato de texto a la columna de folios en el sistema de origen."
        )
    add_common_notes(result, writer.skipped_empty)
    return result


def _load_sheet_rows(rows, header_row: int, match: Match, writer) -> int:
    indices = [match.columns.get(f) for f in writer.fields]
    folio_idx = [i for f, i in zip(writer.fields, indices) if f in FOLIO_FIELDS and i is not None]
    numeric_folios = 0
    for offset, row in enumerate(rows, start=1):
        values = [cell_text(row[i]) if i is not None and i < len(row) else None for i in indices]
        if not any(cell_text(c) for c in row):
            continue  # a blank spreadsheet row: not data, not worth a note
        numeric_folios += sum(1 for i in folio_idx if i < len(row) and is_number(row[i]))
        writer.add(header_row + offset, values)
    return numeric_folios
