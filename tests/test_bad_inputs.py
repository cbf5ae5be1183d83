"""A corpus of bad inputs, as officials' systems really export them. Each case says the Spanish message it must
produce and proves nothing else was lost: the good rows of the same file load, and for every file
`carga` shows read = loaded + rejected + duplicates.

Fixtures are tiny and written here, so each case can be read on its own."""
from __future__ import annotations

import io
import os
import re
import tracemalloc
import zipfile
from pathlib import Path

import duckdb
import pytest
from helpers import (PLANTILLA_HEADER, SEFIPLAN, build, build_error, cargas, folios, header_cells, nothing_lost,
                     plantilla, query, rejects, row, solicitudes, workbook, write)

import etl.load_log
import etl.read.source
import etl.read.text
from common.errors import BuildError
from etl.build import build_warehouse
from etl.read.source import read_source
from etl.read.xlsx_guard import DEFAULT_MAX_XLSX_MB, max_xlsx_bytes

# ------------------------------------------------------------------------------------------ encodings


def test_windows_1252_file_loads_with_its_accents(tmp_path):
    solicitudes(tmp_path, "cp1252.csv", plantilla(row("240000000000001", ente=SEFIPLAN)).encode("cp1252"))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    assert query(db, "SELECT codificacion FROM carga") == [("cp1252",)]
    nothing_lost(db)


def test_mixed_encodings_each_line_keeps_its_accents(tmp_path):
    # A UTF-8 export with lines appended from a Windows-1252 one: neither line may turn into "InformaciÃ³n".
    data = plantilla(row("240000000000001")).encode("utf-8") + (row("240000000000002", ente=SEFIPLAN) + "\n").encode("cp1252")
    solicitudes(tmp_path, "mezcla.csv", data)
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001", "240000000000002"]
    assert rejects(db) == []
    assert query(db, "SELECT codificacion FROM carga") == [("cp1252+utf-8",)]
    nothing_lost(db)


def test_utf8_bom_and_semicolons(tmp_path):
    solicitudes(tmp_path, "bom.csv", "\ufeff" + plantilla(row("240000000000001", sep=";"), sep=";"))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    assert query(db, "SELECT codificacion FROM carga") == [("utf-8-sig",)]
    nothing_lost(db)


# ------------------------------------------------------------------------------------------ file shape


def test_empty_file_stops_the_build_naming_it(tmp_path):
    solicitudes(tmp_path, "vacio.csv", b"")
    message = build_error(tmp_path)
    assert "vacio.csv" in message and "está vacío" in message and "Cómo corregir" in message


def test_headers_only_loads_zero_rows_with_a_note(tmp_path):
    solicitudes(tmp_path, "encabezados.csv", PLANTILLA_HEADER + "\n")
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("encabezados.csv", 0, 0, 0, 0)]
    assert "solo tiene la fila de encabezados" in query(db, "SELECT avisos FROM carga")[0][0]


def test_unknown_layout_names_file_and_headers(tmp_path):
    solicitudes(tmp_path, "agenda.csv", "nombre,telefono\nAna,555\n")
    message = build_error(tmp_path)
    assert "agenda.csv" in message and "«nombre»" in message and "«telefono»" in message
    assert "Cómo corregir" in message


def test_missing_required_column_names_it(tmp_path):
    header = PLANTILLA_HEADER.replace(",ente,", ",oficina,")
    solicitudes(tmp_path, "sin_ente.csv", header + "\n" + row("240000000000001") + "\n")
    message = build_error(tmp_path)
    assert "sin_ente.csv" in message and "ente" in message and "plantilla_solicitudes" in message


def test_extra_columns_are_ignored_and_never_stored(tmp_path):
    header = PLANTILLA_HEADER + ",nombre_solicitante,correo"
    solicitudes(tmp_path, "extra.csv", header + "\n" + row("240000000000001") + ",Ana Pérez,ana@correo.mx\n")
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    assert b"ana@correo.mx" not in db.read_bytes()
    nothing_lost(db)


# ------------------------------------------------------------------------------------------------ dates


