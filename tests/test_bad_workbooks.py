"""Bad inputs, class "workbooks": several sheets of data (every one is read, or named with why it was not), and
sheets whose used range would not fit in memory (refused before the parser allocates it, never a crash)."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import (build, cargas, folios, header_cells, nothing_lost, query, rejects, row, workbook)

ROOT = Path(__file__).resolve().parent.parent


def cells(folio: str, **kw) -> list:
    return row(folio, **kw).split(",")


def test_every_sheet_in_the_layout_is_loaded_and_the_others_are_named(tmp_path):
    recursos = [["expediente", "folio_solicitud", "ente", "fecha_interposicion", "fecha_resolucion", "sentido"],
                ["RR/001/2024", "240000000000001", "SEFIPLAN", "2024-09-20", "", ""]]
    workbook(tmp_path / "in" / "solicitudes" / "libro.xlsx", {
        "Enero": [header_cells(), cells("240000000000001"), cells("240000000000002")],
        "Notas": [["Elaboró: Unidad de Transparencia"]],
        "Febrero": [["REPORTE DE FEBRERO"], header_cells(), cells("240000000000003"), cells("240000000000001")],
        "Vacía": [],
        "Recursos": recursos,
    })
    db = build(tmp_path / "in", tmp_path)
    # Enero: 2 rows; Febrero: 2 rows, one of them folio …001 again (the later file wins: a duplicate, not a loss).
    assert folios(db) == ["240000000000001", "240000000000002", "240000000000003"]
    assert cargas(db) == [("libro.xlsx (hoja Enero)", 2, 1, 0, 1), ("libro.xlsx (hoja Febrero)", 2, 2, 0, 0)]
    (avisos,), = query(db, "SELECT avisos FROM carga WHERE archivo = 'libro.xlsx (hoja Enero)'")
    assert "2 hojas con datos" in avisos
    assert "Hoja «Notas» omitida" in avisos and "Hoja «Vacía» omitida: está vacía" in avisos
    assert "Hoja «Recursos» omitida" in avisos and "recursos" in avisos
    assert query(db, "SELECT fila FROM solicitud WHERE folio = '240000000000003'") == [(3,)]  # its sheet's own row
    nothing_lost(db)


def test_a_training_workbook_with_courses_and_staff_loads_both(tmp_path):
    workbook(tmp_path / "in" / "capacitacion" / "capacitacion.xlsx", {
        "Cursos": [["clave_curso", "nombre_curso", "tema", "modalidad", "fecha_inicio", "fecha_fin", "horas", "publico",
                    "organizador"],
                   ["C1", "Ley General", "Acceso a la información", "En línea", "2024-03-01", "2024-03-31", 10,
                    "Servidores públicos", "SABGOB"]],
        "Plantilla": [["ente", "fecha_corte", "total_personal", "personal_ut"], ["SEFIPLAN", "2024-06-30", 40, 2]],
    })
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT fuente, archivo, filas_cargadas FROM carga ORDER BY archivo") == [
        ("cursos", "capacitacion.xlsx (hoja Cursos)", 1), ("plantillas", "capacitacion.xlsx (hoja Plantilla)", 1)]
    assert query(db, "SELECT curso_id FROM curso") == [("C1",)]
    assert query(db, "SELECT ente_id, total_personal FROM plantilla") == [("SEFIPLAN", 40)]


# ------------------------------------------------------------------------------------- far-away cells

def _far_cell(path: Path, ref: str, value: bool = True) -> Path:
    """A valid workbook plus one cell at `ref` (with a value, or only a style)."""
    good = workbook(path, {"Hoja1": [header_cells(), cells("240000000000001")]})
    with zipfile.ZipFile(good) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    row_number = "".join(ch for ch in ref if ch.isdigit())
    cell = f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>' if value else f'<c r="{ref}" s="0"/>'
    sheet = sheet.replace("</sheetData>", f'<row r="{row_number}">{cell}</row></sheetData>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def _limited(limit_gb: int = 4):
    """A child process that cannot take more than a few GB: if the guard failed, it would die, not the machine.
    4 GB of address space is far below the ~100 GB a 17-billion-cell sheet would take."""
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (limit_gb << 30, limit_gb << 30))
    return apply


def _etl_build(inputs: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--inputs", str(inputs), "--db", str(db)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          preexec_fn=_limited(), timeout=300)


def test_one_cell_at_xfd1048576_is_refused_and_the_served_warehouse_stays(tmp_path):
    inputs, db = tmp_path / "in", tmp_path / "tablero.duckdb"
    workbook(inputs / "solicitudes" / "bueno.xlsx", {"Hoja1": [header_cells(), cells("240000000000009")]})
    assert _etl_build(inputs, db).returncode == 0
    served = db.read_bytes()
    bomb = _far_cell(inputs / "solicitudes" / "lejos.xlsx", "XFD1048576")
    assert bomb.stat().st_size < 10_000
    done = _etl_build(inputs, db)
    assert done.returncode == 1, done.stderr[-2000:]  # a message, not an abort (134) from inside calamine
    assert "lejos.xlsx" in done.stderr and "«Hoja1»" in done.stderr and "XFD1048576" in done.stderr
    assert "17,179,869,184 celdas" in done.stderr and "Ctrl+Fin" in done.stderr
    assert db.read_bytes() == served


def test_a_far_cell_with_only_a_style_is_harmless(tmp_path):
    _far_cell(tmp_path / "in" / "solicitudes" / "estilo.xlsx", "XFD1048576", value=False)
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]


def test_a_far_cell_in_a_published_quarterly_table_is_refused(tmp_path):
    path = tmp_path / "in" / "estadistica_trimestral" / "tabla_2018_t4.xlsx"
    _far_cell(path, "ZZ999999")
    done = _etl_build(tmp_path / "in", tmp_path / "t.duckdb")
    assert done.returncode == 1 and "tabla_2018_t4.xlsx" in done.stderr and "ZZ999999" in done.stderr


def test_cells_without_reference_cannot_smuggle_a_huge_range(tmp_path):
    path = workbook(tmp_path / "in" / "solicitudes" / "sinref.xlsx", {"Hoja1": [header_cells(), cells("240000000000001")]})
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    wide = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(2000))
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        "</sheetData>", f'<row r="3">{wide}</row><row r="1048576"><c t="inlineStr"><is><t>y</t></is></c></row>'
                        "</sheetData>").encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    done = _etl_build(tmp_path / "in", tmp_path / "t.duckdb")
    assert done.returncode == 1 and "sinref.xlsx" in done.stderr and "celdas" in done.stderr
