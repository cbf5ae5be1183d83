"""Guía para solicitar información: its Markdown texts (data/guia/) are plain Markdown, cite an article in every step
and state the deadlines of data/catalogos/plazo_legal.csv; the page (AppTest) shows them with the deadlines table."""
from __future__ import annotations

import csv
import re

import pytest

from conftest import ROOT, all_text, run_page, table_with
from pages.ui.guia import PARTES, guide_text

PAGE = "pages/12_Guia_para_solicitar.py"
PLAZOS = list(csv.DictReader((ROOT / "data" / "catalogos" / "plazo_legal.csv").open(encoding="utf-8")))
# "**10 días hábiles, ampliables por 10 más** (LTAIPQROO 2016, art. 154 …": a deadline and the law it comes from.
DEADLINE = re.compile(r"\*\*(\d+)\s+días\s+hábiles,\s+ampliables\s+por\s+(\d+)\s+más\*\*\s+\((LTAIPQROO|LGTAIP)\s*(\d{4})")


def _sections(text: str) -> list[str]:
    return re.split(r"^## ", text, flags=re.M)[1:]


@pytest.mark.parametrize("name", list(PARTES))
def test_the_guide_is_plain_markdown_and_every_step_cites_the_law(name):
    text = guide_text(name)
    assert not re.search(r"<\s*[a-zA-Z/!]", text), "no HTML in the guide: it is rendered as plain Markdown"
    steps = _sections(text)
    assert len(steps) >= 7
    for step in steps:
        assert re.search(r"\bart\. \d+|artículo por confirmar", step), step.splitlines()[0]


@pytest.mark.parametrize("name", list(PARTES))
def test_the_deadlines_the_guide_states_are_those_of_plazo_legal(name):
    stated = DEADLINE.findall(guide_text(name))
    assert stated, "the guide states the answer deadlines"
    for dias, ampliacion, ley, anio in stated:
        rows = [r for r in PLAZOS if r["ley_version"] == f"{ley}{anio}"]
        assert rows, f"{ley} {anio} is not a law version of plazo_legal.csv"
        assert (dias, ampliacion) in {(r["dias_respuesta"], r["dias_ampliacion"]) for r in rows}, (ley, anio)


def test_the_law_in_force_changes_on_the_dates_of_plazo_legal():
    """The guide says LTAIPQROO 2016 up to 25-11-2025 and the new state law from 26-11-2025, as the catalog does."""
    text = guide_text("solicitar.md")
    ends = {r["ley_version"]: r["vigente_hasta"] for r in PLAZOS if r["ambito"] == "estatal"}
    starts = {r["ley_version"]: r["vigente_desde"] for r in PLAZOS if r["ambito"] == "estatal"}
    assert ends["LTAIPQROO2016"] == "2025-11-25" and "hasta el 25 de noviembre de 2025" in text
    assert starts["LTAIPQROO2025"] == "2025-11-26" and "desde el 26 de noviembre de 2025" in text


def test_a_missing_part_says_which_file(tmp_path):
    assert "data/guia/solicitar.md" in guide_text("solicitar.md", tmp_path)


def test_the_page_shows_both_parts_and_the_state_deadlines(app_db, sql):
    at = run_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Guía para solicitar información"
    assert [t.label for t in at.tabs] == list(PARTES.values())
    # Only the open part is drawn: the first by default, the other when ?parte= names it (a tab switch).
    text = all_text(at)
    assert "recurso de revisión" in text and "Prevenir solo cuando haga falta" not in text
    at.query_params["parte"] = PARTES["responder.md"]
    text = all_text(at.run())
    assert "Prevenir solo cuando haga falta" in text
    table = table_with(at, "Días hábiles para responder")
    expected = sql("SELECT count(*) FROM plazo_legal WHERE ambito = 'estatal'")[0][0]
    assert len(table) == expected
    first = table.iloc[0]   # newest first: the law in force since 26-11-2025
    assert first["Para solicitudes recibidas"] == "desde el 26/11/2025"
    assert first["Confirmado"] == "Por confirmar"
