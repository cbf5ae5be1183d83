"""Display tables: column configs with Spanish labels and number formats, ente pickers."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import format_value, num
from pages.ui.gate import ente_restriction
from pages.ui.layout import TODOS, url_selectbox
from pages.ui.on_screen import ente_picker


TEXT_WIDTHS = {"Ente": 300, "Motivo": "large", "Indicador": 260}


def _number_format(spec) -> str:
    if spec == "%":
        return "%.1f %%"
    return "localized" if spec == 0 else f"%.{spec}f"


def _format_cell(value, spec, unidad: str | None) -> str:
    if spec == "unidad":
        return format_value(value, unidad or "")
    if spec == "%":
        return format_value(value, "%")
    return num(value, spec)


def show_table(df: pd.DataFrame, *, key: str, numbers: dict | None = None, height: int | str = "auto",
               selectable: bool = False, widths: dict | None = None, hidden: list[str] | None = None):
    """st.dataframe with Spanish-friendly cells. numbers maps a column to its format: 0 (integer with thousands
    separators), 1 (one decimal), '%' (one decimal and ' %') or 'unidad' (each row by its 'Unidad' column).
    Columns with missing values are shown as text with '—' (Streamlit would print 'None'). widths: column → pixels
    or small/medium/large, so a phone shows the first columns (the ente and its value) without scrolling."""
    shown = df.copy()
    config = {}
    for col, spec in (numbers or {}).items():
        if col not in shown.columns:
            continue
        if spec != "unidad" and shown[col].notna().all():
            config[col] = st.column_config.NumberColumn(col, format=_number_format(spec))
            continue
        units = shown["Unidad"] if spec == "unidad" and "Unidad" in shown.columns else [None] * len(shown)
        shown[col] = [_format_cell(v, spec, u) for v, u in zip(shown[col], units)]
        config[col] = st.column_config.TextColumn(col, alignment="right")
    for col in shown.columns:
        if col not in config and not pd.api.types.is_numeric_dtype(shown[col]):
            shown[col] = shown[col].astype(object).where(shown[col].notna(), "")
            if col in TEXT_WIDTHS:
                config[col] = st.column_config.TextColumn(col, width=TEXT_WIDTHS[col])
    for col, width in (widths or {}).items():
        if col in shown.columns:
            config[col] = {**(config.get(col) or st.column_config.Column(col)), "width": width}
    for col in hidden or []:  # kept in the frame (a row's key), not shown
        config[col] = None
    if selectable:  # a click on a row selects it: the page opens what the row is about (selected_row)
        return st.dataframe(shown, hide_index=True, width="stretch", column_config=config, key=key, height=height,
                            on_select="rerun", selection_mode="single-row")
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, key=key, height=height)
    return None


def selected_row(event) -> int | None:
    """The position of the row a visitor clicked in a selectable table, or None."""
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    return int(rows[0]) if rows else None


def ente_label(entes: pd.DataFrame):
    """format_func for ente ids: 'Secretaría de Finanzas y Planeación (SEFIPLAN)'. Built over plain object arrays: a
    picker formats every one of thousands of entes on each run (iterating pandas' Arrow strings took 25 ms for 8 000)."""
    nombre = entes["nombre_oficial"].to_numpy(dtype=object, na_value=None)
    siglas = entes["siglas"].to_numpy(dtype=object, na_value=None)
    labels = [f"{n} ({s})" if n is not None and isinstance(s, str) and s and s != n else n
              for n, s in zip(nombre, siglas)]
    names = dict(zip(entes["ente_id"].to_numpy(dtype=object, na_value=None), labels))
    return lambda ente_id: "Todos los entes" if ente_id == TODOS else names.get(ente_id, ente_id)


def name_with_siglas(row) -> str:
    """'Nombre (SIGLAS)' of a row with nombre and siglas; the name alone when the siglas add nothing."""
    siglas = row.get("siglas")
    return f"{row['nombre']} ({siglas})" if isinstance(siglas, str) and siglas and siglas != row["nombre"] \
        else str(row["nombre"])


def group_and_ente_filters(entes: pd.DataFrame, containers) -> tuple[str | None, str | None]:
    """Grupo de pares (Todos + groups) and ente (Todos + entes of that group), both in the URL.
    Returns (grupo or None, ente_id or None). On an internal page an enlace or titular gets only their own ente."""
    own = ente_restriction()
    if own is not None:
        mine = entes[entes["ente_id"].isin(own)]
        with containers[1]:
            ente = url_selectbox("Ente", mine["ente_id"].tolist() or sorted(own), "ente", sorted(own)[0],
                                 format_func=ente_label(entes), help="Su rol muestra solo los datos de su ente.")
        return None, ente
    groups = sorted(entes["grupo_pares"].dropna().unique().tolist())
    with containers[0]:
        grupo = url_selectbox("Grupo de pares", [TODOS, *groups], "grupo", TODOS,
                              format_func=lambda g: "Todos los grupos" if g == TODOS else g)
    pool = entes if grupo == TODOS else entes[entes["grupo_pares"] == grupo]
    with containers[1]:
        ente = ente_picker("Ente", [TODOS, *pool["ente_id"].tolist()], "ente", TODOS,
                           format_func=ente_label(entes), pinned=(TODOS,))
    return (None if grupo == TODOS else grupo), (None if ente == TODOS else ente)
