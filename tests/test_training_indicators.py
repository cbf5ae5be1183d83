"""Training indicators on the tiny fixture of tests/training_fixture.py, every number worked out by hand.

Courses (2024): C1 en línea 1–31 Mar, 10 h · C2 presencial 10 May, 4 h · C3 conferencia 5 Sep, 2 h ·
C4 presencial for the public, 20 Apr (no attendance list). Staff: SEFIPLAN 4 (2 UT) at 2023-12-31 and 5 (2 UT)
at 2024-06-30; SEGOB 1 (1 UT) at 2023-12-31. Calificación mínima 8 of 10.

Persons (a person is trained when they attended and did not fail):
  Ana (SEFIPLAN, UT)  C1 grade 90 ✓ (Mar) · C2 e-mail in capitals with a trailing space, attended (May) ·
                      C3 e-mail with a capital, attended (Sep)   → one person (the e-mails link to her CURP),
                      first trained in March.
  Beto (SEFIPLAN)     C1 grade 70 ✗ (failed) · C2 " beto.prueba @…" attended, no grade → first trained in May.
  Dora (SEFIPLAN)     name only: C2 did not attend · C3 attended, ente written "Secretaría de Finanzas y
                      Planeación" → same person (name + ente), first trained in September.
  Carla (SEGOB, UT)   C1 grade 100 ✓ (Mar, CURP in lower case) · C3 e-mail only (Sep) → one person, March.
SEFIPLAN by month: Mar personas 1, UT 1, horas 2×10 = 20, evaluated 2 (A ✓, B ✗) → year-to-date 1 of 4 staff
  = 25 %, UT 1 of 2 = 50 %. May personas 1 (Beto), horas 2×4 = 8 → 2 of 4 = 50 %. Jun: new plantilla → 2 of 5
  = 40 %. Sep personas 1 (Dora), horas 2×2 = 4 → 3 of 5 = 60 %. Year: personas 3, horas 32, aprobación 1/2.
  Q2: personas 1 (Beto), coverage at 30 Jun 2 of 5 = 40 %.
SEGOB: Mar personas 1 (Carla), 1 of 1 = 100 %, UT 1 of 1 → institución 100 % capacitada from March. horas 10 + 2.
Government 2024 (stocks at the last month, September; flows summed): personas 4; coverage (3 + 1)/(5 + 1) =
  66.67 %; UT (1 + 1)/(2 + 1) = 66.67 %; aprobación 2 of 3 evaluated; horas 44; entes 100 %: 1 of 2 = 50 %.
  Courses 4 (April: 1, C4); public attendees 100 + 30 + 50 = 180 (April: 130), counted only at nivel gobierno.
"""
import os

import pytest

from helpers import build, query
from training_fixture import write_training_inputs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    os.environ.setdefault("TABLERO_SECRETO", "clave-de-prueba")
    tmp = tmp_path_factory.mktemp("capacitacion")
    return build(write_training_inputs(tmp / "in"), tmp)


def value(db, indicador, clave="SEFIPLAN", periodo="2024"):
    rows = query(db, "SELECT valor, numerador, denominador FROM indicador_valor "
                     "WHERE indicador = ? AND clave = ? AND periodo = ?", [indicador, clave, periodo])
    assert len(rows) == 1, (indicador, clave, periodo, rows)
    return rows[0]


@pytest.mark.parametrize("indicador, periodo, esperado", [
    ("personas_capacitadas", "2024-03", (1, 1, None)),
    ("personas_capacitadas", "2024-05", (1, 1, None)),
    ("personas_capacitadas", "2024-09", (1, 1, None)),
    ("personas_capacitadas", "2024", (3, 3, None)),
    ("personas_capacitadas", "2024-T2", (1, 1, None)),
    ("pct_personal_capacitado", "2024-03", (25.0, 1, 4)),
    ("pct_personal_capacitado", "2024-05", (50.0, 2, 4)),
    ("pct_personal_capacitado", "2024-06", (40.0, 2, 5)),
    ("pct_personal_capacitado", "2024-T2", (40.0, 2, 5)),
    ("pct_personal_capacitado", "2024", (60.0, 3, 5)),
    ("pct_personal_ut_capacitado", "2024", (50.0, 1, 2)),
    ("pct_aprobacion_capacitacion", "2024", (50.0, 1, 2)),
    ("horas_persona_capacitacion", "2024", (32, 32, None)),
    ("pct_institucion_100_capacitada", "2024", (0.0, 0, 1)),
])
def test_sefiplan(db, indicador, periodo, esperado):
    assert value(db, indicador, "SEFIPLAN", periodo) == pytest.approx(esperado)


