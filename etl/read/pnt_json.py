"""The PNT (SISAI 2.0) open-data JSON export: one record per line, and a repair for its broken records.

About 7% of real records are invalid JSON because citizens' free text holds unescaped double quotes, e.g.
    {"Folio":"1","DescripcionSolicitud":"solicito el "plan" anual","OtrosDatos":"",...}
The export always writes its keys in the same order, so a broken record is repaired by cutting it at the
known keys: each value runs up to the next `,"NextKey":` (or to the closing brace for the last key).
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

PNT_FIELDS: tuple[str, ...] = (
    "Folio", "FechaSolicitud", "Dependencia", "Estatus", "MedioEntrada", "TipoSolicitud",
    "DescripcionSolicitud", "OtrosDatos", "ArchivosAdjuntos", "MedioEntrega", "FechaLimite", "Respuesta",
    "TextoRespuesta", "FechaRespuesta", "FechaSolicitudTermino", "Pais", "Estado", "Municipio",
    "CodigoPostal", "Sector", "Prorroga", "Prevencion", "Disponibilidad", "TipoDerechoARCOP", "Queja",
    "FechaOficialRecepcion",
)
# Older exports end at "Queja"; newer ones add this key at the end.
OPTIONAL_FIELDS: frozenset[str] = frozenset({"FechaOficialRecepcion"})

# strict=False: a raw tab or newline inside a string is accepted (the text is discarded anyway).
_DECODER = json.JSONDecoder(strict=False)
_FIRST_KEY = re.compile(r'^\{\s*"([^"\\]+)"\s*:')
_ANY_KEY = re.compile(r'"([^"\\]{1,60})"\s*:')


class RecordError(ValueError):
    """A record that is not valid JSON and could not be repaired; str() is the Spanish reason."""


def decode_record(text: str, key_order: Sequence[str]) -> tuple[dict, bool]:
    """Parse one record's text; return (record, was_repaired). Raises RecordError."""
    try:
        obj = _DECODER.decode(text)
    except json.JSONDecodeError:
        return repair_record(text, key_order), True
    if not isinstance(obj, dict):
        raise RecordError("el registro no es un objeto JSON {…}")
    return obj, False


def try_decode(text: str) -> dict | None:
    """The record if `text` is a valid JSON object, else None (no repair attempted)."""
    try:
        obj = _DECODER.decode(text)
    except json.JSONDecodeError:
        return None
    return obj if isinstance(obj, dict) else None


