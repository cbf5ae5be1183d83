"""Cell references of a spreadsheet, as Excel writes them (the XLSX guard reads them, the sample writes them)."""
from __future__ import annotations


def column_letters(n: int) -> str:
    """1 → 'A', 27 → 'AA', 16384 → 'XFD'."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out
