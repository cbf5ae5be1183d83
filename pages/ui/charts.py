"""Plotly figures shared by several pages, and the escaping every chart goes through (escape_figure)."""
from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from common.formatting import periodo_corto
from indicators.periods import month_range

ENTE_COLOR, PEER_COLOR, META_COLOR = "#7b1e3a", "#8a9bb0", "#1a9850"
# Plotly draws a subset of HTML in every label, tick and hover text (<b>, <a href>, <span style>…): a catalog name
# or a value from a file would render as markup. Everything a trace or the layout shows from data is escaped;
# the templates (hovertemplate, texttemplate) are ours and keep their <extra> and <br>.
_DATA_PROPS = ("x", "y", "text", "hovertext", "customdata", "labels", "ids", "name", "legendgroup")
_MARKUP = re.compile(r"[<>&]")


def plain_label(value):
    """A text shown by plotly as the text it is: < > & become entities, which plotly draws as the characters."""
    return html.escape(value, quote=False) if isinstance(value, str) else value


def _escaped(value):
    """The same structure (list, tuple, array, nested) with its strings escaped; None when nothing needed it."""
    if isinstance(value, str):
        return plain_label(value) if _MARKUP.search(value) else None
    if isinstance(value, np.ndarray) and value.dtype.kind != "O":
        return None  # numbers, dates, booleans: no markup
    if isinstance(value, (list, tuple, np.ndarray)):
        # a map's thousands of cell texts: one search over all of them when none needs escaping (the usual case)
        flat = value.ravel().tolist() if isinstance(value, np.ndarray) else value
        if all(type(v) is str for v in flat) and not _MARKUP.search("".join(flat)):
            return None
        items = list(value)
        changed = [_escaped(v) for v in items]
        if all(c is None for c in changed):
            return None
        out = [v if c is None else c for v, c in zip(items, changed)]
        if isinstance(value, np.ndarray):
            array = np.empty(value.shape, dtype=object)
            array[...] = np.array(out, dtype=object).reshape(value.shape) if value.ndim == 1 else out
            return array
        return type(value)(out) if isinstance(value, tuple) else out
    return None


def escape_figure(fig: go.Figure) -> go.Figure:
    """Escapes, in place, every label and hover text of `fig` that came from data or catalogs: the traces' data
    (categories, texts, hover texts, custom data, names) and the layout's titles, tick texts, category orders and
    annotations."""
    for trace in fig.data:
        for prop in _DATA_PROPS:
            value = getattr(trace, prop, None)
            if value is not None and (fixed := _escaped(value)) is not None:
                setattr(trace, prop, fixed)
    for annotation in fig.layout.annotations or ():
        if annotation.text and (fixed := _escaped(annotation.text)) is not None:
            annotation.text = fixed
    if fig.layout.title and fig.layout.title.text and (fixed := _escaped(fig.layout.title.text)) is not None:
        fig.layout.title.text = fixed
    for axis in [a for name in dir(fig.layout) if name.startswith(("xaxis", "yaxis"))
                 if (a := getattr(fig.layout, name, None)) is not None and hasattr(a, "ticktext")]:
        if axis.ticktext is not None and (fixed := _escaped(axis.ticktext)) is not None:
            axis.ticktext = fixed
        if axis.categoryarray is not None and (fixed := _escaped(axis.categoryarray)) is not None:
            axis.categoryarray = fixed  # the same categories as the escaped data, or the order would not apply
        if axis.title and axis.title.text and (fixed := _escaped(axis.title.text)) is not None:
            axis.title.text = fixed
    return fig


def small_multiples(long: pd.DataFrame, chosen: list[str], by_id: pd.DataFrame, *, ente_label: str,
                    peer_label: str) -> go.Figure:
    """One line panel per indicator (own axis and unit): the ente, its peer group, and the meta."""
    names = [by_id.at[i, "nombre"] for i in chosen]
    titles = [f"{by_id.at[i, 'nombre']} ({by_id.at[i, 'unidad']})" for i in chosen]
    fig = make_subplots(rows=len(chosen), cols=1, shared_xaxes=True, subplot_titles=titles, vertical_spacing=0.09)
    months = month_range(min(long["Mes"]), max(long["Mes"]))
    labels = {m: periodo_corto("mes", m) for m in months}
    for row, (ind, name) in enumerate(zip(chosen, names), start=1):
        part = long[long["Indicador"] == name]
        unidad = by_id.at[ind, "unidad"]
        fmt = ",.0f" if unidad in ("solicitudes", "recursos") else ",.1f"
        x = [labels[m] for m in part["Mes"]]
        fig.add_scatter(x=x, y=part["Este ente"], mode="lines+markers", name=ente_label, legendgroup="ente",
                        showlegend=row == 1, line=dict(color=ENTE_COLOR, width=3), row=row, col=1,
                        hovertemplate=f"%{{x}}: %{{y:{fmt}}}<extra>{plain_label(ente_label)}</extra>")
        fig.add_scatter(x=x, y=part["Grupo de pares"], mode="lines", name=peer_label, legendgroup="grupo",
                        showlegend=row == 1, line=dict(color=PEER_COLOR, width=2, dash="dash"), row=row, col=1,
                        hovertemplate=f"%{{x}}: %{{y:{fmt}}}<extra>{plain_label(peer_label)}</extra>")
        meta = by_id.at[ind, "meta"]
        if pd.notna(meta):
            fig.add_scatter(x=[labels[months[0]], labels[months[-1]]], y=[meta, meta], mode="lines", name="Meta",
                            legendgroup="meta", showlegend=not any(t.name == "Meta" for t in fig.data),
                            line=dict(color=META_COLOR, width=1.5, dash="dot"), row=row, col=1,
                            hovertemplate=f"Meta: %{{y:{fmt}}}<extra></extra>")
        fig.update_yaxes(tickformat=fmt.replace(".1f", ".0f"), rangemode="tozero", row=row, col=1,
                         ticksuffix=" %" if unidad == "%" else "")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[labels[m] for m in months])
    fig.update_xaxes(title_text="Mes de recepción", row=len(chosen), col=1)
    return fig
