"""Días hábiles: weekends, holidays, the receipt rule, law versions and ampliación, worked out by hand."""
import pytest

from helpers import PLANTILLA_HEADER, build, query, write

# September 2024: Monday 16 is a holiday (LFT art. 74). 1 October 2024 is the six-yearly transmisión holiday.
# Law in force: LTAIPQROO 2016 until 2025-03-20 (10 días + 10 con ampliación), LGTAIP 2025 from 2025-03-21 (20 + 10).
ROWS = """
100000000000001,2024-09-09,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-10,No,No
100000000000002,2024-09-13,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-17,No,No
100000000000003,2024-09-14,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-17,No,No
100000000000004,2024-09-14,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-18,No,No
100000000000005,2024-09-09,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-25,No,No
100000000000006,2024-09-09,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-25,Si,No
100000000000007,2024-10-01,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-10-02,No,No
100000000000008,2025-03-20,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2025-04-04,No,No
100000000000009,2025-03-21,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2025-04-07,No,No
100000000000010,2024-09-14,2024-09-17,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2024-09-18,No,No
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dias")
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + ROWS)
    return build(tmp / "in", tmp)


def row(db, folio):
    return query(db, """SELECT fecha_recepcion::VARCHAR, dias_habiles_respuesta, ley_version, plazo_dias, en_plazo,
                               fecha_limite::VARCHAR FROM solicitud WHERE folio = ?""", [folio])[0]


def test_monday_to_tuesday_is_one_business_day(db):
    assert row(db, "100000000000001")[:2] == ("2024-09-09", 1)


def test_holiday_monday_is_not_counted(db):
    # Friday 13 → Tuesday 17, with Monday 16 a holiday: one business day.
    assert row(db, "100000000000002")[1] == 1


def test_request_on_a_weekend_is_received_next_working_day(db):
    # Saturday 14 → received Tuesday 17 (Monday 16 is a holiday); answered that day: 0; the next day: 1.
    assert row(db, "100000000000003")[:2] == ("2024-09-17", 0)
    assert row(db, "100000000000004")[:2] == ("2024-09-17", 1)


def test_official_receipt_date_wins_when_given(db):
    assert row(db, "100000000000010")[:2] == ("2024-09-17", 1)


def test_deadline_and_late_answer_under_the_2016_law(db):
    # Received Mon 9 Sep: 10 business days end Tue 24 Sep (16 Sep skipped). Answered 25 Sep: 11 days, late.
    recepcion, dias, ley, plazo, en_plazo, limite = row(db, "100000000000005")
    assert (dias, ley, plazo, en_plazo, limite) == (11, "LTAIPQROO2016", 10, False, "2024-09-24")


def test_ampliacion_extends_the_deadline(db):
    recepcion, dias, ley, plazo, en_plazo, limite = row(db, "100000000000006")
    # 20 business days from 9 Sep skip 16 Sep and 1 Oct: 9 Oct.
    assert (dias, plazo, en_plazo, limite) == (11, 20, True, "2024-10-09")


def test_six_yearly_1_october_holiday(db):
    # 1 Oct 2024 (transmisión del Poder Ejecutivo) is not a working day: received 2 Oct, answered that day.
    assert row(db, "100000000000007")[:2] == ("2024-10-02", 0)


def test_law_version_follows_the_receipt_date(db):
    # 20 Mar 2025: state law 2016 (10 days). Semana Santa 2025 (17–18 Apr) is later, not in between.
    # 20 Mar → 4 Apr: Mar 21, 24..28, 31, Apr 1..4 = 11 business days: late under a 10-day plazo.
    assert row(db, "100000000000008")[1:5] == (11, "LTAIPQROO2016", 10, False)
    # 21 Mar 2025: the Ley General 2025 is in force, but a state ente still answers under the state law of 2016
    # (until 25 Nov 2025): 21 Mar → 7 Apr, 11 business days, late under its 10 days (test_plazo_ley_vigente.py).
    assert row(db, "100000000000009")[1:5] == (11, "LTAIPQROO2016", 10, False)
