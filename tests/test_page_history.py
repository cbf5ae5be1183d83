"""History on the pages: the government's quarterly series from 2017 with its source, and an ente's lineage."""
import pytest

from conftest import all_text, run_page, table_with
from helpers import build
from test_history import real_inputs


@pytest.fixture(scope="module")
def history_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("historia_paginas")
    return build(real_inputs(tmp), tmp)


def test_solicitudes_shows_the_published_series_and_both_averages(app_db):
    # The sample copies the two real published quarters (data/referencia/) beside its PNT records.
    at = run_page("pages/3_Solicitudes.py")
    assert not at.exception
    table = table_with(at, "Trimestre")
    row = table[table["Trimestre"] == "2018-T1"].iloc[0]
    assert row["Solicitudes recibidas"] == 309
    assert row["Días de respuesta, media simple de los entes (como se publicaba)"] == pytest.approx(5.8)
    assert row["Fuente"] == "Estadística trimestral publicada"
    assert "media simple de los entes" in all_text(at)


def test_ficha_follows_a_renamed_ente_through_its_predecessors(history_db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(history_db))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SABGOB", "tipo": "trimestre", "periodo": "2018-T1"})
    assert not at.exception
    text = all_text(at)
    assert "Secretaría de la Contraloría del Estado" in text and "Secretaría de la Gestión Pública" in text
    assert "Historia del ente" in text


def test_quarterly_axis_keeps_gaps_and_marks_a_partial_quarter():
    import datetime as dt

    from indicators.periods import quarter_range
    from pages.ui.historia import _quarter_label

    # 2025-T3 to 2026-T1 is three quarters, with or without data in 2025-T4
    assert quarter_range("2025-T3", "2026-T1") == ["2025-T3", "2025-T4", "2026-T1"]
    # data up to 25 February 2026: the first quarter of 2026 (to 31 March) is partial; one up to 31 March is not
    assert _quarter_label("2026-T1", dt.date(2026, 2, 25)) == "T1 2026 (parcial)"
    assert _quarter_label("2026-T1", dt.date(2026, 3, 31)) == "T1 2026"
