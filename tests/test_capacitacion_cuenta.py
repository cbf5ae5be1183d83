"""Training that counts (issue 22 item 11): a graded course counts only when passed; the Comité de Transparencia
100 % capacitado; the certified head of the UT when the plantilla says so. Persons are fictitious.

Courses 2024: T1 taller 5 Mar (graded: it has grades), T2 conferencia 10 Apr (nobody graded). Calificación mínima 8.
  Ana   SEFIPLAN, UT, Comité   T1 grade 9                → passed
  Beto  SEFIPLAN, Comité       T1 grade 6                → failed;   T2 attended → trained in April
  Carla SEFIPLAN, Comité       T1 no grade, no constancia → graded course: not passed (before: counted as trained);
                               T2 attended → trained in April
  Dora  SEFIPLAN               T1 no grade, constancia Sí → passed (the certificate stands for the grade)
  Eva   SEGOB, Comité          T1 grade 8                → passed
SEFIPLAN March: trained Ana, Dora → 2 of 10 staff = 20 %; aprobación 2 of 4 evaluated (Ana ✓, Beto ✗, Carla ✗,
  Dora ✓) = 50 % (before 2 of 3: Carla was «not evaluated»). April: + Beto, Carla → 4 of 10 = 40 %.
Comité (plantilla: SEFIPLAN 3 members; SEGOB leaves it empty): SEFIPLAN March 1 of 3 trained (Ana) = 33.3 %, not
  100 % (0); April 3 of 3 (Ana, Beto, Carla) = 100 %, comité 100 % capacitado (1 of 1 = 100). SEGOB: no value.
  Government April: 1 ente of the 1 that reports its Comité = 100 %.
Certified UT head: SEFIPLAN Sí → 100; SEGOB No → 0; government 1 of 2 = 50 %. SEQ writes «tres» members and CGC
  «Quizá»: both rows are rejected, with their column; never guessed.
"""
import os

import pytest

from conftest import all_text, run_page, table_with
from helpers import build, query, write