def test_day_first_dates_are_dd_mm_yyyy(tmp_path):
    solicitudes(tmp_path, "fechas.csv", plantilla(row("240000000000001", fecha="03/04/2024", respuesta="05/04/2024")))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT fecha_presentacion::VARCHAR, fecha_respuesta::VARCHAR FROM solicitud") == [
        ("2024-04-03", "2024-04-05")]  # 3 April, never 4 March


def test_month_first_impossible_date_is_rejected_not_swapped(tmp_path):
    solicitudes(tmp_path, "mes_primero.csv", plantilla(row("240000000000001"),
                                                       row("240000000000002", fecha="04/13/2024", respuesta="")))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    (archivo, fila, columna, valor, motivo), = rejects(db)
    assert (archivo, fila, columna, valor) == ("mes_primero.csv", 3, "fecha_solicitud", "04/13/2024")
    assert "Fecha imposible" in motivo and "DD/MM/AAAA" in motivo
    nothing_lost(db)


def test_excel_serial_date_in_a_csv_is_converted(tmp_path):
    # 45366 is 2024-03-15 in Excel's 1900 date system (a date column exported as "General").
    solicitudes(tmp_path, "serial.csv", plantilla(row("240000000000001", fecha="45366", respuesta="45371")))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT fecha_presentacion::VARCHAR, fecha_respuesta::VARCHAR FROM solicitud") == [
        ("2024-03-15", "2024-03-20")]
    nothing_lost(db)


def test_excel_serial_date_in_a_number_cell_of_an_xlsx_is_converted(tmp_path):
    cells = row("240000000000001").split(",")
    cells[1], cells[9] = 45366, 45371.5  # number cells without a date format (the .5 is noon)
    workbook(tmp_path / "in" / "solicitudes" / "serial.xlsx", {"Hoja1": [header_cells(), cells]})
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT fecha_presentacion::VARCHAR, fecha_respuesta::VARCHAR FROM solicitud") == [
        ("2024-03-15", "2024-03-20")]
    nothing_lost(db)


def test_future_date_is_rejected(tmp_path):
    solicitudes(tmp_path, "futuro.csv", plantilla(row("240000000000001"),
                                                  row("240000000000002", fecha="2027-01-04", respuesta="")))
    db = build(tmp_path / "in", tmp_path)  # built "today" = 2026-11-29
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "fecha_solicitud", "2027-01-04") and "Fecha futura" in motivo
    nothing_lost(db)


def test_response_before_receipt_is_rejected(tmp_path):
    solicitudes(tmp_path, "al_reves.csv", plantilla(row("240000000000001"),
                                                    row("240000000000002", fecha="10/09/2024", respuesta="03/09/2024")))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "fecha_respuesta", "03/09/2024")
    assert "anterior a la presentación" in motivo and "10/09/2024" in motivo
    nothing_lost(db)


# -------------------------------------------------------------------------------------- values and keys


def test_same_folio_with_conflicting_data_is_one_request_the_later_row_wins(tmp_path):
    solicitudes(tmp_path, "repetido.csv", plantilla(row("240000000000001", ente="SEFIPLAN"),
                                                    row("240000000000001", ente="SEQ", respuesta="2024-09-05")))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT folio, ente_id, fecha_respuesta::VARCHAR, fila FROM solicitud") == [
        ("240000000000001", "SEQ", "2024-09-05", 3)]
    assert cargas(db) == [("repetido.csv", 2, 1, 0, 1)]  # the earlier row is counted as a duplicate, not lost


def test_unknown_ente_is_rejected_with_the_closest_names(tmp_path):
    solicitudes(tmp_path, "ente.csv", plantilla(row("240000000000001"),
                                                row("240000000000002", ente="SECRETARIA DE FINANSAS Y PLANEASION")))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna) == (3, "dependencia") and "Sujeto obligado desconocido" in motivo
    assert f"{SEFIPLAN} (SEFIPLAN)" in motivo
    nothing_lost(db)


QUARTER_HEADER = ("S.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,\n"
                  ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,"
                  "Total de No Competencia,Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,"
                  "Tiempo Promedio de Resp.\nDEPENDENCIAS,,,,,,,,,,,,,\n")


