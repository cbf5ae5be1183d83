"""Plazos en riesgo against the real sample warehouse."""
from __future__ import annotations

from conftest import all_text, fecha_corte, metric_value, run_page, table_with

PAGE = "pages/4_Plazos_en_riesgo.py"
OPEN = "s.estado = 'en_proceso' AND s.fecha_respuesta IS NULL"


def _expected(sql, dias: int) -> tuple[int, int]:
    corte = fecha_corte(sql)
    vencidas = sql(f"SELECT count(*) FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c", {"c": corte})[0][0]
    listed = sql(f"""SELECT count(*) FROM solicitud s
                     JOIN calendario l ON l.fecha = s.fecha_limite JOIN calendario c ON c.fecha = $c
                     WHERE {OPEN} AND (s.fecha_limite <= $c OR l.n_habil - c.n_habil <= $d)""",
                 {"c": corte, "d": dias})[0][0]
    return vencidas, listed


def test_plazos_counts_and_folios_match_sql(app_db, sql):
    at = run_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Plazos en riesgo"
    assert at.slider(key="f_dias").value == 3
    vencidas, listed = _expected(sql, 3)
    assert vencidas > 0, "the sample should leave some overdue open requests"
    assert int(metric_value(at, "Vencidas").replace(",", "")) == vencidas
    folios = table_with(at, "Folio")
    assert len(folios) == listed
    # only identifiers and dates: never any text of the request
    assert list(folios.columns) == ["Folio", "Ente", "Siglas", "Fecha de recepción", "Fecha límite",
                                    "Días hábiles restantes", "Situación"]
    assert folios["Folio"].map(type).eq(str).all()
    per_ente = table_with(at, "Total", without="Folio")
    assert per_ente["Total"].sum() == listed
    assert len(at.get("download_button")) == 2


def test_plazos_days_from_url(app_db, sql):
    at = run_page(PAGE, {"dias": "10"})
    assert not at.exception
    assert at.slider(key="f_dias").value == 10
    _, listed = _expected(sql, 10)
    assert len(table_with(at, "Folio")) == listed
    assert "Vencen en 1 a 10 días hábiles" in [m.label for m in at.metric]


def test_plazos_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)
