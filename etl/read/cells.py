"""A spreadsheet cell, a JSON value or a CSV field as the text the raw table holds."""
from __future__ import annotations

import datetime as dt
import json


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


def clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def json_text(value: object) -> str | None:
    """A JSON value as text: numbers without '.0', booleans 'true'/'false', null -> None, objects as JSON."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