def repair_record(text: str, key_order: Sequence[str]) -> dict:
    """Cut `text` at the expected keys, in order, and decode each value on its own."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        raise RecordError("el registro JSON no empieza con «{» o no termina con «}»")
    body = body[1:-1]
    spans = _locate_keys(body, key_order)
    record: dict[str, object] = {}
    for i, (key, value_start, _token_start) in enumerate(spans):
        value_end = spans[i + 1][2] if i + 1 < len(spans) else len(body)
        record[key] = _decode_value(body[value_start:value_end], key)
    return record


def _locate_keys(body: str, key_order: Sequence[str]) -> list[tuple[str, int, int]]:
    """(key, where its value starts, where its `,"key":` token starts) for each expected key, in order."""
    spans: list[tuple[str, int, int]] = []
    pos = 0
    for index, key in enumerate(key_order):
        if index == 0:
            found = _key_pattern(key, first=True).match(body)
        else:
            found = _key_pattern(key, first=False).search(body, pos)
        if found is None:
            if key in OPTIONAL_FIELDS:
                continue
            raise RecordError(f"JSON inválido y no se pudo reparar: no se encontró el campo «{key}» en su lugar")
        spans.append((key, found.end(), found.start()))
        pos = found.end()
    return spans


@functools.lru_cache(maxsize=256)
def _key_pattern(key: str, first: bool) -> re.Pattern[str]:
    prefix = r"\s*" if first else r"\s*,\s*"
    return re.compile(prefix + '"' + re.escape(key) + r'"\s*:\s*')


def _decode_value(raw: str, key: str) -> object:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == '"' and raw[-1] == '"':
        return _unescape(raw[1:-1])
    try:
        return _DECODER.decode(raw)
    except json.JSONDecodeError:
        raise RecordError(f"JSON inválido y no se pudo reparar: valor ilegible en el campo «{key}»") from None


def _unescape(inner: str) -> str:
    """JSON string contents whose inner double quotes may be unescaped."""
    try:
        return _DECODER.decode('"' + inner + '"')
    except json.JSONDecodeError:
        pass
    try:
        return _DECODER.decode('"' + _escape_bare_quotes(inner) + '"')
    except json.JSONDecodeError:
        # A stray backslash as well: keep the text as written (free text is discarded anyway).
        return inner.replace('\\"', '"')


def _escape_bare_quotes(inner: str) -> str:
    out = []
    chars = iter(inner)
    for ch in chars:
        if ch == "\\":
            out.append(ch + next(chars, ""))
        elif ch == '"':
            out.append('\\"')
        else:
            out.append(ch)
    return "".join(out)


def first_key(line: str) -> str | None:
    found = _FIRST_KEY.match(line)
    return found.group(1) if found else None


def keys_in_text(text: str) -> list[str]:
    """Key names as they appear in a (possibly broken) record: used only to recognize the layout."""
    seen: list[str] = []
    for key in _ANY_KEY.findall(text):
        if key not in seen:
            seen.append(key)
    return seen


def looks_line_delimited(first_record_line: str) -> bool:
    """True for the PNT shape (a whole record on one line), False for pretty-printed or single-line arrays."""
    text = clean_record_text(first_record_line)
    if not text.startswith('{"') or first_key(text) is None:
        return False
    try:
        _obj, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError:
        return True  # a broken record, as in the PNT export: the repair will handle it
    return end == len(text)


def clean_record_text(text: str) -> str:
    """Drop the array's trailing ',' or ']' around one record's text."""
    text = text.strip()
    if text.endswith("]"):
        inner = text[:-1].rstrip()
        if inner.endswith("}") or inner.endswith("},"):
            text = inner
    if text.endswith(","):
        text = text[:-1].rstrip()
    return text


@dataclass
class LineCount:
    """How the file's lines were used: records, lines inside records of several lines, and blank or bracket lines."""
    registros: int = 0
    continuacion: int = 0
    otras: int = 0

    def note(self) -> str | None:
        if not (self.continuacion or self.otras):
            return None
        lines = self.registros + self.continuacion + self.otras
        return (f"{lines:,} líneas: {self.registros:,} registros, {self.continuacion:,} líneas dentro de registros de "
                f"varias líneas (saltos de línea en un texto) y {self.otras:,} líneas en blanco o de corchetes.")


def group_records(lines: Iterable[tuple[int, str]], repair_order: Sequence[str] = PNT_FIELDS,
                  count: LineCount | None = None) -> Iterator[tuple[int, str, dict | None]]:
    """(line number, record text, the record when its text is valid JSON) from the file's numbered lines.

    Each line is parsed as a record of its own first: a line that is a whole JSON object is a record, whatever its
    spacing or key order, with or without a Folio. A line that is not valid JSON starts a record when it opens like
    one (`{"Key":`); otherwise it continues the record before it only while that record is unfinished (neither
    valid nor repairable: a raw line break inside a citizen's text). Any other line is a record of its own, which
    the reader rejects: a stray line never glues itself, or another record, to its neighbour."""
    count = count if count is not None else LineCount()
    start, buffer = 0, []
    for number, line in lines:
        stripped = line.strip()
        if not start and not buffer and stripped.startswith("["):
            stripped = stripped[1:].lstrip()  # the array's opening bracket, before the first record
        text = clean_record_text(stripped)
        if not buffer and text in ("", "]"):
            count.otras += 1
            continue  # blank lines and the array's brackets
        record = try_decode(text) if text.startswith("{") else None
        if record is not None or (buffer and _opens_record(text)) or not buffer:
            if buffer:
                yield _finished(start, buffer)
            count.registros += 1
            if record is not None:
                start, buffer = number, []
                yield number, text, record
                continue
            start, buffer = number, [stripped]
        else:
            count.continuacion += 1
            buffer.append(line.rstrip("\r\n"))
        if _complete("\n".join(buffer), repair_order):
            yield _finished(start, buffer)
            buffer = []
    if buffer:
        yield _finished(start, buffer)


def _finished(start: int, buffer: list[str]) -> tuple[int, str, dict | None]:
    text = clean_record_text("\n".join(buffer))
    return start, text, try_decode(text)


def _opens_record(text: str) -> bool:
    return first_key(text) is not None


def _complete(text: str, repair_order: Sequence[str]) -> bool:
    """Whether a record's text needs no more lines: it is valid JSON, or the known repair explains it."""
    text = clean_record_text(text)
    if not text.endswith("}"):
        return False
    if try_decode(text) is not None:
        return True
    try:
        repair_record(text, repair_order)
    except RecordError:
        return False
    return True
