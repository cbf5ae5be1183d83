"""Plotly figures shared by several pages."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators.fmt import periodo_corto
from indicators.periods import month_range

ENTE_COLOR, PEER_COLOR, META_COLOR = "#7b1e3a", "#8a9bb0", "#1a9850"


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
                        hovertemplate=f"%{{x}}: %{{y:{fmt}}}<extra>{ente_label}</extra>")
        fig.add_scatter(x=x, y=part["Grupo de pares"], mode="lines", name=peer_label, legendgroup="grupo",
                        showlegend=row == 1, line=dict(color=PEER_COLOR, width=2, dash="dash"), row=row, col=1,
                        hovertemplate=f"%{{x}}: %{{y:{fmt}}}<extra>{peer_label}</extra>")
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
