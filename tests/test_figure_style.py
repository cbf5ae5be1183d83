"""The common chart look (layout.style_figure) and the escaping of chart labels (charts.escape_figure) on their fast
paths: style_figure assigns each part of the layout once instead of plotly's update_layout, and escape_figure checks
thousands of clean cell texts with one search. Both must give what the slow way gave."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from pages.ui.charts import escape_figure
from pages.ui.layout import style_figure


def _update_layout_way(fig, *, height=420, legend=True, legend_title=None):
    fig.update_layout(height=height, separators=".,", showlegend=bool(legend),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
                      margin=dict(l=10, r=10, t=40, b=10), hoverlabel=dict(namelength=-1),
                      font=dict(family="Source Sans Pro, sans-serif", size=13))
    if legend_title is not None:
        fig.update_layout(legend_title_text=legend_title)
    return fig


def _figures():
    frame = pd.DataFrame({"Mes": ["ene", "feb", "ene"], "Valor": [3, 1, 2], "Grupo": ["A", "A", "B"]})
    yield lambda: px.bar(frame, x="Mes", y="Valor", color="Grupo")    # plotly express titles the legend «Grupo»
    yield lambda: go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    yield lambda: go.Figure(layout=dict(margin=dict(l=99, pad=3), legend=dict(title=dict(text="T", side="top")),
                                        font=dict(color="#7b1e3a")))


def test_style_figure_merges_like_update_layout():
    for make in _figures():
        for options in ({}, {"height": 300, "legend": False}, {"legend_title": "Comparación"}):
            expected = _update_layout_way(make(), **options).to_plotly_json()["layout"]
            styled = style_figure(make(), **options).to_plotly_json()["layout"]
            assert json.dumps(styled, sort_keys=True) == json.dumps(expected, sort_keys=True)
    styled = style_figure(next(_figures())()).layout
    assert styled.legend.title.text == "Grupo" and styled.margin.l == 10 and styled.font.size == 13


def test_escape_figure_escapes_the_one_marked_up_cell_among_thousands():
    texts = np.full((60, 48), "SO01593 · fr. 91-I (Obligación): 80.5 %", dtype=object)
    texts[7, 3] = "<b>ENTE</b> & cía"
    clean = np.full((60, 48), "80", dtype=object)
    fig = go.Figure(go.Heatmap(z=np.arange(2880.0).reshape(60, 48), text=clean, hovertext=texts))
    trace = escape_figure(fig).data[0]
    assert trace.hovertext[7][3] == "&lt;b&gt;ENTE&lt;/b&gt; &amp; cía"
    assert trace.hovertext[0][0] == "SO01593 · fr. 91-I (Obligación): 80.5 %"
    assert np.asarray(trace.text).tolist() == clean.tolist()            # nothing to escape: left as it was
    assert np.asarray(trace.z)[59, 47] == 2879.0
