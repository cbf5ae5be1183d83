"""Labels are text, also in charts: catalog names and siglas holding <b>, <a href> or <span style> are drawn as the
text they are. Every page is run (AppTest) on a warehouse built from catalogs with such names, and every plotly
chart it draws is walked: no string the chart shows may carry a raw tag (our own templates keep <extra>/<br>)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_page
from etl.build import build_warehouse
from samples.write import write_sample

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
RAW_TAG = re.compile(r"<\s*(b|i|a|span|img|script|sup|sub)\b", re.I)
TEMPLATES = {"hovertemplate", "texttemplate"}


def _rewrite(path: Path, change) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(change(r) for r in rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory):
    base = tmp_path_factory.mktemp("etiquetas")
    catalogs = base / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", catalogs)
    originals = []

    def ente(r):
        originals.append((r["nombre_oficial"], r["siglas"], r["ente_id"]))
        r["nombre_oficial"] = f"<b>{r['nombre_oficial']}</b>"
        if r["siglas"]:
            r["siglas"] = f'<a href="https://ejemplo.invalid">{r["siglas"]}</a>'
        return r

    _rewrite(catalogs / "entes.csv", ente)
    with (catalogs / "ente_alias.csv").open("a", encoding="utf-8") as fh:  # the sources still spell them plainly
        for nombre, siglas, ente_id in originals:
            fh.write(f'"{nombre}",{ente_id},prueba\n' + (f'"{siglas}",{ente_id},prueba\n' if siglas else ""))
    for name in ("obligaciones_ltaipqroo2016.csv", "obligaciones_lgtaip2025.csv"):
        _rewrite(catalogs / name, lambda r: {**r, "nombre": f'<span style="color:red">{r["nombre"]}</span>'})
    inputs = base / "in"
    write_sample(inputs, years=(2024, 2025), requests_per_year=400)
    db = base / "tablero.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("TABLERO_CATALOGOS", str(catalogs))
    try:
        build_warehouse(inputs, db, today=dt.date(2026, 11, 29))
    finally:
        mp.undo()
    return db


def _strings(node, key=None):
    if isinstance(node, str):
        if key not in TEMPLATES:
            yield key, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)


def _charts(at) -> list[dict]:
    specs = []
    for element in at.get("plotly_chart"):
        proto = element.proto
        spec = getattr(proto, "spec", "") or getattr(getattr(proto, "figure", None), "spec", "")
        specs.append(json.loads(spec))
    return specs


def test_every_chart_of_every_page_shows_catalog_markup_as_text(marked_up, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(marked_up))
    charts, escaped, raw = 0, 0, []
    for page in PAGES:
        at = run_page(page, timeout=90)
        assert not at.exception, (page, [e.value for e in at.exception])
        for spec in _charts(at):
            charts += 1
            for key, text in _strings(spec):
                if RAW_TAG.search(text):
                    raw.append(f"{page} {key}: {text[:100]}")
                escaped += "&lt;b&gt;" in text or "&lt;a href" in text or "&lt;span" in text
    assert charts >= 8, charts
    assert escaped > 0, "the planted names never reached a chart: the test would prove nothing"
    assert raw == [], "\n".join(raw[:20])
