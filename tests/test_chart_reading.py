"""Charts that don't mislead (issue 20 item 6), on the sample warehouse: the goal line is named in the legend, never by
a label drawn on the bars; every legend shown has a title; bars are sorted by the value they show."""
from __future__ import annotations

import base64
import json

import numpy as np

from conftest import run_page, table_with


def figures(at) -> dict[str, dict]:
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def numbers(value) -> list:
    """Plotly 7 sends numeric arrays as base64 ('bdata')."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def legend_title(fig: dict) -> str:
    return ((fig["layout"].get("legend") or {}).get("title") or {}).get("text") or ""


def assert_legends_titled(figs: dict[str, dict]) -> None:
    untitled = [key for key, fig in figs.items() if fig["layout"].get("showlegend") and not legend_title(fig)]
    assert untitled == []


def test_ranking_goal_line_in_the_legend_not_on_the_bars(app_db, sql):
    at = run_page("pages/1_Ranking.py", {"indicador": "pct_en_plazo", "tipo": "anio", "periodo": "2025"})
    assert not at.exception
    fig = figures(at)["fig_ranking"]
    assert not fig["layout"].get("annotations")                      # no text drawn over the plot
    goal = [t for t in fig["data"] if str(t.get("name", "")).startswith("Meta:")]
    assert len(goal) == 1 and goal[0]["x"] == [None]                 # a legend entry only, no data
    line = [s for s in fig["layout"]["shapes"] if s["type"] == "line"]
    meta = sql("SELECT meta FROM indicador WHERE indicador = 'pct_en_plazo'")[0][0]
    assert len(line) == 1 and line[0]["x0"] == line[0]["x1"] == meta
    assert legend_title(fig) == "Semáforo"
    assert_legends_titled(figures(at))


def test_capacitacion_bars_sorted_by_what_they_show(app_db):
    at = run_page("pages/7_Capacitacion.py", {"tipo": "anio", "periodo": "2025"})
    assert not at.exception
    figs = figures(at)
    coverage = figs["fig_cobertura"]
    assert not coverage["layout"].get("annotations")
    assert legend_title(coverage) == "Institución 100 % capacitada"
    shown = table_with(at, "Personal capacitado (%)")
    shown = shown[shown["Plantilla"].fillna(0) > 0]
    # a category axis draws its categoryarray from the bottom up: the highest coverage on top
    order = coverage["layout"]["yaxis"]["categoryarray"]
    by_label = dict(zip(shown["Siglas"].where(shown["Siglas"] != "", shown["Ente"]), shown["Personal capacitado (%)"]))
    values = [by_label[label] for label in order]
    assert values == sorted(values) and len(values) == len(shown)
    assert coverage["layout"]["yaxis"].get("autorange") != "reversed"

    courses = figs["fig_cursos"]
    totals = table_with(at, "Modalidad").groupby("Tema")["Cursos"].sum()
    themes = courses["layout"]["yaxis"]["categoryarray"]
    assert [totals[t] for t in themes] == sorted(totals)             # the theme with most courses on top
    assert courses["layout"]["yaxis"].get("autorange") != "reversed"
    assert legend_title(courses) == "Modalidad"

    events = figs["fig_eventos"]
    sectors = events["layout"]["xaxis"]["categoryarray"]
    (bars,) = events["data"]
    per_sector = dict(zip(bars["x"], numbers(bars["y"])))
    assert [per_sector[s] for s in sectors] == sorted(per_sector.values(), reverse=True)  # most attended first
    assert_legends_titled(figs)
