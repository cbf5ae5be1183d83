"""Sub-deadlines (issue 22 item 2): declaring notoria incompetencia has 3 business days (LGTAIP 2015 art. 136) and
issuing a prevención 5 (art. 128), each judged on its own term where the source dates it.

SEFIPLAN (estatal, LTAIPQROO 2016: 10 days), all received Mon 2 Dec 2024; working days 3, 4, 5, 6, 9, 10, 11, 12, 13 Dec
are days 1–9 (no holiday in between).
Template:
  I1 Notoria incompetencia answered Thu 5 Dec: day 3 → in its term.
  I2 Notoria incompetencia answered Fri 6 Dec: day 4 → late for incompetence (on time for the 10-day answer).
  I3 Notoria incompetencia answered Fri 13 Dec: day 9 → late for incompetence, yet en_plazo for the answer.
  P1 prevención Mon 9 Dec (day 5) → in its term; desahogo Tue 10 Dec, answered Thu 12 Dec.
  P2 prevención Tue 10 Dec (day 6) → late; desahogo Wed 11 Dec, answered Fri 13 Dec.
  E  entrega answered Tue 3 Dec: neither sub-deadline applies.
  → pct_incompetencia_en_plazo = 100 × 1 / 3 = 33.3 %; pct_prevencion_en_plazo = 100 × 1 / 2 = 50 %.
PNT export, January 2025: one request with Prevencion Si and one Notoria incompetencia answered on day 2 (received
Thu 9 Jan, answered Mon 13 Jan: 10, 13 → 2 days): the PNT has no prevención date, so pct_prevencion_en_plazo is
sin datos (no value), never guessed; the incompetence is judged (1 / 1 = 100 %).
"""
import pytest

from helpers import PLANTILLA_HEADER, PNT_HEADER, build, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
INCOMPETENCIA = "Notoria incompetencia (Terminada)"
HEADER = PLANTILLA_HEADER + ",fecha_prevencion,fecha_desahogo"
TEMPLATE = f"""
600000000000001,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{INCOMPETENCIA},2024-12-05,No,No,,
600000000000002,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{INCOMPETENCIA},2024-12-06,No,No,,
600000000000003,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{INCOMPETENCIA},2024-12-13,No,No,,
600000000000004,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-12,No,Sí,2024-12-09,2024-12-10
600000000000005,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-13,No,Sí,2024-12-10,2024-12-11
600000000000006,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-03,No,No,,
"""
PNT = ["610000000000001,09/01/2025,Secretaría de Finanzas y Planeación (SEFIPLAN),Terminada,Información pública,"
       f"07/02/2025,{ENTREGA},30/01/2025,30/01/2025,No,Si,No Aplica,No",
       "610000000000002,09/01/2025,Secretaría de Finanzas y Planeación (SEFIPLAN),Terminada,Información pública,"
       f"23/01/2025,{INCOMPETENCIA},13/01/2025,13/01/2025,No,No,No Aplica,No"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("subplazos")
    write(tmp / "in" / "solicitudes" / "registro.csv", HEADER + TEMPLATE)
    write(tmp / "in" / "solicitudes" / "pnt.csv", PNT_HEADER + "\n" + "\n".join(PNT) + "\n")
    return build(tmp / "in", tmp)


def test_each_request_against_its_own_term(db):
    got = dict((r[0], r[1:]) for r in query(db, "SELECT folio, incompetencia_en_plazo, prevencion_en_plazo, en_plazo "
                                                "FROM solicitud"))
    assert got["600000000000001"] == (True, None, True)
    assert got["600000000000002"] == (False, None, True)
    assert got["600000000000003"] == (False, None, True)  # day 9: inside the 10-day answer, outside its own 3
    assert got["600000000000004"] == (None, True, True)
    assert got["600000000000005"] == (None, False, True)
    assert got["600000000000006"] == (None, None, True)
    assert got["610000000000001"][1] is None  # the PNT says Sí, with no date: not judged
    assert got["610000000000002"][0] is True


def _values(db, periodo):
    return dict(query(db, """SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                             AND tipo_periodo = 'mes' AND periodo = ?
                             AND indicador IN ('pct_incompetencia_en_plazo', 'pct_prevencion_en_plazo')""", [periodo]))


def test_hand_worked_percentages(db):
    assert _values(db, "2024-12") == {"pct_incompetencia_en_plazo": pytest.approx(100 / 3),
                                      "pct_prevencion_en_plazo": pytest.approx(50.0)}


def test_a_source_without_the_date_is_sin_datos(db):
    assert _values(db, "2025-01") == {"pct_incompetencia_en_plazo": 100.0, "pct_prevencion_en_plazo": None}


def test_the_terms_come_from_plazo_legal(db):
    assert query(db, "SELECT DISTINCT dias_incompetencia, dias_prevencion FROM plazo_legal") == [(3, 5)]
