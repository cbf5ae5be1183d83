"""Training coverage is rolling: the distinct persons trained in the 12 months ending with the period (that month
and the 11 before), so it does not fall to 0 every January; a person trained at an ente's predecessor counts for
the ente; an ente that ended adds no staff nor coverage after its end.

Courses: K1 1 Mar 2024, K2 5 Nov 2024, K3 10 Feb 2025, K4 12 Mar 2025, K5 3 Nov 2025 (each one day).
SEGOB (plantilla 4, 1 of them in the UT, since 2023-12-31):
  P1 (UT) K1 Mar 2024 and K3 Feb 2025 · P2 K2 Nov 2024 · P3 K3 Feb 2025.
  2024-03: {P1} = 1 of 4 = 25 %            2024-12: {P1, P2} = 50 %
  2025-01: {P1, P2} = 50 % (year-to-date would say 0 %: the January collapse)
  2025-02: {P1, P2, P3} = 75 %             2025-11: P2's window (Nov 2024 – Oct 2025) is over: {P1, P3} = 50 %
  UT: 1 of 1 = 100 % from March 2024 on (P1 again in Feb 2025 keeps her inside the window).
SECOES → SABGOB (renamed 11 Feb 2025; plantillas SECOES 10, SABGOB 8 from 11 Feb 2025):
  Q1 at SECOES, K1 Mar 2024 · Q2 at SABGOB, K4 Mar 2025.
  SABGOB 2025-03: Q1 (Mar 2024 – Feb 2025 window) is over, Q2 → 1 of 8 = 12.5 %; 2025-02: Q1 → 1 of 8 = 12.5 %
  (without its predecessor it would be 0 of 8); 2025-01 is SECOES's month (SABGOB was not in force): Q1 → 1 of 10.
SEFIPLAN (no plantilla) only makes the data run to November 2025 (K5).
Government, 2025-02: units in force at the end of February: SEGOB 3 of 4 and SABGOB 1 of 8; SECOES ended on
  10 February and adds neither its 10 staff nor its person → (3 + 1) / (4 + 8) = 33.33 %.
"""
import os

import pytest

from helpers import build, query, write

CURSOS = """clave_curso,nombre_curso,tema,modalidad,fecha_inicio,fecha_fin,horas,publico,organizador
K1,Ley General,Acceso a la información,Presencial,2024-03-01,2024-03-01,2,Servidores públicos,SABGOB
K2,Datos personales,Datos personales,Presencial,2024-11-05,2024-11-05,2,Servidores públicos,SABGOB
K3,Obligaciones,Obligaciones de transparencia,Presencial,2025-02-10,2025-02-10,2,Servidores públicos,SABGOB
K4,Archivos,Archivos,Presencial,2025-03-12,2025-03-12,2,Servidores públicos,SABGOB
K5,Gobierno abierto,Gobierno abierto,Presencial,2025-11-03,2025-11-03,2,Servidores públicos,SABGOB
"""
LISTA = """Nombre,Correo,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió
Persona Uno,p1@segob.ejemplo.invalid,SEGOB,Enlace,Sí,No,K1,01/03/2024,Sí
Persona Uno,p1@segob.ejemplo.invalid,SEGOB,Enlace,Sí,No,K3,10/02/2025,Sí
Persona Dos,p2@segob.ejemplo.invalid,SEGOB,Analista,No,No,K2,05/11/2024,Sí
Persona Tres,p3@segob.ejemplo.invalid,SEGOB,Analista,No,No,K3,10/02/2025,Sí
Persona Q1,q1@secoes.ejemplo.invalid,SECOES,Analista,No,No,K1,01/03/2024,Sí
Persona Q2,q2@sabgob.ejemplo.invalid,SABGOB,Analista,No,No,K4,12/03/2025,Sí
Persona Cinco,p5@sefiplan.ejemplo.invalid,SEFIPLAN,Analista,No,No,K5,03/11/2025,Sí
"""
PLANTILLA = """ente,fecha_corte,total_personal,personal_ut
SEGOB,2023-12-31,4,1
SECOES,2023-12-31,10,1
SABGOB,2025-02-11,8,1
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    os.environ.setdefault("TABLERO_SECRETO", "clave-de-prueba")
    tmp = tmp_path_factory.mktemp("capacitacion_movil")
    for name, text in (("cursos.csv", CURSOS), ("lista.csv", LISTA), ("plantilla.csv", PLANTILLA)):
        write(tmp / "in" / "capacitacion" / name, text)
    return build(tmp / "in", tmp)


def coverage(db, clave, periodo, indicador="pct_personal_capacitado"):
    rows = query(db, """SELECT nivel, valor, numerador, denominador FROM indicador_valor
                        WHERE indicador = ? AND clave = ? AND tipo_periodo = 'mes' AND periodo = ?""",
                 [indicador, clave, periodo])
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("periodo, esperado", [
    ("2024-03", (25.0, 1, 4)), ("2024-12", (50.0, 2, 4)), ("2025-01", (50.0, 2, 4)), ("2025-02", (75.0, 3, 4)),
    ("2025-11", (50.0, 2, 4))])
def test_a_january_keeps_the_coverage_of_the_last_12_months(db, periodo, esperado):
    assert coverage(db, "SEGOB", periodo) == ("ente", *esperado)


def test_ut_coverage_is_rolling_too(db):
    assert [coverage(db, "SEGOB", p, "pct_personal_ut_capacitado")[1:] for p in ("2024-03", "2025-01", "2025-11")] \
        == [(100.0, 1, 1)] * 3


def test_a_renamed_ente_keeps_its_predecessors_trained_persons(db):
    assert coverage(db, "SABGOB", "2025-02") == ("ente", 12.5, 1, 8)
    assert coverage(db, "SABGOB", "2025-03") == ("ente", 12.5, 1, 8)
    # January 2025 belongs to SECOES; SABGOB's row for it is its history (nivel linaje), not ranked nor exported
    assert coverage(db, "SECOES", "2025-01") == ("ente", 10.0, 1, 10)
    assert coverage(db, "SABGOB", "2025-01") == ("linaje", 10.0, 1, 10)


def test_an_ended_ente_adds_no_staff_after_its_end(db):
    assert coverage(db, "GEQROO", "2025-02")[1:] == (pytest.approx(100 * 4 / 12), 4, 12)
    assert query(db, """SELECT count(*) FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SECOES'
                        AND tipo_periodo = 'mes' AND periodo >= '2025-02'""") == [(0,)]
