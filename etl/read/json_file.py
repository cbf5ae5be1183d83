"""JSON inputs: the PNT export (one record per line, repaired when a citizen's text broke it) or a standard
JSON array, parsed whole."""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from common.errors import FileError
from etl.layouts import Candidate, Match, choose_header
from etl.read import pnt_json
from etl.read.cells import is_number, json_text
from etl.read.result import FOLIO_FIELDS, ReadResult, add_common_notes, columns_used
from etl.read.text import TextFile
from etl.read.writer import TableWriter


def read_json(path, text: TextFile, fuente, con, table, layouts) -> ReadResult:
    first = _first_record_line(text.path)
    if first is not None and pnt_json.looks_line_delimited(first):
        return _read_json_lines(path, text, fuente, con, table, layouts)
    return _read_json_document(path, text, fuente, con, table, layouts)


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


def _read_json_lines(path, text: TextFile, fuente, con, table, layouts) -> ReadResult:
    """One record per line (the PNT export): json.loads per record, repair only when it fails."""
    count = pnt_json.LineCount()
    records = pnt_json.group_records(_numbered_lines(text.path), count=count)
    head = list(itertools.islice(records, 50))
    if not head:
        raise _no_records(path)
    key_order = next((list(record) for _fila, _text, record in head if record is not None), None)
    headers = key_order or pnt_json.keys_in_text(head[0][1])
    cand, match = choose_header([Candidate(None, headers, "el primer registro")], fuente, "json", path.name, layouts)
    fuente = match.layout.fuente
    repair_order = _repair_order(key_order)
    result = ReadResult(match.layout.key, "json", text.encoding, None, 0, None, columnas=columns_used(match, cand),
                        fuente=fuente)
    fields = layouts.canonical(fuente).fields
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


def _read_json_document(path, text: TextFile, fuente, con, table, layouts) -> ReadResult:
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
    cand, match = choose_header([Candidate(None, headers, "los registros")], fuente, "json", path.name, layouts)
    fuente = match.layout.fuente
    fields = layouts.canonical(fuente).fields
    result = ReadResult(match.layout.key, "json", text.encoding, None, 0, None, columnas=columns_used(match, cand),
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
    return sum(1 for k in folio_keys if is_number(record.get(k)))


def _json_notes(result: ReadResult, numeric_folios: int, dropped: int) -> None:
    if numeric_folios:
        result.avisos.append(
            f"{numeric_folios} folios venían como número y no como texto: si tenían ceros a la izquierda, "
            "no se pueden recuperar"
        )
    add_common_notes(result, dropped)


def _no_records(path: Path) -> FileError:
    return FileError(
        f"El archivo «{path.name}» no contiene registros. "
        "Cómo corregir: vuelva a exportarlo desde el sistema de origen o quítelo de la carpeta."
    )
