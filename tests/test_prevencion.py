"""A prevención interrupts the term (LGTAIP 2015 art. 128; LTAIPQROO 2016 and the state laws that copy it): it starts
again the day after the requester answers it (desahogo). In order: the prevención and desahogo dates when the source
has them (the template), else the platform's FechaLimite (PNT), else "plazo no determinable", counted apart.

SEFIPLAN (estatal: LTAIPQROO 2016, 10 business days), all filed Mon 2 Dec 2024, all received that day.
Without a prevención, day 10 is Mon 16 Dec (3, 4, 5, 6, 9, 10, 11, 12, 13, 16).
Template:
  T1 prevención 4 Dec, desahogo Thu 19 Dec, answered Wed 15 Jan 2025. Day 0 is 19 Dec; day 1 Fri 20; 23 Dec – 6 Jan
     are not working days (winter period, 25 Dec, 1 Jan); days 2–8 are 7, 8, 9, 10, 13, 14, 15 Jan → 8 days; day 10
     is Fri 17 Jan → on time (counted from the receipt: 3–6, 9–13, 16–20 Dec and 7–10, 13–15 Jan = 21 business
     days, late).
  T2 the same, answered Mon 20 Jan: day 11 → late.
  T3 prevención Sí with no dates, answered Fri 20 Dec; the template has no FechaLimite → plazo no determinable:
     en_plazo NULL; its days count from the receipt: 3–6, 9–13, 16–20 Dec = 14.
  T4 no prevención, answered Fri 13 Dec: day 9 → on time.
PNT export (CSV):
  P1 Prevencion Si, FechaLimite 17/01/2025, answered 10/01/2025 → on time by the PNT's deadline; its days count
     from the receipt (no day 0 is known): 14 in December and 7–10 Jan = 18.
  P2 Prevencion Si, FechaLimite 17/01/2025, answered 20/01/2025 → late; 18 + 13–17, 20 Jan = 24 days.
  P3 no prevención, FechaLimite 16/12/2024 (= computed), answered 13/12/2024 → on time.
  P4 no prevención, FechaLimite 17/12/2024 (one business day after the computed 16 Dec), answered 13/12/2024.
December 2024: 8 received; judged T1 T2 T4 P1 P2 P3 P4 = 7, on time T1 T4 P1 P3 P4 = 5 → 5/7 = 71.4 %;
plazo no determinable 1 (T3). Computed vs stated: P3 and P4 have both; P4 differs (computed 1 day earlier).
"""
import datetime as dt

import pytest

from conftest import all_text, run_page
from helpers import PLANTILLA_HEADER, PNT_HEADER, build, query, write

D = dt.date
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
HEADER = PLANTILLA_HEADER + ",fecha_prevencion,fecha_desahogo"
TEMPLATE = f"""
400000000000001,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2025-01-15,No,Sí,2024-12-04,2024-12-19
400000000000002,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2025-01-20,No,Sí,2024-12-04,2024-12-19
400000000000003,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-20,No,Sí,,
400000000000004,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-13,No,No,,
400000000000005,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-13,No,Sí,2024-12-10,2024-12-05
400000000000006,2024-12-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-12-13,No,Sí,,2024-12-05
"""


def pnt(folio, limite, answered, prevencion):
    return ",".join([folio, "02/12/2024", "Secretaría de Finanzas y Planeación (SEFIPLAN)", "Terminada",
                     "Información pública", limite, ENTREGA, answered, answered, "No", prevencion, "No Aplica", "No"])


PNT = [pnt("410000000000001", "17/01/2025", "10/01/2025", "Si"), pnt("410000000000002", "17/01/2025", "20/01/2025", "Si"),
       pnt("410000000000003", "16/12/2024", "13/12/2024", "No"), pnt("410000000000004", "17/12/2024", "13/12/2024", "No")]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prevencion")
    write(tmp / "in" / "solicitudes" / "registro.csv", HEADER + TEMPLATE)
    write(tmp / "in" / "solicitudes" / "pnt.csv", PNT_HEADER + "\n" + "\n".join(PNT) + "\n")
    return build(tmp / "in", tmp)


def rows(db):
    return {r[0]: r[1:] for r in query(db, """SELECT folio, fecha_limite_origen, fecha_limite, dias_habiles_respuesta,
                                                     en_plazo FROM solicitud""")}


def test_the_term_starts_again_after_the_desahogo(db):
    r = rows(db)
    assert r["400000000000001"] == ("desahogo", D(2025, 1, 17), 8, True)
    assert r["400000000000002"] == ("desahogo", D(2025, 1, 17), 11, False)
    assert query(db, "SELECT fecha_prevencion, fecha_desahogo, hubo_prevencion FROM solicitud "
                     "WHERE folio = '400000000000001'") == [(D(2024, 12, 4), D(2024, 12, 19), True)]


def test_without_dates_the_platform_deadline_then_not_determinable(db):
    r = rows(db)
    assert r["410000000000001"] == ("fuente", D(2025, 1, 17), 18, True)  # answered inside the PNT's deadline
    assert r["410000000000002"] == ("fuente", D(2025, 1, 17), 24, False)
    assert r["400000000000003"] == ("no_determinable", None, 14, None)
    assert r["400000000000004"] == ("ley", D(2024, 12, 16), 9, True)
    assert r["410000000000003"][:2] == r["410000000000004"][:2] == ("ley", D(2024, 12, 16))


def test_indicators_count_the_undetermined_apart(db):
    base = query(db, """SELECT recibidas, con_plazo_determinado, en_plazo, plazo_no_determinable
                        FROM base_solicitud_mes WHERE ente_id = 'SEFIPLAN' AND mes = DATE '2024-12-01'""")
    assert base == [(8, 7, 5, 1)]
    values = dict(query(db, """SELECT indicador, round(valor, 1) FROM indicador_valor WHERE nivel = 'ente'
                               AND clave = 'SEFIPLAN' AND tipo_periodo = 'mes' AND periodo = '2024-12'"""))
    assert (values["pct_en_plazo"], values["plazo_no_determinable"]) == (71.4, 1)


def test_bad_prevencion_dates_are_rejected_with_their_reason(db):
    motivos = dict(query(db, "SELECT valor, motivo FROM rechazo WHERE columna IN ('fecha_prevencion', 'fecha_desahogo')"
                             " ORDER BY fila"))
    assert motivos["2024-12-05"] == "El desahogo es anterior a la prevención (10/12/2024); revise ambas fechas."
    assert "Hay fecha de desahogo sin fecha de prevención" in motivos[None]


def test_estado_de_los_datos_compares_computed_and_stated_deadlines(db, monkeypatch, local_mode):
    # P3 and P4 have both deadlines and P4's differs; P1, P2 use the PNT's; T3 is not determinable.
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/9_Estado_de_los_datos.py")
    assert not at.exception
    assert ("De 2 solicitudes con fecha límite calculada y fecha límite de la fuente, 1 no coinciden (50.0 %); 2 "
            "solicitudes con prevención sin fechas usan la fecha límite de la plataforma y 1 tienen plazo no "
            "determinable (se cuentan aparte).") in all_text(at)
