"""CSV sources: encodings, separators, the PNT / Infomex / plantilla layouts, row numbers."""
import duckdb
import pytest

from etl.read.source import read_source

PNT_HEADER = (
    "Folio;FechaSolicitud;Dependencia;Estatus;MedioEntrada;TipoSolicitud;DescripcionSolicitud;OtrosDatos;"
    "ArchivosAdjuntos;MedioEntrega;FechaLimite;Respuesta;TextoRespuesta;FechaRespuesta;FechaSolicitudTermino;"
    "Pais;Estado;Municipio;CodigoPostal;Sector;Prorroga;Prevencion;Disponibilidad;TipoDerechoARCOP;Queja"
)
INFOMEX_HEADER = (
    "FOLIO,FECHASOLICITUD,DEPENDENCIA,ESTATUS,MEDIOENTRADA,TIPOSOLICITUD,DESCRIPCIONSOLICITUD,OTROSDATOS,"
    "ARCHIVOADJUNTOSOLICITUD,MEDIOENTREGA,FECHALIMITE,RESPUESTA,TEXTORESPUESTA,ARCHIVORESPUESTA,FECHARESPUESTA,"
    "PAIS,ESTADO,MUNICIPIO,CODIGOPOSTAL,SECTOR"
)
PLANTILLA_HEADER = (
    "folio,ente,fecha_presentacion,fecha_recepcion,tipo_solicitud,derecho_arcop,medio_entrada,estatus,respuesta,"
    "fecha_respuesta,hubo_ampliacion,hubo_prevencion"
)


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def write(tmp_path, name, lines, encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def select(con, columns, table="raw"):
    return con.execute(f"SELECT {columns} FROM {table} ORDER BY fila").fetchall()


def pnt_row(folio, descripcion="solicito el padrón", estatus="Terminada", fecha="05/03/2024"):
    return (
        f'{folio};{fecha};Secretaría de Educación (SEQ);{estatus};Electrónica;Información pública;'
        f'"{descripcion}";"Av. Héroes 5";;Electrónico;02/04/2024;Entrega de información;'
        '"texto de respuesta";20/03/2024;20/03/2024;México;Quintana Roo;Chetumal;77000;Educación;No;Sí;;;No'
    )


def test_pnt_fields_as_semicolon_latin1_csv(tmp_path, con):
    path = write(
        tmp_path, "pnt.csv",
        [PNT_HEADER, pnt_row("000532025767088", descripcion="pido; datos, 2024"), pnt_row("000532025767089")],
        encoding="latin-1", newline="\r\n",
    )

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.layout, result.formato, result.separador) == ("pnt_sisai", "csv", ";")
    assert result.codificacion == "cp1252" and result.hoja is None
    assert result.filas_leidas == 2 and result.avisos == []
    assert select(con, "fila, folio, dependencia, prevencion, fecha_limite, fecha_recepcion_oficial") == [
        (2, "000532025767088", "Secretaría de Educación (SEQ)", "Sí", "02/04/2024", None),
        (3, "000532025767089", "Secretaría de Educación (SEQ)", "Sí", "02/04/2024", None),
    ]
    everything = " ".join(str(v) for row in con.execute("SELECT * FROM raw").fetchall() for v in row)
    assert "padrón" not in everything and "pido" not in everything and "Héroes" not in everything


def test_infomex_20_columns_latin1_with_timestamps(tmp_path, con):
    row = (
        '00012318,2018-01-15 10:32:00,SECRETARÍA DE GOBIERNO,Terminada,Electrónica,Información pública,'
        '"texto, libre",,,"Entrega por internet",2018-02-12 00:00:00,Entrega de información en medio electrónico,'
        ',,2018-02-01 17:05:10,MÉXICO,QUINTANA ROO,BENITO JUÁREZ,77500,Gobierno'
    )
    path = write(tmp_path, "infomex_2018.txt", [INFOMEX_HEADER, row], encoding="latin-1")

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.layout, result.separador, result.codificacion) == ("infomex", ",", "cp1252")
    assert select(con, "fila, folio, fecha_solicitud, dependencia, fecha_respuesta, fecha_limite, prorroga") == [
        (2, "00012318", "2018-01-15 10:32:00", "SECRETARÍA DE GOBIERNO", "2018-02-01 17:05:10",
         "2018-02-12 00:00:00", None)
    ]


def test_plantilla_with_utf8_bom(tmp_path, con):
    rows = [
        PLANTILLA_HEADER,
        "000532025767088,SABGOB,2025-03-03,2025-03-03,Información pública,,Electrónica,Terminada,"
        "Entrega de información,2025-03-20,No,No",
        " 000532025767089 , SEFIPLAN ,2025-03-04,,Datos personales,Acceso,Presencial,En proceso,,,,",
    ]
    path = write(tmp_path, "plantilla.csv", rows, encoding="utf-8-sig")

    result = read_source(path, "solicitudes", con, "raw")

    assert (result.layout, result.codificacion, result.separador) == ("plantilla_solicitudes", "utf-8-sig", ",")
    assert result.columnas["folio"] == "folio"  # the BOM is not part of the first header
    assert select(con, "fila, folio, dependencia, fecha_solicitud, derecho_arcop, respuesta, prorroga") == [
        (2, "000532025767088", "SABGOB", "2025-03-03", None, "Entrega de información", "No"),
        (3, "000532025767089", "SEFIPLAN", "2025-03-04", "Acceso", None, None),
    ]


