"""PNT (SISAI 2.0) JSON export: one record per line, Windows-1252, broken records repaired."""
import json

import duckdb
import pytest

from common.errors import FileError
from etl.read.source import read_source

PNT_KEYS = [
    "Folio", "FechaSolicitud", "Dependencia", "Estatus", "MedioEntrada", "TipoSolicitud",
    "DescripcionSolicitud", "OtrosDatos", "ArchivosAdjuntos", "MedioEntrega", "FechaLimite", "Respuesta",
    "TextoRespuesta", "FechaRespuesta", "FechaSolicitudTermino", "Pais", "Estado", "Municipio",
    "CodigoPostal", "Sector", "Prorroga", "Prevencion", "Disponibilidad", "TipoDerechoARCOP", "Queja",
]
CANONICAL = [
    "folio", "fecha_solicitud", "fecha_recepcion_oficial", "dependencia", "estatus", "respuesta",
    "tipo_solicitud", "derecho_arcop", "medio_entrada", "fecha_limite", "fecha_respuesta", "fecha_termino",
    "prorroga", "prevencion", "queja", "fecha_prevencion", "fecha_desahogo",  # the last two: the template's only
]


def pnt_record(folio, fecha="05/03/2024", descripcion="solicito información", oficial=None, **over):
    values = {
        "Folio": folio, "FechaSolicitud": fecha, "Dependencia": "Secretaría de Finanzas y Planeación (SEFIPLAN)",
        "Estatus": "Terminada", "MedioEntrada": "Electrónica", "TipoSolicitud": "Información pública",
        "DescripcionSolicitud": descripcion, "OtrosDatos": "calle Héroes 12", "ArchivosAdjuntos": "",
        "MedioEntrega": "Electrónico a través del sistema", "FechaLimite": "02/04/2024",
        "Respuesta": "Entrega de información vía Plataforma Nacional de Transparencia",
        "TextoRespuesta": "se anexa respuesta", "FechaRespuesta": "20/03/2024", "FechaSolicitudTermino": "20/03/2024",
        "Pais": "México", "Estado": "Quintana Roo", "Municipio": "Othón P. Blanco", "CodigoPostal": "77000",
        "Sector": "Finanzas", "Prorroga": "No", "Prevencion": "No", "Disponibilidad": "", "TipoDerechoARCOP": "",
        "Queja": "No",
    }
    values.update(over)
    if oficial is not None:
        values["FechaOficialRecepcion"] = oficial
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def pnt_file(tmp_path, records, name="solicitudes2024.JSON", encoding="cp1252"):
    text = "[" + ",\r\n".join(records) + "]\r\n"
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def rows_of(con, table="raw"):
    return [dict(zip(["fila"] + CANONICAL, r[0:1] + r[1:])) for r in con.execute(
        f"SELECT fila, {', '.join(CANONICAL)} FROM {table} ORDER BY fila").fetchall()]


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def test_unescaped_quotes_are_repaired_and_no_free_text_is_copied(tmp_path, con):
    broken = pnt_record("000532025767088", fecha="06/03/2024", Estatus="En proceso", Prorroga="Si").replace(
        '"DescripcionSolicitud":"solicito información"', '"DescripcionSolicitud":"solicito el "plan" anual"'
    ).replace('"OtrosDatos":"calle Héroes 12"', '"OtrosDatos":"entre "Juárez" y, "Reforma""')
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken)
    path = pnt_file(tmp_path, [pnt_record("000532025767087"), broken, pnt_record("000532025767089")])

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.layout, result.formato, result.codificacion) == ("pnt_sisai", "json", "cp1252")
    assert result.filas_leidas == 3 and result.rechazos == []
    assert "1 registros con comillas sin escapar reparados" in result.avisos
    repaired = rows_of(con)[1]
    assert repaired["fila"] == 2  # the line in the file
    assert repaired["folio"] == "000532025767088"
    assert repaired["fecha_solicitud"] == "06/03/2024"
    assert repaired["fecha_limite"] == "02/04/2024"
    assert repaired["fecha_respuesta"] == "20/03/2024"
    assert repaired["estatus"] == "En proceso"
    assert repaired["prorroga"] == "Si"
    assert repaired["dependencia"] == "Secretaría de Finanzas y Planeación (SEFIPLAN)"
    assert repaired["fecha_recepcion_oficial"] is None
    columns = [c[0] for c in con.execute("DESCRIBE raw").fetchall()]
    assert columns == ["fila"] + CANONICAL
    everything = " ".join(str(v) for row in con.execute("SELECT * FROM raw").fetchall() for v in row)
    for private in ("solicito", "plan", "Héroes", "Juárez", "anexa", "77000", "Othón"):
        assert private not in everything


def test_typographic_quotes_in_windows_1252(tmp_path, con):
    record = pnt_record("000532025767090", Dependencia="Instituto “Quintanarroense” de la Juventud")
    raw = pnt_file(tmp_path, [record]).read_bytes()
    assert b"\x93" in raw and b"\x94" in raw  # cp1252 bytes, not UTF-8

    read_source(tmp_path / "solicitudes2024.JSON", "solicitudes", con, "raw")

    assert rows_of(con)[0]["dependencia"] == "Instituto “Quintanarroense” de la Juventud"


