"""Bad inputs, class "the shape of a CSV": a quote left open, texts over several lines, very long texts. Each case
proves the rows of the file are all accounted for (read = loaded + rejected + duplicated) and that no swallowed
row or request text ends up in a reject."""
from __future__ import annotations

import csv

import pytest

from helpers import (PLANTILLA_HEADER, build, cargas, folios, nothing_lost, plantilla, query, rejects, row,
                     solicitudes, write)

PNT_HEADER = ("Folio,FechaSolicitud,Dependencia,Estatus,MedioEntrada,TipoSolicitud,DescripcionSolicitud,OtrosDatos,"
              "ArchivosAdjuntos,MedioEntrega,FechaLimite,Respuesta,TextoRespuesta,FechaRespuesta,FechaSolicitudTermino,"
              "Pais,Estado,Municipio,CodigoPostal,Sector,Prorroga,Prevencion,Disponibilidad,TipoDerechoARCOP,Queja")
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def pnt_row(folio: str, descripcion: str = "solicito el padrón de proveedores") -> str:
    return (f'{folio},02/09/2024,Secretaría de Finanzas y Planeación (SEFIPLAN),Terminada,Electrónica,'
            f'Información pública,"{descripcion}",,,Electrónico,30/09/2024,"{ENTREGA}","se adjunta",03/09/2024,'
            '03/09/2024,México,Quintana Roo,Chetumal,77000,Particular,No,No,Si,No Aplica,No')


def test_one_open_quote_rejects_its_row_and_the_other_999_load(tmp_path):
    rows = [row(f"24{i:013d}") for i in range(1, 1001)]
    rows[2] = rows[2].replace(",SEFIPLAN,", ',"SEFIPLAN,')  # data row 3 (line 4): the quote is never closed
    solicitudes(tmp_path, "comilla.csv", plantilla(*rows))
    db = build(tmp_path / "in", tmp_path)
    # Worked out by hand: 1,000 rows read; row 3 rejected alone; 999 loaded (never "leídas 3, cargadas 2").
    assert cargas(db) == [("comilla.csv", 1000, 999, 1, 0)]
    assert len(folios(db)) == 999 and "240000000000003" not in folios(db)
    (archivo, fila, columna, valor, motivo), = rejects(db)
    assert (archivo, fila, columna, valor) == ("comilla.csv", 4, None, None)
    assert "comillas" in motivo and "«ente»" in motivo and "Cómo corregir" in motivo
    nothing_lost(db)


def test_an_open_quote_in_the_last_rows_does_not_swallow_them(tmp_path):
    rows = [row(f"24{i:013d}") for i in range(1, 6)]
    rows[3] = rows[3].replace(",Terminada,", ',"Terminada,')  # row 4 of 5: swallows row 5 before the file ends
    solicitudes(tmp_path, "final.csv", plantilla(*rows))
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("final.csv", 5, 4, 1, 0)]
    assert [fila for _, fila, *_ in rejects(db)] == [5]
    assert "«estatus»" in rejects(db)[0][4]


def test_an_open_quote_in_a_request_text_keeps_the_text_out_of_the_reject(tmp_path):
    texto = "SECRETO solicito copia del contrato"
    rows = [pnt_row(f"24{i:013d}") for i in range(1, 41)]
    broken = pnt_row("240000000000002", descripcion=texto).replace(f'"{ENTREGA}","se adjunta"', f"{ENTREGA},ok")
    rows[1] = broken.replace(f'"{texto}"', f'"{texto}')  # opened, never closed: no other quote on its line
    path = tmp_path / "in" / "solicitudes" / "pnt.csv"
    write(path, PNT_HEADER + "\n" + "\n".join(rows) + "\n")
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("pnt.csv", 40, 39, 1, 0)]
    (_, fila, _, valor, motivo), = rejects(db)
    assert fila == 3 and valor is None and "«DescripcionSolicitud»" in motivo
    assert "SECRETO" not in str(query(db, "SELECT * FROM rechazo")) and b"SECRETO" not in db.read_bytes()


