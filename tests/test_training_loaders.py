"""The four training inputs are recognized by their headers in one folder; personal columns become hashes."""
import duckdb
import pytest

from common.errors import FileError
from etl.read.source import read_source
from helpers import write
from training_fixture import CAMPUS_HEADER, CAMPUS_ROWS, CURSOS, EVENTOS, LISTA, PLANTILLA, write_xlsx

TRAINING = ("cursos", "asistencias", "plantillas", "eventos")


@pytest.fixture
def con(monkeypatch):
    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    connection = duckdb.connect()
    yield connection
    connection.close()


def test_course_catalog(tmp_path, con):
    result = read_source(write(tmp_path / "x.csv", CURSOS), TRAINING, con, "raw")
    assert (result.fuente, result.layout, result.filas_leidas) == ("cursos", "catalogo_cursos", 4)
    assert con.execute("SELECT curso_id, modalidad, fecha_fin, horas FROM raw WHERE fila = 4").fetchall() == [
        ("C3", "Conferencia", None, "2")]


def test_campus_export_xlsx_below_title_rows(tmp_path, con):
    result = read_source(write_xlsx(tmp_path / "campus.xlsx", CAMPUS_HEADER, CAMPUS_ROWS), TRAINING, con, "raw")
    assert (result.fuente, result.layout, result.formato, result.filas_leidas) == (
        "asistencias", "campus_virtual", "xlsx", 3)
    row = con.execute("SELECT fila, curso_id, dependencia, es_ut, asistio, calificacion, constancia, fecha "
                      "FROM raw ORDER BY fila").fetchone()
    assert row == (4, "C1", "SEFIPLAN", "Sí", "Completado", "90", "Sí", "2024-03-20")


def test_sign_in_sheet_csv(tmp_path, con):
    result = read_source(write(tmp_path / "lista.csv", LISTA), TRAINING, con, "raw")
    assert (result.fuente, result.layout, result.filas_leidas) == ("asistencias", "lista_asistencia", 6)
    hashes = con.execute("SELECT count(hash_curp), count(hash_correo), count(hash_nombre) FROM raw").fetchone()
    assert hashes == (0, 4, 6)


def test_personal_columns_never_reach_the_table(tmp_path, con):
    read_source(write(tmp_path / "lista.csv", LISTA), TRAINING, con, "raw")
    columns = [c[0] for c in con.execute("DESCRIBE raw").fetchall()]
    assert not {"nombre", "correo", "curp"} & set(columns)
    cells = " ".join(str(v) for row in con.execute("SELECT * FROM raw").fetchall() for v in row)
    assert "Ficticia" not in cells and "ejemplo.invalid" not in cells.lower()


def test_staff_counts_and_public_events(tmp_path, con):
    assert read_source(write(tmp_path / "p.csv", PLANTILLA), TRAINING, con, "raw").fuente == "plantillas"
    assert con.execute("SELECT dependencia, fecha_corte, total_personal, personal_ut FROM raw LIMIT 1").fetchall() \
        == [("SEFIPLAN", "2023-12-31", "4", "2")]
    result = read_source(write(tmp_path / "e.csv", EVENTOS), TRAINING, con, "raw")
    assert (result.fuente, result.filas_leidas) == ("eventos", 3)


def test_single_fuente_still_works_and_names_the_right_folder(tmp_path, con):
    result = read_source(write(tmp_path / "x.csv", CURSOS), "cursos", con, "raw")
    assert result.fuente == "cursos"
    with pytest.raises(FileError) as info:
        read_source(write(tmp_path / "y.csv", CURSOS), "solicitudes", con, "raw")
    assert "data/inputs/capacitacion/" in str(info.value)


def test_unknown_training_file_lists_the_known_layouts(tmp_path, con):
    with pytest.raises(FileError) as info:
        read_source(write(tmp_path / "z.csv", "a,b,c\n1,2,3\n"), TRAINING, con, "raw")
    message = str(info.value)
    assert "cursos o asistencias o plantillas o eventos" in message
    assert "campus_virtual" in message and "plantilla_personal" in message