def test_newer_files_with_fecha_oficial_recepcion(tmp_path, con):
    broken = pnt_record("000532025767091", descripcion="x", oficial="08/03/2024").replace(
        '"DescripcionSolicitud":"x"', '"DescripcionSolicitud":"el "anexo" 3"'
    )
    path = pnt_file(tmp_path, [pnt_record("000532025767092", oficial="07/03/2024"), broken])

    result = read_source(path, "solicitudes", con, "raw")

    rows = rows_of(con)
    assert [r["fecha_recepcion_oficial"] for r in rows] == ["07/03/2024", "08/03/2024"]
    assert rows[1]["queja"] == "No"  # the last-but-one field is not swallowed by the optional last one
    assert result.columnas["fecha_recepcion_oficial"] == "FechaOficialRecepcion"


def test_older_files_without_fecha_oficial_recepcion(tmp_path, con):
    broken = pnt_record("000532025767093", descripcion="x").replace(
        '"DescripcionSolicitud":"x"', '"DescripcionSolicitud":"dijo "hola""'
    )
    path = pnt_file(tmp_path, [broken, pnt_record("000532025767094")])

    result = read_source(path, "solicitudes", con, "raw")

    rows = rows_of(con)
    assert [r["folio"] for r in rows] == ["000532025767093", "000532025767094"]
    assert [r["queja"] for r in rows] == ["No", "No"]
    assert all(r["fecha_recepcion_oficial"] is None for r in rows)
    assert result.rechazos == []


def test_unrepairable_record_is_rejected_not_the_file(tmp_path, con):
    truncated = '{"Folio":"000532025767095","FechaSolicitud":"05/03/'
    path = pnt_file(tmp_path, [pnt_record("000532025767096"), truncated, pnt_record("000532025767097")])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.filas_leidas == 2
    assert len(result.rechazos) == 1
    fila, reason = result.rechazos[0]
    assert fila == 2 and "JSON" in reason
    assert [r["fila"] for r in rows_of(con)] == [1, 3]


def test_null_and_number_values_are_stringified(tmp_path, con):
    record = pnt_record(532025767098, FechaRespuesta=None, CodigoPostal=77000)
    path = pnt_file(tmp_path, [record])

    result = read_source(path, "solicitudes", con, "raw")

    row = rows_of(con)[0]
    assert row["folio"] == "532025767098"
    assert row["fecha_respuesta"] is None
    assert any("folios venían como número" in a for a in result.avisos)


def test_record_with_raw_line_break_keeps_line_numbers(tmp_path, con):
    multi = pnt_record("000532025767099", descripcion="línea uno").replace("línea uno", 'línea "uno"\r\nlínea dos')
    path = pnt_file(tmp_path, [multi, pnt_record("000532025767100")])

    result = read_source(path, "solicitudes", con, "raw")

    assert [(r["fila"], r["folio"]) for r in rows_of(con)] == [(1, "000532025767099"), (3, "000532025767100")]
    assert result.rechazos == []


def test_utf8_export_and_blank_strings_become_null(tmp_path, con):
    path = pnt_file(tmp_path, [pnt_record("000532025767101", Respuesta="  ", Estatus=" Terminada ")], encoding="utf-8")

    result = read_source(path, "solicitudes", con, "raw")

    assert result.codificacion == "utf-8"
    row = rows_of(con)[0]
    assert row["respuesta"] is None and row["estatus"] == "Terminada"
    assert row["dependencia"] == "Secretaría de Finanzas y Planeación (SEFIPLAN)"


def test_pretty_printed_json_array(tmp_path, con):
    records = [json.loads(pnt_record("000532025767102")), json.loads(pnt_record("000532025767103", oficial="06/03/2024"))]
    path = tmp_path / "exportacion.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")

    result = read_source(path, "solicitudes", con, "raw")

    assert result.layout == "pnt_sisai" and result.filas_leidas == 2
    rows = rows_of(con)
    assert [(r["fila"], r["folio"]) for r in rows] == [(1, "000532025767102"), (2, "000532025767103")]
    assert rows[1]["fecha_recepcion_oficial"] == "06/03/2024"


def test_invalid_pretty_printed_json_is_a_file_error(tmp_path, con):
    path = tmp_path / "roto.json"
    path.write_text('[\n  {\n    "Folio": "1",\n    "FechaSolicitud": \n', encoding="utf-8")

    with pytest.raises(FileError) as info:
        read_source(path, "solicitudes", con, "raw")

    assert "roto.json" in str(info.value) and "línea" in str(info.value)


def test_empty_json_array_is_a_file_error(tmp_path, con):
    path = tmp_path / "solicitudes2025.JSON"
    path.write_text("[]\n", encoding="utf-8")

    with pytest.raises(FileError, match="solicitudes2025.JSON"):
        read_source(path, "solicitudes", con, "raw")