def test_quarterly_figures_with_thousands_separators(tmp_path):
    table = (QUARTER_HEADER +
             'SECRETARÍA DE OBRAS PÚBLICAS (SEOP),"1,000",234,0,0,"1,234","1,200",34,0,0,0,"1,234","1,234",5\n'
             "SECRETARÍA DE TURISMO,1,0,0,0,1,1,0,0,0,0,1,1,x3\n")
    write(tmp_path / "in" / "estadistica_trimestral" / "tabla_2018_t4.csv", table)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT ente_id, hombre, total, competencia, total_modalidades FROM solicitud_estadistica") == [
        ("SEOP", 1000, 1234, 1200, 1234)]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (5, "tiempo_promedio", "x3") and "Cifra no válida" in motivo
    nothing_lost(db)


# ---------------------------------------------------------------------------------------------- XLSX


def test_xlsx_several_sheets_merged_title_and_merged_ente_cells(tmp_path):
    data = [["REPORTE DE SOLICITUDES 2024"], header_cells()]
    for folio in ("240000000000001", "240000000000002", "240000000000003"):
        data.append(row(folio).split(","))
    workbook(tmp_path / "in" / "solicitudes" / "libro.xlsx",
             {"Notas": [["Elaboró: Unidad de Transparencia"]], "Solicitudes": data},
             merge={"Solicitudes": ["A1:L1", "D4:D5"]})  # the ente cell spans two requests
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001", "240000000000002"]
    (archivo, fila, columna, valor, motivo), = rejects(db)
    assert (archivo, fila, columna, valor) == ("libro.xlsx", 5, "dependencia", None)
    assert "Falta el nombre del sujeto obligado" in motivo and "combinada" in motivo
    nothing_lost(db)


def _with_cached_values(path: Path, values: dict[str, str]) -> None:
    """Excel saves each formula with its last computed value; openpyxl does not, so add them as Excel would."""
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, value in values.items():
        sheet, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>.*?</f>)<v\s*/?>(</v>)?', rf"\1\2<v>{value}</v>", sheet)
        assert n == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_xlsx_formulas_are_read_by_their_saved_value_and_unsaved_ones_are_rejected(tmp_path):
    saved = row("240000000000001").split(",")
    saved[1] = "=DATE(2024,9,2)"
    unsaved = row("240000000000002").split(",")
    unsaved[3] = '=VLOOKUP(A3,Catalogo!A:B,2,FALSE)'  # a formula never computed (no saved value)
    path = workbook(tmp_path / "in" / "solicitudes" / "formulas.xlsx", {"Hoja1": [header_cells(), saved, unsaved]})
    _with_cached_values(path, {"B2": "45537"})  # the value Excel stores for 2024-09-02
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT folio, fecha_presentacion::VARCHAR FROM solicitud") == [("240000000000001", "2024-09-02")]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "dependencia", None) and "Falta el nombre del sujeto obligado" in motivo
    nothing_lost(db)


def test_corrupted_xlsx_stops_the_build_naming_it(tmp_path):
    good = workbook(tmp_path / "ok.xlsx", {"Hoja1": [header_cells(), row("240000000000001").split(",")]})
    solicitudes(tmp_path, "danado.xlsx", good.read_bytes()[:1500])  # a copy cut short
    message = build_error(tmp_path)
    assert "danado.xlsx" in message and "dañado" in message and "guárdelo de nuevo" in message


