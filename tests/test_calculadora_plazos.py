"""The deadline calculator (Guía para solicitar información, Plazos en riesgo) against dates worked out by hand on the
real calendar of data/catalogos/ (the session warehouse of tests/conftest.py), and against the deadline the build
gave every request of that warehouse (the indicators' own dates).

Calendar facts used below (data/catalogos/calendario_inhabil.csv): Mon 16 Sep 2024 (Independencia) and Tue 1 Oct
2024 (transmisión del Poder Ejecutivo Federal, every six years) are confirmed holidays; winter 2025–26: 22–24, 26,
29–31 Dec and 2, 5, 6 Jan por confirmar, 25 Dec and 1 Jan confirmed. Estatal entes answer under the LTAIPQROO 2016
(10 + 10 business days; datos personales 20 + 10) for requests received up to 25-11-2025 and under the LTAIPQROO
2025 (20 + 10) from 26-11-2025 (data/catalogos/plazo_legal.csv). Day 1 is the first working day after day 0.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from conftest import all_text, run_page, table_with
from indicators.plazos import calcular_plazo
from warehouse import read_plazos

D = dt.date
GUIA = "pages/12_Guia_para_solicitar.py"


def _deadline(**kwargs):
    kwargs.setdefault("tipo_solicitud", "informacion_publica")
    return read_plazos.deadline(**kwargs)


def test_a_weekend_filing_and_the_first_of_october_on_the_page(app_db):
    # Sat 21 Sep 2024 → received Mon 23 Sep (day 0). 24, 25, 26, 27 (4), 30 (5), [1 Oct holiday], 2, 3, 4 (8), 7 (9),
    # 8 Oct (10). Extension: 9, 10, 11 (13), 14–18 (18), 21 (19), 22 Oct (20).
    at = run_page(GUIA)
    at.date_input(key="calc_guia_fecha").set_value(D(2024, 9, 21)).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Recepción oficial": "23/09/2024", "Vence la respuesta": "08/10/2024",
                       "Vence con ampliación": "22/10/2024"}
    skipped = table_with(at, "Motivo")
    assert skipped.values.tolist() == [["01/10/2024", "Transmisión del Poder Ejecutivo Federal", "Confirmado",
                                        "Ley Federal del Trabajo, art. 74 fr. VII (1 de octubre cada seis años)"]]
    text = all_text(at)
    assert "se tiene por recibida el 23 de septiembre de 2024" in text
    assert "(plazos por confirmar)" in text   # the LTAIPQROO 2016 deadline is not confirmed in plazo_legal.csv


def test_a_holiday_filing_and_one_after_hours(app_db):
    # Mon 16 Sep 2024 is a holiday: received Tue 17 (day 0). 18, 19, 20 (3), 23–27 (8), 30 (9), [1 Oct], 2 Oct (10).
    p = _deadline(presentada=dt.datetime(2024, 9, 16, 10, 0))
    assert (p.recepcion, p.fecha_limite_ordinaria) == (D(2024, 9, 17), D(2024, 10, 2))
    assert [d.fecha for d in p.inhabiles] == [D(2024, 9, 16), D(2024, 10, 1)]
    # Fri 13 Sep 2024 at 19:30, after the 18:00 closing: counts from Sat 14 → received Tue 17 (Mon 16 a holiday).
    late = _deadline(presentada=dt.datetime(2024, 9, 13, 19, 30))
    assert (late.recepcion, late.fuera_de_horario, late.fecha_limite_ordinaria) == (D(2024, 9, 17), True,
                                                                                      D(2024, 10, 2))


@pytest.mark.parametrize("presentada, ley, limite, ampliado", [
    # Mon 24 Nov 2025, LTAIPQROO 2016: 25–28 Nov (4), 1–5 Dec (9), 8 Dec (10). Extension: 9–12 (14), 15–19 (19),
    # [22 Dec – 6 Jan: 22, 23, 24, 25, 26, 29, 30, 31, 1, 2, 5, 6 are non-working], 7 Jan 2026 (20).
    (D(2025, 11, 24), "LTAIPQROO2016", D(2025, 12, 8), D(2026, 1, 7)),
    # Tue 25 Nov 2025, the last day of the 2016 law: 26–28 (3), 1–5 Dec (8), 8 (9), 9 Dec (10).
    (D(2025, 11, 25), "LTAIPQROO2016", D(2025, 12, 9), None),
    # Wed 26 Nov 2025, the new state law, 20 days: 27, 28 (2), 1–5 Dec (7), 8–12 (12), 15–19 (17), [winter], 7, 8,
    # 9 Jan 2026 (20). Extension: 12–16 (25), 19–23 Jan (30).
    (D(2025, 11, 26), "LTAIPQROO2025", D(2026, 1, 9), D(2026, 1, 23)),
])
def test_a_change_of_law(app_db, presentada, ley, limite, ampliado):
    p = _deadline(presentada=presentada, ampliacion=ampliado is not None)
    assert (p.ley_version, p.fecha_limite_ordinaria) == (ley, limite)
    if ampliado:
        assert p.fecha_limite_ampliada == ampliado
        assert p.por_confirmar   # the winter period skipped on the way to the extended deadline is por confirmar
        assert [d.fecha for d in p.inhabiles if not d.confirmado][:3] == [D(2025, 12, 22), D(2025, 12, 23),
                                                                          D(2025, 12, 24)]


def test_a_prevencion_and_datos_personales(app_db):
    # Filed Mon 2 Sep 2024, prevención 4 Sep, answered Tue 10 Sep (new day 0): 11, 12, 13 (3), [16], 17–20 (7), 23,
    # 24, 25 Sep (10).
    p = _deadline(presentada=D(2024, 9, 2), prevencion=D(2024, 9, 4), desahogo=D(2024, 9, 10))
    assert (p.inicio, p.fecha_limite_ordinaria, [d.fecha for d in p.inhabiles]) == (
        D(2024, 9, 10), D(2024, 9, 25), [D(2024, 9, 16)])
    waiting = _deadline(presentada=D(2024, 9, 2), prevencion=D(2024, 9, 4))
    assert waiting.interrumpido and waiting.fecha_limite is None
    # Datos personales, LTAIPQROO 2016 (20 + 10): 3–6 Sep (4), 9–13 (9), [16], 17–20 (13), 23–27 (18), 30 (19),
    # [1 Oct], 2 Oct (20).
    arcop = _deadline(presentada=D(2024, 9, 2), tipo_solicitud="datos_personales")
    assert (arcop.dias_respuesta, arcop.fecha_limite_ordinaria) == (20, D(2024, 10, 2))


def test_a_date_beyond_the_declared_calendar_is_flagged(app_db):
    at = run_page(GUIA)
    at.date_input(key="calc_guia_fecha").set_value(D(2027, 3, 1)).run()
    assert not at.exception
    assert "El calendario de días inhábiles solo llega a 2026" in all_text(at)


def test_the_calculator_is_on_plazos_en_riesgo(app_db):
    at = run_page("pages/4_Plazos_en_riesgo.py")
    assert not at.exception and not at.date_input   # drawn only once its expander is opened
    at.session_state["abrir_calculadora"] = True     # what a click on the expander does (a rerun)
    at.run()
    at.date_input(key="calc_riesgo_fecha").set_value(D(2024, 9, 21)).run()
    assert {m.label: m.value for m in at.metric}["Vence la respuesta"] == "08/10/2024"


def test_the_calculator_agrees_with_every_deadline_of_the_indicators(tablero_db):
    """The first receipt of every month × type × ámbito × extension of the sample warehouse's requests (two years)
    whose deadline is the law's own (no prevención, not the PNT's stated date):
    the calculator gives the fecha_limite and law the build stored (and the indicators judged en_plazo with). One
    case per group keeps the test short: each calculation is a few queries over the calendar."""
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        cases = con.execute("""SELECT DISTINCT fecha_recepcion, tipo_solicitud, ambito, hubo_ampliacion, fecha_limite,
                                      ley_version
                               FROM (SELECT s.*, e.ambito,
                                            row_number() OVER (w ORDER BY s.fecha_recepcion) AS primero
                                     FROM solicitud s JOIN ente e USING (ente_id)
                                     -- the law's own term; a prevención's desahogo or the PNT's date is not this call
                                     WHERE s.fecha_limite_origen = 'ley'
                                     WINDOW w AS (PARTITION BY s.mes, s.tipo_solicitud, e.ambito, s.hubo_ampliacion))
                               WHERE primero = 1
                               ORDER BY ALL""").fetchall()
        assert len(cases) > 40
        differ = []
        for recepcion, tipo, ambito, ampliacion, limite, ley in cases:
            p = calcular_plazo(con, recepcion, tipo, ambito=ambito, ampliacion=ampliacion)
            if (p.fecha_limite, p.ley_version) != (limite, ley):
                differ.append((recepcion, tipo, ambito, ampliacion, limite, ley, p.fecha_limite, p.ley_version))
    assert differ == []