def test_a_real_multiline_request_text_loads_and_the_lines_are_explained(tmp_path):
    rows = [pnt_row("240000000000001"), pnt_row("240000000000002", descripcion="primera línea\nsegunda\ntercera"),
            "", pnt_row("240000000000003")]
    write(tmp_path / "in" / "solicitudes" / "pnt.csv", PNT_HEADER + "\n" + "\n".join(rows) + "\n")
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001", "240000000000002", "240000000000003"]
    assert query(db, "SELECT fila FROM solicitud ORDER BY folio") == [(2,), (3,), (7,)]
    (avisos,), = query(db, "SELECT avisos FROM carga")
    # 6 lines after the header: 3 rows, 1 blank line, 2 lines inside one multi-line text.
    assert "6 líneas después del encabezado: 3 filas, 1 líneas en blanco, 2 líneas dentro de 1 textos" in avisos
    nothing_lost(db)


def test_a_cell_with_a_line_break_in_a_template_still_loads(tmp_path):
    rows = [row("240000000000001"), row("240000000000002").replace(",Terminada,", ',"Termi\nnada",'),
            row("240000000000003")]
    solicitudes(tmp_path, "salto.csv", plantilla(*rows))
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("salto.csv", 3, 2, 1, 0)]  # read as one row; its status is then unknown
    assert [(fila, columna) for _, fila, columna, *_ in rejects(db)] == [(3, "estatus")]


def test_an_open_quote_in_a_cp1252_file_is_rejected_alone(tmp_path):
    rows = [row(f"24{i:013d}", ente="Secretaría de Finanzas y Planeación") for i in range(1, 31)]
    rows[9] = rows[9].replace(",Información pública,", ',"Información pública,')
    solicitudes(tmp_path, "latin.csv", plantilla(*rows).encode("cp1252"))
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("latin.csv", 30, 29, 1, 0)]
    assert [fila for _, fila, *_ in rejects(db)] == [11]


# -------------------------------------------------------------------------------------------- long texts

LONG = "x" * 200_000


@pytest.fixture(autouse=True)
def default_field_limit():
    """The csv module's limit is process-wide and another test may have raised it: start from Python's default
    (131,072), as a fresh `python -m etl build` does."""
    previous = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(previous)


def test_a_200000_character_text_in_the_first_row_loads(tmp_path):
    """The header is looked for among the first lines: a long text there must not stop the build."""
    rows = [pnt_row("240000000000001", descripcion=LONG)] + [pnt_row(f"24{i:013d}") for i in range(2, 61)]
    write(tmp_path / "in" / "solicitudes" / "largo.csv", PNT_HEADER + "\n" + "\n".join(rows) + "\n")
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("largo.csv", 60, 60, 0, 0)]


def test_a_200000_character_text_at_row_50_loads(tmp_path):
    rows = [pnt_row(f"24{i:013d}") for i in range(1, 61)]
    rows[49] = pnt_row("240000000000050", descripcion=LONG)
    write(tmp_path / "in" / "solicitudes" / "largo.csv", PNT_HEADER + "\n" + "\n".join(rows) + "\n")
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("largo.csv", 60, 60, 0, 0)]


def test_a_long_text_in_a_file_read_the_careful_way_loads(tmp_path):
    """cp1252 with a blank line: the careful reader, whose csv module has its own field limit."""
    rows = [pnt_row("240000000000001", descripcion=LONG), "", pnt_row("240000000000002")]
    write(tmp_path / "in" / "solicitudes" / "largo.csv", PNT_HEADER + "\n" + "\n".join(rows) + "\n", encoding="cp1252")
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("largo.csv", 2, 2, 0, 0)]


def test_a_long_note_in_a_published_quarterly_table_loads(tmp_path):
    table = ("S.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,\n"
             ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,"
             "Total de No Competencia,Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,"
             "Tiempo Promedio de Resp.\nDEPENDENCIAS,,,,,,,,,,,,,\n"
             "SECRETARÍA DE OBRAS PÚBLICAS (SEOP),1,0,0,0,1,1,0,0,0,0,1,1,5\n"
             f'"Nota: {LONG}",,,,,,,,,,,,,\n')
    write(tmp_path / "in" / "estadistica_trimestral" / "tabla_2018_t4.csv", table)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT ente_id, total FROM solicitud_estadistica") == [("SEOP", 1)]
