"""CSV files that are safe to open in a spreadsheet: UTF-8 with BOM (so spreadsheets detect the encoding) and every
text cell that a spreadsheet would read as a formula neutralized. The pages' downloads and the participación store's
exports (access log, delivery log: their texts come from outside, e.g. an SMTP server's answer) use it."""
from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe; numbers untouched."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of df where every text cell (and column name) starting with = + - @ tab or CR gets a leading '."""
    out = df.copy()
    out.columns = [neutralize_cell(str(c)) for c in out.columns]
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[col] = series.map(neutralize_cell, na_action="ignore")
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with BOM, CRLF line ends, formula injection neutralized."""
    return neutralize(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
