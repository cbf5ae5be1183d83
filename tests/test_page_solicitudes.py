"""Solicitudes page against the real sample warehouse."""
from __future__ import annotations

from conftest import all_text, run_page, table_with

PAGE = "pages/3_Solicitudes.py"


def test_solicitudes_bands_and_types_match_sql(app_db, sql):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert at.title[0].value == "Solicitudes: tiempos y tipos de respuesta"
    bands = table_with(at, "Total respondidas")
    total, fast, slow = sql("""SELECT sum(n), sum(n) FILTER (dias <= 5), sum(n) FILTER (dias > 30)
                               FROM hist_dias WHERE year(mes) = 2025""")[0]
    assert bands["Total respondidas"].sum() == total
    assert bands["0–5 días"].sum() == fast
    assert bands["Más de 30 días"].sum() == (slow or 0)

    types = table_with(at, "Total con respuesta final")
    entrega, final = sql("""SELECT sum(resp_entrega), sum(con_respuesta_final) FROM base_solicitud_mes
                            WHERE year(mes) = 2025""")[0]
    assert types["Entrega de información"].sum() == entrega
    assert types["Total con respuesta final"].sum() == final
    assert f"{total:,} solicitudes respondidas" in all_text(at)
    assert len(at.get("plotly_chart")) == 2 + 1  # + the historical series (pages/ui/historia.py)
    assert len(at.get("download_button")) == 4 + 1 + 1  # + appeals by cause


def test_solicitudes_ente_filter_from_url(app_db, sql):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025", "ente": "SEFIPLAN"})
    assert not at.exception
    nombre = sql("SELECT nombre_oficial FROM ente WHERE ente_id = 'SEFIPLAN'")[0][0]
    bands = table_with(at, "Total respondidas")
    assert bands["Ente"].tolist() == [nombre]
    total = sql("SELECT sum(n) FROM hist_dias WHERE ente_id = 'SEFIPLAN' AND year(mes) = 2025")[0][0]
    assert bands["Total respondidas"].iloc[0] == total


def test_solicitudes_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)
