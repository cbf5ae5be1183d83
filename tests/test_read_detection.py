"""Layout recognition by headers/content and the Spanish messages for bad files."""
import duckdb
import pytest

from etl.layouts import normalize_header
from common.errors import FileError
from etl.read.source import read_source


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def error_of(path, fuente, con):
    with pytest.raises(FileError) as info:
        read_source(path, fuente, con, "raw")
    return str(info.value)


def test_normalize_header_ignores_case_accents_spaces_and_punctuation():
    assert normalize_header(" Fecha_Solicitud ") == normalize_header("FECHA SOLICITUD") == "fechasolicitud"
    assert normalize_header("Fecha Interposición") == "fechainterposicion"


def test_headers_match_loosely(tmp_path, con):
    path = write(tmp_path, "x.csv", "FOLIO;Ente;Fecha Presentación;Hubo-Ampliación\n1;SEQ;2025-01-02;Sí\n")

    result = read_source(path, "solicitudes", con, "raw")

    assert result.layout == "plantilla_solicitudes"
    assert con.execute("SELECT fecha_solicitud, prorroga FROM raw").fetchall() == [("2025-01-02", "Sí")]


def test_infomex_wins_the_tie_with_pnt_by_distinctive_headers(tmp_path, con):
    header = (
        "FOLIO,FECHASOLICITUD,DEPENDENCIA,ESTATUS,MEDIOENTRADA,TIPOSOLICITUD,DESCRIPCIONSOLICITUD,OTROSDATOS,"
        "ARCHIVOADJUNTOSOLICITUD,MEDIOENTREGA,FECHALIMITE,RESPUESTA,TEXTORESPUESTA,ARCHIVORESPUESTA,"
        "FECHARESPUESTA,PAIS,ESTADO,MUNICIPIO,CODIGOPOSTAL,SECTOR"
    )
    path = write(tmp_path, "x.csv", header + "\n" + "1," * 19 + "x\n")

    assert read_source(path, "solicitudes", con, "raw").layout == "infomex"


def test_pnt_headers_are_pnt_even_as_csv(tmp_path, con):
    path = write(tmp_path, "x.csv", "Folio,FechaSolicitud,Dependencia,Prorroga,TipoDerechoARCOP\n1,2,3,No,\n")

    assert read_source(path, "solicitudes", con, "raw").layout == "pnt_sisai"


def test_json_recognized_by_content_whatever_the_extension(tmp_path, con):
    path = write(tmp_path, "export.txt", '\ufeff  [{"Folio":"1","FechaSolicitud":"01/01/2025","Dependencia":"SEQ"}]\n')

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.formato, result.layout, result.codificacion) == ("json", "pnt_sisai", "utf-8-sig")


def test_unknown_layout_names_file_headers_and_known_layouts(tmp_path, con):
    path = write(tmp_path, "capacitacion_2025.csv", "nombre;curso;horas\nAna;SIPOT;4\n")

    message = error_of(path, "solicitudes", con)

    assert "capacitacion_2025.csv" in message
    assert "«nombre»" in message and "«curso»" in message and "«horas»" in message
    for layout in ("pnt_sisai", "infomex", "plantilla_solicitudes"):
        assert layout in message
    assert "Folio, FechaSolicitud, Dependencia" in message  # required headers of pnt_sisai
    assert "Cómo corregir" in message


def test_missing_required_column_names_layout_and_column(tmp_path, con):
    path = write(tmp_path, "pnt_2025.csv", "Folio;Fecha Solicitu;Dependencia;Estatus;Prorroga\n1;x;SEQ;T;No\n")

    message = error_of(path, "solicitudes", con)

    assert "pnt_2025.csv" in message
    assert "pnt_sisai" in message and "FechaSolicitud" in message
    assert "«Fecha Solicitu»" in message  # the near-miss header is pointed out


def test_empty_file(tmp_path, con):
    for name, content in (("vacio.csv", b""), ("blancos.csv", b"\xef\xbb\xbf \r\n\r\n")):
        path = tmp_path / name
        path.write_bytes(content)
        message = error_of(path, "solicitudes", con)
        assert name in message and "vacío" in message


def test_missing_file(tmp_path, con):
    message = error_of(tmp_path / "no_existe.csv", "solicitudes", con)

    assert "no_existe.csv" in message


def test_binary_file(tmp_path, con):
    path = tmp_path / "reporte.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02binary")

    assert "reporte.pdf" in error_of(path, "solicitudes", con)


def test_recursos_plantilla_in_recursos(tmp_path, con):
    path = write(tmp_path, "rr.csv", "expediente;ente;folio;fecha_interposicion;sentido\nRR/1/2025;SEQ;0053;2025-01-02;Revoca\n")

    result = read_source(path, "recursos", con, "raw")

    assert result.layout == "plantilla_recursos"
    assert con.execute("SELECT expediente, folio_solicitud, sentido FROM raw").fetchall() == [
        ("RR/1/2025", "0053", "Revoca")
    ]


def test_solicitudes_file_dropped_into_recursos_names_the_right_folder(tmp_path, con):
    path = write(tmp_path, "solicitudes2024.JSON",
                 '[{"Folio":"1","FechaSolicitud":"01/01/2024","Dependencia":"SEQ","Estatus":"Terminada"}]\n')

    message = error_of(path, "recursos", con)

    assert "solicitudes2024.JSON" in message and "data/inputs/solicitudes/" in message


def test_recursos_file_dropped_into_solicitudes_names_the_right_folder(tmp_path, con):
    path = write(tmp_path, "rr.csv", "expediente,ente,folio,fecha_interposicion\nRR/1/2025,SEQ,1,2025-01-02\n")

    message = error_of(path, "solicitudes", con)

    assert "rr.csv" in message and "data/inputs/recursos/" in message


def test_unknown_fuente_is_a_programming_error(tmp_path, con):
    path = write(tmp_path, "x.csv", "folio;ente;fecha_presentacion\n1;SEQ;2025-01-02\n")

    with pytest.raises(ValueError, match="Fuente desconocida"):
        read_source(path, "capacitacion", con, "raw")
