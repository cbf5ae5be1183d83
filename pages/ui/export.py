"""CSV export of exactly what a page shows, safe to open in a spreadsheet."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from warehouse import read

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
    """UTF-8 CSV with BOM (so spreadsheets detect the encoding), formula injection neutralized."""
    return neutralize(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def with_provenance(df: pd.DataFrame, periodo: str | None = None, datos_al=None) -> pd.DataFrame:
    """The frame as a file says what it is: `periodo` first (when the page shows one period) and `datos_al`, the
    warehouse's cut-off date (aaaa-mm-dd), last."""
    out = df.copy()
    if periodo is not None and "periodo" not in out.columns:
        out.insert(0, "periodo", periodo)
    if "datos_al" not in out.columns:
        out["datos_al"] = datos_al.isoformat() if datos_al is not None else None
    return out


def download_csv(df: pd.DataFrame, filename: str, *, key: str, label: str = "Descargar CSV",
                 periodo: str | None = None) -> None:
    """One download button per chart or table, giving exactly the frame shown, with its periodo and datos_al."""
    data = csv_bytes(with_provenance(df, periodo, read.cutoff_date()))
    st.download_button(label, data=data, file_name=filename, mime="text/csv", key=key, icon=":material/download:")
