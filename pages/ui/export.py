"""CSV export of exactly what a page shows, safe to open in a spreadsheet."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.csv_export import csv_bytes


def download_csv(df: pd.DataFrame, filename: str, *, key: str, label: str = "Descargar CSV") -> None:
    """One download button per chart or table, giving exactly the frame shown."""
    st.download_button(label, data=csv_bytes(df), file_name=filename, mime="text/csv", key=key,
                       icon=":material/download:")
