"""Metodología documents every indicator of the catalog, the index weights, the laws and the changelog."""
from conftest import all_text, run_page

from indicators.definitions import load_indicators
from indicators.index_rules import load_index_rules
from indicators.rules import load_rules


def test_every_indicator_and_weight_is_documented(app_db):
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception
    text = all_text(at) + "\n".join(str(t.value) for t in at.text) + "\n".join(e.label for e in at.expander)
    for ind in load_indicators():
        assert ind.nombre in text and ind.formula in text and ind.fuente in text, ind.id
    for regla in load_rules():
        assert regla.titulo in text and regla.texto in text, regla.id
    for dim in load_index_rules().dimensiones:
        assert f"{dim.nombre} {dim.peso:g}" in text
    tables = "\n".join(df.value.to_csv() for df in at.dataframe)
    assert "Ley General de Transparencia (2025)" in tables and "Primera versión" in tables
    assert "Suspensión de plazos por la contingencia sanitaria COVID-19" in tables
    # rules, indicators, index, deadlines, which version judged which months, non-working days, suspensions,
    # status and answer values, changelog
    assert len(at.get("download_button")) == 9


def test_missing_warehouse_message(missing_db):
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception and "python -m etl build" in all_text(at)
