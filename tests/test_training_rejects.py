"""Bad training rows go to rechazo with file, row, column, value and a Spanish reason; the build goes on."""
import datetime as dt

import pytest
from helpers import build, query, write

from common.errors import BuildError
from etl.build import build_warehouse

CURSOS = """clave_curso,nombre_curso,tema,modalidad,fecha_inicio,fecha_fin,horas,publico,organizador
C1,Introducción,Acceso a la información,En línea,2024-03-01,2024-03-31,10,Servidores públicos,SABGOB
C2,Curso híbrido,Archivos,Híbrido,2024-04-01,2024-04-02,4,Servidores públicos,SABGOB
"""
LISTA = """Nombre,Correo,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió
Ana Ficticia,ana@ejemplo.invalid,SEFIPLAN,Enlace,Sí,No,C1,02/03/2024,Sí
Beto Prueba,beto@ejemplo.invalid,Secretaría de Finanzas y Planeasión,Analista,No,No,C1,02/03/2024,Sí
Carla Demo,carla@ejemplo.invalid,SEFIPLAN,Analista,No,No,C9,02/03/2024,Sí
Ana Ficticia, ANA@ejemplo.invalid,SEFIPLAN,Enlace,Sí,No,C1,03/03/2024,Sí
Dora Ensayo,dora@ejemplo.invalid,SEFIPLAN,Auxiliar,No,No,C1,15/04/2024,Sí
,,SEFIPLAN,Auxiliar,No,No,C1,02/03/2024,Sí
Elsa Muestra,elsa@ejemplo.invalid,SEFIPLAN,Auxiliar,Tal vez,No,C1,02/03/2024,Sí
"""
PLANTILLA = """ente,fecha_corte,total_personal,personal_ut
SEFIPLAN,2023-12-31,10,2
SEGOB,2023-12-31,3,5
Secretaría de Magia,2023-12-31,10,1
"""
EVENTOS = """evento,fecha,sector,asistentes,municipio
Semana de la Transparencia,2024-04-22,Estudiantes,100,Chetumal
Semana de la Transparencia,2024-04-22,Marcianos,10,Chetumal
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rechazos_capacitacion")
    folder = tmp / "in" / "capacitacion"
    for name, text in (("cursos.csv", CURSOS), ("lista.csv", LISTA), ("plantilla.csv", PLANTILLA),
                       ("eventos.csv", EVENTOS)):
        write(folder / name, text)
    return build(tmp / "in", tmp)


def rejects(db, archivo):
    return {fila: (columna, valor, motivo) for fila, columna, valor, motivo in
            query(db, "SELECT fila, columna, valor, motivo FROM rechazo WHERE archivo = ?", [archivo])}


def test_attendance_rejects_with_reasons(db):
    r = rejects(db, "lista.csv")
    assert sorted(r) == [3, 4, 5, 6, 7, 8]
    columna, valor, motivo = r[3]
    assert (columna, valor) == ("dependencia", "Secretaría de Finanzas y Planeasión")
    assert motivo.startswith("Ente desconocido.") and "Secretaría de Finanzas y Planeación" in motivo
    assert r[4][:2] == ("curso_id", "C9") and r[4][2].startswith("Curso desconocido")
    assert r[5][0] == "persona" and r[5][2].startswith("Asistencia duplicada") and "lista.csv, fila 2" in r[5][2]
    assert r[6][:2] == ("fecha", "15/04/2024") and "fuera de las fechas del curso (2024-03-01 a 2024-03-31)" in r[6][2]
    assert r[7][0] == "persona" and "CURP, el correo o el nombre" in r[7][2]
    assert r[8][:2] == ("es_ut", "Tal vez")


def test_course_staff_and_event_rejects(db):
    assert rejects(db, "cursos.csv")[3][:2] == ("modalidad", "Híbrido")
    plantilla = rejects(db, "plantilla.csv")
    assert plantilla[3][0] == "personal_ut" and "mayor que el total" in plantilla[3][2]
    assert plantilla[4][0] == "dependencia" and plantilla[4][2].startswith("Ente desconocido.")
    assert rejects(db, "eventos.csv")[3][:2] == ("sector", "Marcianos")


def test_good_rows_load_and_the_log_balances(db):
    assert query(db, "SELECT count(*) FROM asistencia") == [(1,)]
    assert query(db, "SELECT curso_id FROM curso") == [("C1",)]
    assert query(db, "SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas FROM carga "
                     "WHERE archivo = 'lista.csv'") == [("lista.csv", 7, 1, 6)]


def test_strict_build_refuses_rejected_rows(db, tmp_path):
    inputs = db.parent / "in"
    with pytest.raises(BuildError, match="Modo estricto"):
        build_warehouse(inputs, tmp_path / "x.duckdb", strict=True, today=dt.date(2026, 11, 29))