def test_segob_is_fully_trained_from_march(db):
    assert value(db, "pct_personal_capacitado", "SEGOB", "2024-03") == pytest.approx((100.0, 1, 1))
    assert value(db, "pct_institucion_100_capacitada", "SEGOB", "2024-03") == pytest.approx((100.0, 1, 1))
    assert value(db, "pct_institucion_100_capacitada", "SEGOB", "2024") == pytest.approx((100.0, 1, 1))
    assert value(db, "personas_capacitadas", "SEGOB", "2024")[0] == 1


def test_government_is_reaggregated_from_counts(db):
    assert value(db, "personas_capacitadas", "GEQROO")[0] == 4
    assert value(db, "pct_personal_capacitado", "GEQROO") == pytest.approx((400 / 6, 4, 6))
    assert value(db, "pct_personal_ut_capacitado", "GEQROO") == pytest.approx((200 / 3, 2, 3))
    assert value(db, "pct_aprobacion_capacitacion", "GEQROO") == pytest.approx((200 / 3, 2, 3))
    assert value(db, "horas_persona_capacitacion", "GEQROO")[0] == 44
    assert value(db, "pct_institucion_100_capacitada", "GEQROO") == pytest.approx((50.0, 1, 2))


def test_months_add_up_to_the_year(db):
    months = query(db, """SELECT sum(numerador) FROM indicador_valor WHERE indicador = 'personas_capacitadas'
                          AND nivel = 'gobierno' AND tipo_periodo = 'mes' AND periodo LIKE '2024-%'""")[0][0]
    assert months == value(db, "personas_capacitadas", "GEQROO")[0] == 4


def test_courses_and_public_events_only_at_government_level(db):
    assert value(db, "cursos_impartidos", "GEQROO")[0] == 4
    assert value(db, "cursos_impartidos", "GEQROO", "2024-04")[0] == 1
    assert value(db, "asistentes_sociedad", "GEQROO")[0] == 180
    assert value(db, "asistentes_sociedad", "GEQROO", "2024-04")[0] == 130
    levels = query(db, """SELECT DISTINCT nivel FROM indicador_valor
                          WHERE indicador IN ('cursos_impartidos', 'asistentes_sociedad')""")
    assert levels == [("gobierno",)]
    assert query(db, "SELECT sum(eventos) FROM base_capacitacion_gobierno_mes") == [(2,)]


def test_the_100_rule_is_configurable(tmp_path, monkeypatch):
    """With 50 % thresholds SEFIPLAN (60 % of staff, 50 % of its UT by September) also qualifies."""
    import etl.staging.capacitacion as stage

    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    monkeypatch.setattr(stage, "load_rules", lambda: {"pct_personal_minimo": 50.0, "pct_ut_minimo": 50.0,
                                                      "calificacion_minima": 8.0})
    db = build(write_training_inputs(tmp_path / "in"), tmp_path)
    assert value(db, "pct_institucion_100_capacitada", "SEFIPLAN", "2024") == pytest.approx((100.0, 1, 1))
    assert value(db, "pct_institucion_100_capacitada", "SEFIPLAN", "2024-03") == pytest.approx((0.0, 0, 1))
    assert query(db, "SELECT valor FROM capacitacion_regla WHERE clave = 'pct_personal_minimo'") == [(50.0,)]


def test_the_training_rules_report_every_problem_at_once(tmp_path):
    from common.errors import CatalogError
    from etl.staging.capacitacion import load_rules
    (tmp_path / "capacitacion.toml").write_text('[institucion_100]\npct_personal_minimo = "cien"\npct_ut = 100\n\n'
                                                '[aprobacion]\ncalificacion_minima = 8\n', encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_rules(tmp_path)
    assert str(err.value).split("\n- ") == [
        "capacitacion.toml tiene errores:",
        "capacitacion.toml, [institucion_100]: clave desconocida «pct_ut»; use solo pct_personal_minimo, pct_ut_minimo",
        "capacitacion.toml, [institucion_100]: «pct_personal_minimo» debe ser un número; se encontró 'cien'",
        "capacitacion.toml, [institucion_100]: falta «pct_ut_minimo»",
    ]