def test_typographic_quotes_cp1252(tmp_path, con):
    path = tmp_path / "plantilla.csv"
    path.write_bytes(b"folio;ente;fecha_presentacion\r\n1;Instituto \x93Quintanarroense\x94;2025-01-02\r\n")

    result = read_source(path, "solicitudes", con, "raw")

    assert result.codificacion == "cp1252"
    assert select(con, "dependencia") == [("Instituto “Quintanarroense”",)]


def test_tab_separated(tmp_path, con):
    path = write(tmp_path, "datos.tsv", ["folio\tente\tfecha_presentacion", "7\tSEQ\t2025-01-02"])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.separador == "\t" and select(con, "folio, dependencia") == [("7", "SEQ")]


def test_headers_only_is_zero_rows_with_a_note(tmp_path, con):
    path = write(tmp_path, "vacia.csv", [PLANTILLA_HEADER])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.filas_leidas == 0
    assert any("encabezados" in a for a in result.avisos)
    assert con.execute("SELECT count(*) FROM raw").fetchone() == (0,)


def test_blank_lines_and_line_breaks_in_quotes_keep_row_numbers(tmp_path, con):
    rows = [
        "folio;ente;fecha_presentacion;estatus",
        "1;SEQ;2025-01-02;Terminada",
        "",
        '2;SEQ;2025-01-03;"En\nproceso"',
        "3;SEQ;2025-01-04;Terminada",
    ]
    path = write(tmp_path, "x.csv", rows)

    result = read_source(path, "solicitudes", con, "raw")

    assert select(con, "fila, folio, estatus") == [
        (2, "1", "Terminada"), (4, "2", "En\nproceso"), (6, "3", "Terminada")
    ]
    assert result.filas_leidas == 3


def test_title_line_before_header(tmp_path, con):
    path = write(tmp_path, "x.csv", ["Registro de solicitudes 2025", "folio;ente;fecha_presentacion", "9;SEQ;2025-01-02"])

    read_source(path, "solicitudes", con, "raw")

    assert select(con, "fila, folio") == [(3, "9")]


def test_empty_rows_are_dropped_with_a_note(tmp_path, con):
    path = write(tmp_path, "x.csv", ["folio;ente;fecha_presentacion", "1;SEQ;2025-01-02", ";;", "2;SEQ;2025-01-03"])

    result = read_source(path, "solicitudes", con, "raw")

    assert select(con, "fila, folio") == [(2, "1"), (4, "2")]
    assert result.filas_leidas == 2
    assert any("sin datos" in a for a in result.avisos)


def test_bad_quotes_and_extra_columns_use_the_tolerant_reader(tmp_path, con):
    rows = [
        "folio;ente;fecha_presentacion;estatus",
        '1;SEQ;2025-01-02;"dijo "no" a todo"',
        "2;SEQ;2025-01-03;Terminada;desplazada;otra",
        "3;SEQ;2025-01-04;Terminada;",
        "4;SEQ",
    ]
    path = write(tmp_path, "x.csv", rows)

    result = read_source(path, "solicitudes", con, "raw")

    assert [r[0] for r in select(con, "folio")] == ["1", "3", "4"]
    assert select(con, "fila, fecha_solicitud") == [(2, "2025-01-02"), (4, "2025-01-04"), (5, None)]
    assert [f for f, _ in result.rechazos] == [3]
    assert "columnas" in result.rechazos[0][1]


def test_recursos_plantilla(tmp_path, con):
    rows = [
        "Expediente,Sujeto Obligado,Folio,Fecha Interposición,Fecha Resolución,Sentido Resolución,Comisionado",
        "RR/001/2025,SEQ,000532025767088,2025-02-01,2025-03-15,Modifica,Lic. Pérez",
    ]
    path = write(tmp_path, "recursos.csv", rows)

    result = read_source(path, "recursos", con, "rr")

    assert result.layout == "plantilla_recursos"
    assert con.execute("SELECT * FROM rr").fetchall() == [
        (2, "RR/001/2025", "000532025767088", "SEQ", "2025-02-01", "2025-03-15", "Modifica", None, None)
    ]  # a file without the optional causa and cumplimiento columns: NULL, never guessed
    assert [c[0] for c in con.execute("DESCRIBE rr").fetchall()] == [
        "fila", "expediente", "folio_solicitud", "dependencia", "fecha_interposicion", "fecha_resolucion", "sentido",
        "causa", "cumplimiento"]


def test_row_numbers_follow_the_file_even_if_the_connection_does_not_preserve_order(tmp_path, con):
    con.execute("SET preserve_insertion_order = false")
    rows = ["folio;ente;fecha_presentacion"] + [f"{i};SEQ;2025-01-02" for i in range(5000)]
    path = write(tmp_path, "x.csv", rows)

    read_source(path, "solicitudes", con, "raw")

    assert con.execute("SELECT count(*) FROM raw WHERE fila <> CAST(folio AS BIGINT) + 2").fetchone() == (0,)
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchone() == (False,)