CURSOS = """clave_curso,nombre_curso,tema,modalidad,fecha_inicio,fecha_fin,horas,publico,organizador
T1,Clasificación de la información,Acceso a la información,Taller,2024-03-05,2024-03-05,6,Servidores públicos,SABGOB
T2,Gobierno abierto,Gobierno abierto,Conferencia,2024-04-10,2024-04-10,2,Servidores públicos,SABGOB
"""
LISTA = """Nombre,Correo,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió,Calificación,Constancia
Ana Ficticia,ana@sefiplan.ejemplo.invalid,SEFIPLAN,Enlace,Sí,Sí,T1,05/03/2024,Sí,9,
Beto Prueba,beto@sefiplan.ejemplo.invalid,SEFIPLAN,Analista,No,Sí,T1,05/03/2024,Sí,6,
Carla Inventada,carla@sefiplan.ejemplo.invalid,SEFIPLAN,Directora,No,Sí,T1,05/03/2024,Sí,,
Dora Simulada,dora@sefiplan.ejemplo.invalid,SEFIPLAN,Auxiliar,No,No,T1,05/03/2024,Sí,,Sí
Eva Ejemplo,eva@segob.ejemplo.invalid,SEGOB,Enlace,No,Sí,T1,05/03/2024,Sí,8,
Beto Prueba,beto@sefiplan.ejemplo.invalid,SEFIPLAN,Analista,No,Sí,T2,10/04/2024,Sí,,
Carla Inventada,carla@sefiplan.ejemplo.invalid,SEFIPLAN,Directora,No,Sí,T2,10/04/2024,Sí,,
"""
PLANTILLA = """ente,fecha_corte,total_personal,personal_ut,integrantes_comite,titular_ut_certificado
SEFIPLAN,2023-12-31,10,2,3,Sí
SEGOB,2023-12-31,5,1,,No
SEQ,2023-12-31,20,2,tres,
CGC,2023-12-31,8,1,3,Quizá
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    os.environ.setdefault("TABLERO_SECRETO", "clave-de-prueba")
    tmp = tmp_path_factory.mktemp("capacitacion_cuenta")
    folder = tmp / "in" / "capacitacion"
    write(folder / "cursos.csv", CURSOS)
    write(folder / "lista.csv", LISTA)
    write(folder / "plantilla.csv", PLANTILLA)
    return build(tmp / "in", tmp)


def value(db, indicador, clave, periodo):
    rows = query(db, "SELECT valor, numerador, denominador FROM indicador_valor "
                     "WHERE indicador = ? AND clave = ? AND periodo = ?", [indicador, clave, periodo])
    assert len(rows) <= 1, rows
    return rows[0] if rows else None


def test_a_graded_course_counts_only_when_passed(db):
    assert value(db, "pct_personal_capacitado", "SEFIPLAN", "2024-03") == pytest.approx((20.0, 2, 10))
    assert value(db, "pct_aprobacion_capacitacion", "SEFIPLAN", "2024-03") == pytest.approx((50.0, 2, 4))
    assert value(db, "pct_personal_capacitado", "SEFIPLAN", "2024-04") == pytest.approx((40.0, 4, 10))
    # in the graded course, the missing grade is a fail; in the conference nobody is evaluated
    assert query(db, """SELECT c.curso_id, a.aprobado, a.capacitada, count(*) FROM asistencia a JOIN curso c
                        USING (curso_id) WHERE a.calificacion IS NULL GROUP BY ALL ORDER BY ALL""") == [
        ("T1", False, False, 1), ("T1", True, True, 1), ("T2", None, True, 2)]


def test_comite_de_transparencia_100_capacitado(db):
    assert value(db, "pct_comite_capacitado", "SEFIPLAN", "2024-03") == pytest.approx((100 / 3, 1, 3))
    assert value(db, "comite_100_capacitado", "SEFIPLAN", "2024-03") == pytest.approx((0.0, 0, 1))
    assert value(db, "pct_comite_capacitado", "SEFIPLAN", "2024-04") == pytest.approx((100.0, 3, 3))
    assert value(db, "comite_100_capacitado", "SEFIPLAN", "2024-04") == pytest.approx((100.0, 1, 1))
    assert value(db, "comite_100_capacitado", "GEQROO", "2024-04") == pytest.approx((100.0, 1, 1))
    segob = value(db, "comite_100_capacitado", "SEGOB", "2024-04")
    assert segob is None or segob[0] is None  # the plantilla does not say how many members: no value


def test_certified_ut_head_only_when_a_source_says_so(db):
    assert value(db, "titular_ut_certificado", "SEFIPLAN", "2024-04") == pytest.approx((100.0, 1, 1))
    assert value(db, "titular_ut_certificado", "SEGOB", "2024-04") == pytest.approx((0.0, 0, 1))
    assert value(db, "titular_ut_certificado", "GEQROO", "2024-04") == pytest.approx((50.0, 1, 2))


def test_bad_values_are_rejected_never_guessed(db):
    rows = query(db, "SELECT columna, valor, motivo FROM rechazo WHERE archivo LIKE '%plantilla%' ORDER BY columna")
    assert [(c, v) for c, v, _m in rows] == [("integrantes_comite", "tres"), ("titular_ut_certificado", "Quizá")]
    assert "número entero" in rows[0][2] and "Sí o No" in rows[1][2]


def test_capacitacion_page_and_ficha_say_it(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/7_Capacitacion.py", {"tipo": "mes", "periodo": "2024-04"})
    assert not at.exception
    table = table_with(at, "Comité de Transparencia capacitado").set_index("Siglas")
    assert table.loc["SEFIPLAN", "Comité de Transparencia capacitado"] == "3 de 3 (100 %)"
    assert table.loc["SEGOB", "Comité de Transparencia capacitado"] == "Sin datos"
    assert table.loc["SEFIPLAN", "Titular de la UT certificado"] == "Sí"
    assert table.loc["SEGOB", "Titular de la UT certificado"] == "No"
    text = all_text(at)
    assert "1 de 1 entes que informan su Comité de Transparencia lo tienen 100 % capacitado" in text
    assert "1 de 2 entes que lo informan tienen a la persona titular de su UT certificada" in text
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "mes", "periodo": "2024-03"})
    assert not at.exception
    assert "Integrantes de su Comité de Transparencia capacitados: 1 de 3." in all_text(at)
