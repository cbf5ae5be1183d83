"""CSV export of exactly what a page shows, safe to open in a spreadsheet."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.csv_export import csv_bytes
from warehouse import read


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
    """One download button per chart or table, giving exactly the frame shown, with its periodo and datos_al.
    The file is written when the button is clicked (deferred), not on every view: most views download nothing, and
    at national scale writing every table's CSV on each run was a large share of the page's server time. The click
    does not rerun the page."""
    frame, datos_al = df.copy(), read.cutoff_date()  # the frame as shown now, whatever the page does to df later
    st.download_button(label, data=lambda: csv_bytes(with_provenance(frame, periodo, datos_al)), file_name=filename,
                       mime="text/csv", key=key, icon=":material/download:", on_click="ignore")