def test_malformed_rows_do_not_abort_the_callers_transaction(tmp_path, con):
    path = write(tmp_path, "x.csv", ["folio;ente;fecha_presentacion", '1;"SEQ "X"";2025-01-02', "2;SEQ"])
    con.execute("BEGIN")

    result = read_source(path, "solicitudes", con, "raw")

    assert select(con, "fila, folio") == [(2, "1"), (3, "2")]
    con.execute("COMMIT")
    assert result.filas_leidas == 2


def test_a_utf8_file_is_parsed_by_duckdb(tmp_path, con):
    path = write(tmp_path, "x.csv", ["folio;ente;fecha_presentacion", "1;Secretaría;2025-01-02", "2;SEQ;2025-01-03"])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.codificacion == "utf-8" and result.avisos == [] and result.lector == "duckdb"
    assert select(con, "fila, folio, dependencia") == [(2, "1", "Secretaría"), (3, "2", "SEQ")]


def test_spaces_tabs_and_nbsp_around_values_are_trimmed_and_blank_is_null(tmp_path, con):
    path = write(tmp_path, "x.csv", ["folio;ente;fecha_presentacion;estatus",
                                     "1; SEQ ;\t2025-01-02\u00a0;  ", '2;"SEQ\r";2025-01-03;"  Terminada"'])

    read_source(path, "solicitudes", con, "raw")

    assert select(con, "fila, folio, dependencia, fecha_solicitud, estatus") == [
        (2, "1", "SEQ", "2025-01-02", None), (3, "2", "SEQ", "2025-01-03", "Terminada")]


def test_cp1252_lines_after_a_utf8_start_are_read_as_cp1252(tmp_path, con):
    """The first megabyte looks like UTF-8, so DuckDB reads the file; the cp1252 rows further down fail its UTF-8
    check and send the file to the careful reader, which decodes them instead of losing them."""
    ascii_rows = [f"{i};SEQ;2025-01-02" for i in range(60_000)]  # > 1 MB of plain ASCII
    path = tmp_path / "x.csv"
    path.write_bytes(("\n".join(["folio;ente;fecha_presentacion"] + ascii_rows) + "\n").encode("ascii")
                     + "60000;Secretaría de Educación;2025-01-03\n".encode("cp1252"))

    result = read_source(path, "solicitudes", con, "raw")

    assert result.codificacion == "cp1252" and result.filas_leidas == 60_001
    assert select(con, "fila, dependencia", "raw WHERE folio = '60000'") == [(60_002, "Secretaría de Educación")]
    assert result.lector == "duckdb"  # DuckDB parsed the UTF-8 copy the transcoder wrote


def test_a_line_longer_than_duckdbs_default_limit_is_read_by_duckdb(tmp_path, con):
    """PNT exports carry whole request texts: a 3 MB line (DuckDB's default limit is 2 MB) stays on the fast path,
    with the 16 MiB buffer the reader sets beside max_line_size."""
    texto = "solicito " * 350_000  # ~3.1 MB, in a column the tablero does not read
    path = write(tmp_path, "x.csv", [PNT_HEADER.replace(";", ","),
                                     pnt_row("240000000000001", descripcion=texto).replace(";", ","),
                                     pnt_row("240000000000002").replace(";", ",")])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.lector == "duckdb" and result.filas_leidas == 2
    assert select(con, "fila, folio, estatus") == [(2, "240000000000001", "Terminada"), (3, "240000000000002", "Terminada")]


def test_long_repeated_values_are_held_as_enums_and_read_as_text(tmp_path, con):
    """Names and catalog texts repeat on every row of a national file: the fast path keeps them as ENUMs of their
    trimmed distinct values (a byte or two a row instead of the text); SQL still compares and returns them as text.
    Short repeated values (dates, Sí/No) stay text. A row blank in every field is dropped, blanks of repeated
    fields included."""
    path = write(tmp_path, "x.csv", ["folio;ente;fecha_presentacion;estatus",
                                     "1; Secretaría de Educación ;2025-01-02;En proceso",
                                     "2;Secretaría de Educación;2025-01-03;Terminada",
                                     ";  ;;",
                                     "3;Secretaría de Salud;2025-01-03;"])

    result = read_source(path, "solicitudes", con, "raw")

    assert result.lector == "duckdb" and result.filas_leidas == 3
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'raw__csv'").fetchall())
    assert types["dependencia"].startswith("ENUM(") and types["fecha_solicitud"] == "VARCHAR"
    assert select(con, "fila, folio, dependencia, estatus") == [
        (2, "1", "Secretaría de Educación", "En proceso"), (3, "2", "Secretaría de Educación", "Terminada"),
        (5, "3", "Secretaría de Salud", None)]
    assert con.execute("SELECT folio FROM raw WHERE dependencia = $n", {"n": "Secretaría de Salud"}).fetchall() == [("3",)]