def _bomb(path: Path, uncompressed_mb: int) -> Path:
    """A zip that looks like an XLSX and inflates far beyond its size (deflated zeros: ~1000:1)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    zero_mb = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(uncompressed_mb):
                entry.write(zero_mb)
    return path


def test_compression_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("TABLERO_MAX_XLSX_MB", "2")
    bomb = _bomb(tmp_path / "in" / "solicitudes" / "bomba.xlsx", 8)
    assert bomb.stat().st_size < 200_000
    parsed = []
    monkeypatch.setattr(etl.read.source, "read_spreadsheet", lambda *a: parsed.append(a))  # must never be reached
    message = build_error(tmp_path)
    assert parsed == []
    assert "bomba.xlsx" in message and "8 MB descomprimido" in message and "límite de 2 MB" in message
    assert "TABLERO_MAX_XLSX_MB" in message


def test_default_xlsx_cap_is_500_mb_and_a_normal_book_passes(tmp_path, monkeypatch):
    monkeypatch.delenv("TABLERO_MAX_XLSX_MB", raising=False)
    assert DEFAULT_MAX_XLSX_MB == 500 and max_xlsx_bytes() == 500 << 20
    workbook(tmp_path / "in" / "solicitudes" / "normal.xlsx", {"Hoja1": [header_cells(), row("240000000000001").split(",")]})
    monkeypatch.setenv("TABLERO_MAX_XLSX_MB", "1")
    assert folios(build(tmp_path / "in", tmp_path)) == ["240000000000001"]


# ------------------------------------------------------------------------------------ size and timing


def test_very_large_csv_is_streamed_not_materialized_in_python(tmp_path, monkeypatch):
    """300k rows: DuckDB parses the file; Python only scans it in chunks. With 1 MB chunks, Python's peak
    allocation stays a small fraction of the file, so it does not grow with the file."""
    path = tmp_path / "grande.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(PLANTILLA_HEADER + "\n")
        for i in range(300_000):
            fh.write(row(f"24{i:013d}") + "\n")
    size = path.stat().st_size
    monkeypatch.setattr(etl.read.text, "CHUNK_BYTES", 1 << 20)
    con = duckdb.connect()
    tracemalloc.start()
    try:
        result = read_source(path, "solicitudes", con, "raw")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.filas_leidas == 300_000 and result.rechazos == []
    assert con.execute("SELECT count(*), min(fila), max(fila) FROM raw").fetchone() == (300_000, 2, 300_001)
    assert size > 40 << 20 and peak < size / 8, (size, peak)


def test_temp_and_lock_files_are_skipped(tmp_path):
    solicitudes(tmp_path, "registro.csv", plantilla(row("240000000000001")))
    solicitudes(tmp_path, "~$registro.xlsx", b"\x00lock")           # Excel's owner file while a book is open
    solicitudes(tmp_path, "registro2.csv.part", b"folio,fech")     # a download in progress
    solicitudes(tmp_path, "registro3.csv.crdownload", b"folio")     # Chrome's partial download
    solicitudes(tmp_path, ".~lock.registro.csv#", b"LibreOffice")  # LibreOffice's lock file
    db = build(tmp_path / "in", tmp_path)
    assert cargas(db) == [("registro.csv", 1, 1, 0, 0)]


def test_file_modified_during_the_read_fails_and_asks_to_retry(tmp_path, monkeypatch):
    path = solicitudes(tmp_path, "copiando.csv", plantilla(row("240000000000001")))
    db = build(tmp_path / "in", tmp_path)
    served = db.read_bytes()
    real_reader = etl.read.source.read_source

    def reader_while_copying(p, *args):
        result = real_reader(p, *args)
        with Path(p).open("a", encoding="utf-8") as fh:  # the copy goes on while we read
            fh.write(row("240000000000002") + "\n")
        return result

    monkeypatch.setattr(etl.read.source, "read_source", reader_while_copying)
    with pytest.raises(BuildError) as err:
        build_warehouse(tmp_path / "in", db)
    message = str(err.value)
    assert "copiando.csv" in message and "cambió mientras se leía" in message and "vuelva a ejecutar" in message
    assert db.read_bytes() == served
    monkeypatch.undo()
    assert folios(build(tmp_path / "in", tmp_path)) == ["240000000000001", "240000000000002"]  # retry succeeds
    assert path.exists()


def test_file_modified_after_its_read_but_before_its_hash_fails(tmp_path, monkeypatch):
    """The load record's sha256 is taken in the background after the read: it must be of the bytes loaded."""
    solicitudes(tmp_path, "copiando.csv", plantilla(row("240000000000001")))
    db = build(tmp_path / "in", tmp_path)
    served = db.read_bytes()
    real_hash = etl.load_log._sha256

    def hash_after_an_edit(p):
        with Path(p).open("a", encoding="utf-8") as fh:
            fh.write(row("240000000000002") + "\n")
        return real_hash(p)

    monkeypatch.setattr(etl.load_log, "_sha256", hash_after_an_edit)
    with pytest.raises(BuildError) as err:
        build_warehouse(tmp_path / "in", db)
    assert "copiando.csv" in str(err.value) and "cambió mientras se leía" in str(err.value)
    assert db.read_bytes() == served
