"""The Verificación page (and its block in the Ficha del ente) against a real warehouse built from a tiny fixture.

Review VM-1 (12/03/2024, LTAIPQROO 2016): SEFIPLAN fr. I 100, fr. II 50; CGC fr. I 80 (fr. XXII, deuda pública,
does not apply to CGC: N/A, never 0). Review VM-2 (12/04/2024): SEFIPLAN fr. II 100, CGC fr. I 60 (reincidente).
"""
import base64
import json

import numpy as np
import pytest

from conftest import all_text, metric_value, plain, run_page, table_with
from helpers import build, write
from pages.ui import verificacion as view
from common.csv_export import csv_bytes

PAGE = "pages/6_Verificacion.py"
OBS = "=HIPERVINCULO(\"x\") <b>sin</b> fecha de *actualización*"
RESULTADOS = f"""verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje,observacion
VM-1,Mensual,2024-02,2024-03-12,SEFIPLAN,I,100,
VM-1,Mensual,2024-02,2024-03-12,SEFIPLAN,II,50,faltan trimestres
VM-1,Mensual,2024-02,2024-03-12,CGC,I,80,"{OBS.replace('"', '""')}"
VM-2,Mensual,2024-03,2024-04-12,SEFIPLAN,II,100,
VM-2,Mensual,2024-03,2024-04-12,CGC,I,60,"{OBS.replace('"', '""')}"
"""


@pytest.fixture(scope="module")
def verif_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_page")
    write(tmp / "in" / "verificaciones" / "mensuales.csv", RESULTADOS)
    return build(tmp / "in", tmp, strict=True)


@pytest.fixture
def page_db(verif_db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(verif_db))
    return verif_db


