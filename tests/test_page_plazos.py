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
    assert at.slider(key="f_dias").value == 10
    vencidas, listed = _expected(sql, 10)
    assert vencidas > 0, "the sample should leave some overdue open requests"
    assert int(metric_value(at, "Vencidas").replace(",", "")) == vencidas
    folios = table_with(at, "Folio")
    assert len(folios) == listed
    # only identifiers and dates: never any text of the request
    assert list(folios.columns) == ["Folio", "Urgencia", "Días hábiles restantes", "Ente", "Siglas",
                                    "Fecha de recepción", "Fecha límite"]
    # due soonest first, then the overdue, oldest first
    due = folios[~folios["Urgencia"].str.startswith("Vencida")]["Días hábiles restantes"].tolist()
    late = folios[folios["Urgencia"].str.startswith("Vencida")]["Días hábiles restantes"].tolist()
    assert due == sorted(due) and late == sorted(late)
    assert folios["Urgencia"].tolist() == sorted(folios["Urgencia"], key=lambda u: (u.startswith("Vencida"),))
    assert folios["Folio"].map(type).eq(str).all()
    per_ente = table_with(at, "Total", without="Folio")
    assert per_ente["Total"].sum() == listed
    assert len(at.get("download_button")) == 2


def test_plazos_days_from_url(app_db, sql):
    at = run_page(PAGE, {"dias": "3"})
    assert not at.exception
    assert at.slider(key="f_dias").value == 3
    _, listed = _expected(sql, 3)
    assert len(table_with(at, "Folio")) == listed
    assert "Vence en 1 a 3 días hábiles" in [m.label for m in at.metric]


def test_urgency_bands_by_hand():
    from pages.ui.plazos import urgency

    # due today; 1 and 3 business days ahead; 4 and 10; 11; overdue by 1, 5, 6, 20 and 21 business days
    cases = [("vence_hoy", 0, "Vence hoy"), ("por_vencer", 1, "Vence en 1 a 3 días hábiles"),
             ("por_vencer", 3, "Vence en 1 a 3 días hábiles"), ("por_vencer", 4, "Vence en 4 a 10 días hábiles"),
             ("por_vencer", 10, "Vence en 4 a 10 días hábiles"), ("por_vencer", 11, "Vence en más de 10 días hábiles"),
             ("vencida", -1, "Vencida hace 1 a 5 días hábiles"), ("vencida", -5, "Vencida hace 1 a 5 días hábiles"),
             ("vencida", -6, "Vencida hace 6 a 20 días hábiles"), ("vencida", -20, "Vencida hace 6 a 20 días hábiles"),
             ("vencida", -21, "Vencida hace más de 20 días hábiles")]
    assert [urgency(s, d) for s, d, _ in cases] == [band for _, _, band in cases]


def test_plazos_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)
