"""The small CSV files people edit (data/catalogos/): rows as dicts of stripped text, and their Sí/No."""
from __future__ import annotations

import csv
from pathlib import Path

from common.names import normalize_name


def read_rows(path: Path) -> list[dict[str, str]]:
    """Every row of a UTF-8 (BOM or not) CSV file with a header row, values stripped ('' for an empty cell)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def is_yes(value: str | None) -> bool:
    """Sí, si, S, TRUE or 1, in any case and with or without accent."""
    return normalize_name(value) in {"SI", "S", "TRUE", "1"}
