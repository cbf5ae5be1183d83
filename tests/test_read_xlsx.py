"""XLSX sources read with python-calamine: dates as ISO text, folios keep their zeros, sheet and header search."""
import datetime as dt

import duckdb
import pytest

from common.errors import FileError
from etl.read.source import read_source
from helpers import workbook

HEADERS = ["folio", "ente", "fecha_presentacion", "estatus", "fecha_respuesta", "hubo_ampliacion", "observaciones"]


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def select(con, columns):
    return con.execute(f"SELECT {columns} FROM raw ORDER BY fila").fetchall()


def test_dates_numbers_and_text_folios(tmp_path, con):
    path = workbook(tmp_path / "registro.xlsx", {"Solicitudes": [
        HEADERS,
        ["000532025767088", "SEQ", dt.date(2025, 3, 5), "Terminada", dt.datetime(2025, 3, 20, 13, 45), "No", "privado"],
        ["000532025767089", " SABGOB ", dt.date(2025, 3, 6), 3.0, None, True, "privado"],
        ["000532025767090", "SEQ", "07/03/2025", 2.5, "", False, None],
    ]})

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.layout, result.formato, result.hoja) == ("plantilla_solicitudes", "xlsx", "Solicitudes")
    assert result.codificacion is None and result.separador is None
    assert result.filas_leidas == 3 and result.avisos == []
    assert select(con, "fila, folio, dependencia, fecha_solicitud, estatus, fecha_respuesta, prorroga") == [
        (2, "000532025767088", "SEQ", "2025-03-05", "Terminada", "2025-03-20 13:45:00", "No"),
        (3, "000532025767089", "SABGOB", "2025-03-06", "3", None, "true"),
        (4, "000532025767090", "SEQ", "07/03/2025", "2.5", None, "false"),
    ]
    everything = " ".join(str(v) for row in con.execute("SELECT * FROM raw").fetchall() for v in row)
    assert "privado" not in everything


def test_numeric_folio_cells_get_a_note(tmp_path, con):
    path = workbook(tmp_path / "registro.xlsx", {"Hoja1": [HEADERS[:3], [532025767088, "SEQ", dt.date(2025, 3, 5)]]})

    result = read_source(path, "solicitudes", con, "raw")

    assert select(con, "folio") == [("532025767088",)]
    assert any("folios son celdas numéricas" in a for a in result.avisos)


def test_first_recognizable_sheet_and_title_rows(tmp_path, con):
    path = workbook(tmp_path / "libro.xlsx", {
        "Instrucciones": [["Llene la hoja Datos"], ["No cambie los encabezados"]],
        "Datos": [
            ["Registro de solicitudes de la UT"],
            [],
            HEADERS[:3],
            ["000532025767088", "SEQ", dt.date(2025, 3, 5)],
            [],
            ["000532025767089", "SEQ", dt.date(2025, 3, 6)],
        ],
    })

    result = read_source(path, "solicitudes", con, "raw")

    assert result.hoja == "Datos"
    assert select(con, "fila, folio") == [(4, "000532025767088"), (6, "000532025767089")]


def test_header_only_sheet(tmp_path, con):
    path = workbook(tmp_path / "libro.xlsx", {"Hoja1": [HEADERS]})

    result = read_source(path, "solicitudes", con, "raw")

    assert result.filas_leidas == 0 and any("encabezados" in a for a in result.avisos)


def test_detected_by_content_not_extension(tmp_path, con):
    path = workbook(tmp_path / "registro.csv", {"Hoja1": [HEADERS[:3], ["1", "SEQ", dt.date(2025, 1, 2)]]})

    result = read_source(path, "solicitudes", con, "raw")

    assert result.formato == "xlsx" and select(con, "fecha_solicitud") == [("2025-01-02",)]


def test_corrupted_xlsx_is_a_file_error(tmp_path, con):
    path = tmp_path / "danado.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)

    with pytest.raises(FileError) as info:
        read_source(path, "solicitudes", con, "raw")

    assert "danado.xlsx" in str(info.value) and "dañado" in str(info.value)


def test_unknown_sheet_layout_lists_headers(tmp_path, con):
    path = workbook(tmp_path / "otro.xlsx", {"Hoja1": [["nombre", "puesto"], ["Ana", "Jefa"]]})

    with pytest.raises(FileError) as info:
        read_source(path, "solicitudes", con, "raw")

    message = str(info.value)
    assert "otro.xlsx" in message and "«nombre»" in message and "pnt_sisai" in message