def decoded(value):
    """Plotly 7 sends numeric arrays as base64 ('bdata'); lists of text stay lists."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return array.reshape([int(n) for n in str(value.get("shape", len(array))).split(",")])
    return value


def heatmap_traces(at):
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next(c["data"] for c in charts if any(t.get("type") == "heatmap" for t in c["data"]))


def has_map(at) -> bool:
    return any(t.get("type") == "heatmap" for c in at.get("plotly_chart") for t in json.loads(c.proto.spec)["data"])


def test_heatmap_shows_no_aplica_as_na_not_zero(page_db):
    at = run_page(PAGE, {"verificacion": "VM-1", "ente": "CGC"})
    assert not at.exception
    assert at.selectbox(key="f_verificacion").value == "VM-1"
    score, *others = heatmap_traces(at)
    rows, cols, z = list(score["y"]), list(score["x"]), decoded(score["z"])
    r, c = rows.index("CGC"), cols.index("91-XXII")
    assert np.isnan(z[r][c]) and score["text"][r][c] == ""       # no score at all, certainly not 0
    na = next(t for t in others if t["name"] == "No aplica")
    assert na["text"][r][c] == "N/A"
    assert z[r][cols.index("91-I")] == 80 and score["text"][r][cols.index("91-I")] == "80"
    s = rows.index("SEFIPLAN")
    assert np.isnan(z[s][c]) and na["text"][s][c] == ""          # applies to SEFIPLAN, not evaluated


def test_a_cell_of_the_map_leads_to_its_entes_ficha(page_db):
    at = run_page(PAGE, {"verificacion": "VM-1", "ente": "CGC"})
    chart = next(c for c in at.get("plotly_chart") if json.loads(c.proto.spec)["data"][0]["type"] == "heatmap")
    spec = json.loads(chart.proto.spec)
    score, *_, cells = spec["data"]
    rows, cols = list(score["y"]), list(score["x"])
    # one invisible marker per cell, row by row, with the cell's hover text; a click selects it and reruns the page
    assert cells["type"] == "scatter" and len(cells["x"]) == len(rows) * len(cols)
    assert [(cells["y"][i], cells["x"][i]) for i in range(len(cells["x"]))] == [(r, c) for r in rows for c in cols]
    i = rows.index("CGC") * len(cols) + cols.index("91-XXII")
    assert cells["hovertext"][i] == "CGC · fr. 91-XXII (Deuda pública): no aplica"
    from streamlit.proto.PlotlyChart_pb2 import PlotlyChart
    assert list(chart.proto.selection_mode) == [PlotlyChart.SelectionMode.POINTS]
    # what Streamlit returns for a click on that cell (curve = the markers' trace, point = the cell's marker)
    grid = view.review_view("VM-1", 60).heatmap
    marker_curve = len(spec["data"]) - 1
    for r, ente in enumerate(rows):
        point = {"curve_number": marker_curve, "point_index": r * len(cols) + 2, "x": cols[2], "y": ente}
        assert view.clicked_ente(grid, point) == ente                  # the rows are CGC and SEFIPLAN by id
    assert view.clicked_ente(grid, {"curve_number": 0, "point_index": 0}) is None   # not a marker
    assert view.clicked_ente(grid, None) is None


def test_the_map_as_a_list_of_what_fails_per_ente(page_db):
    at = run_page(PAGE, {"verificacion": "VM-1", "vista": "Lista de lo que falla"})
    assert not at.exception
    fallas = table_with(at, "Índice del ente (%)")
    # VM-1 fails (below 100): SEFIPLAN fr. II 50 (index 75, first: lowest), CGC fr. I 80 (index 80)
    assert fallas[["Ente", "Fracción", "Puntaje (%)", "Índice del ente (%)"]].values.tolist() == [
        ["SEFIPLAN", "91-II", 50.0, 75.0], ["CGC", "91-I", 80.0, 80.0]]
    assert [t.label for t in at.tabs] == ["Mapa", "Lista de lo que falla"]
    assert not has_map(at)                                      # only the open tab is drawn


def test_only_the_open_tab_is_drawn_the_map_by_default(page_db):
    at = run_page(PAGE, {"verificacion": "VM-1"})
    assert not at.exception
    assert has_map(at)
    assert not any("Índice del ente (%)" in d.value.columns for d in at.dataframe)  # the list is not sent
    at.query_params["vista"] = "Lista de lo que falla"                         # a tab switch reruns the page
    at.run()
    assert table_with(at, "Índice del ente (%)") is not None
    assert not has_map(at)


def test_index_tables_and_summaries(page_db):
    at = run_page(PAGE, {"verificacion": "VM-1", "ente": "CGC"})
    entes = table_with(at, "Índice (%)")
    assert dict(zip(entes["Siglas"], entes["Índice (%)"])) == {"SEFIPLAN": 75.0, "CGC": 80.0}
    fracciones = table_with(at, "Entes que incumplen")
    assert fracciones[["Fracción", "Entes que incumplen", "Entes evaluados"]].values.tolist() == [
        ["II", 1, 1], ["I", 1, 2]]                                  # most failed first, then lowest mean
    text = all_text(at)
    assert "se evaluaron 3 fracciones de 2 entes" in text
    assert len(at.get("plotly_chart")) == 3
    assert len(at.get("download_button")) == 6


def test_monthly_chart_and_what_fails_now_with_observations_as_plain_text(page_db):
    at = run_page(PAGE, {"ente": "CGC"})
    assert at.selectbox(key="f_ente").value == "CGC"
    assert at.selectbox(key="f_verificacion").value == "VM-2"  # newest by default
    failing = table_with(at, "Observaciones del verificador")
    assert failing.iloc[0]["Situación"] == "Reincidente"
    assert failing.iloc[0]["Observaciones del verificador"] == OBS   # kept verbatim, in a table cell
    assert not any("<b>" in str(m.value) for m in at.markdown)       # never rendered as HTML or Markdown
    trend = json.loads(at.get("plotly_chart")[-1].proto.spec)["data"]
    assert [t["name"] for t in trend] == ["Este ente", "Gobierno del Estado", "Meta (100 %)"]
    assert decoded(trend[0]["y"]).tolist() == [80, 60]


def test_csv_of_the_map_neutralizes_formulas(verif_db, monkeypatch):
    import duckdb
    from pathlib import Path
    sql = (Path(__file__).resolve().parent.parent / "warehouse" / "queries" / "verif_mapa.sql").read_text()
    with duckdb.connect(str(verif_db), read_only=True) as con:
        mapa = con.execute(sql, {"verificacion": "VM-1", "max_entes": 60}).df()
    text = csv_bytes(view.heatmap_export(mapa)).decode("utf-8-sig")
    assert "'=HIPERVINCULO" in text and ",No aplica," in text


def test_ficha_block(page_db):
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "CGC"})
    assert not at.exception
    assert "Verificación de obligaciones de transparencia" in [plain(s.value) for s in at.subheader]
    # the review in force is VM-2 (mensual, 60); the standing state: fr. I failed again → 1
    assert metric_value(at, "Índice de cumplimiento (verificación mensual)") == "60.0 %"
    assert metric_value(at, "Fracciones incumplidas hoy") == "1"
    assert "verificación mensual VM-2 del" in all_text(at)
    # what fails leads to its detail: the Verificación page on this ente, whose «Lo que falla ahora» lists it
    (link,) = [link for link in at.get("page_link") if link.proto.label.endswith("observaciones en Verificación")]
    assert link.proto.page.endswith("Verificacion") and link.proto.query_string == "ente=CGC"
    detail = run_page(PAGE, {"ente": "CGC"})
    assert detail.selectbox(key="f_ente").value == "CGC"
    assert table_with(detail, "Observaciones del verificador")["Fracción"].tolist() == ["Art. 91 fr. I"]


def test_page_without_verifications(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    monkeypatch.setenv("TABLERO_DB", str(build(tmp_path / "in", tmp_path)))
    at = run_page(PAGE)
    assert not at.exception
    assert "Aún no hay verificaciones" in all_text(at)
