"""Privacy scan: e-mails, CURPs, RFCs and phone numbers, in the forms people really type them (spaced, lower-case,
glued to other text), planted in every input column of every layout and in file names; then the whole warehouse
(every table, every column), the open-data export (CSV and Parquet), the PDF fichas and the page downloads are
searched for them. Nothing may be found: free text is masked, identifiers that look personal are rejected.

The layouts come from etl/layouts.toml and the reader modules (etl/read/estadistica.py), so a new layout or column is
scanned without touching this test."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.layouts import load_layouts
from etl.sources import SOURCES
from helpers import build, query

ROOT = Path(__file__).resolve().parent.parent

# Fictitious identifiers, each in the forms the issue lists.
PLANTED = [
    "zacarias.quintanilla@ejemplo.invalid", "zacarias.q @ejemplo.invalid", "ZACARIAS.Q@EJEMPLO.INVALID",
    "correo:zq@ejemplo.invalid_x", "zq arroba ejemplo.invalid",
    "QUIZ800101HQRBRC09", "quiz800101hqrbrc09", "curp:QUIZ800101HQRBRC09_x", "QUIZ 800101 HQRBRC 09",
    "QUIZ800101AB3", "quiz800101ab3", "rfc:QUIZ800101AB3_x",
    "998 765 4321", "(998) 765-4321", "9987654321", "+52 998 765 4321", "tel:998-765-43-21", "998.765.4321",
]
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
# A valid value for every canonical field (the rows must get as far as possible into the warehouse).
VALID = {
    "folio": "240000000000001", "fecha_solicitud": "02/09/2024", "fecha_recepcion_oficial": "02/09/2024",
    "dependencia": "SEFIPLAN", "estatus": "Terminada", "respuesta": ENTREGA, "tipo_solicitud": "Información pública",
    "derecho_arcop": "Acceso", "medio_entrada": "Electrónica", "fecha_limite": "30/09/2024",
    "fecha_respuesta": "03/09/2024", "prorroga": "No", "prevencion": "No", "queja": "No",
    "expediente": "RR/001/2024", "folio_solicitud": "240000000000001", "fecha_interposicion": "20/09/2024",
    "fecha_resolucion": "20/10/2024", "sentido": "Confirma",
    "curso_id": "C1", "nombre_curso": "Curso de acceso a la información", "tema": "Acceso a la información",
    "modalidad": "En línea", "fecha_inicio": "2024-03-01", "fecha_fin": "2024-03-31", "horas": "10",
    "publico": "Servidores públicos", "organizador": "SABGOB",
    "nombre": "Persona Ficticia", "correo": "persona@ejemplo.invalid", "curp": "FICT000001MQRXXX01",
    "es_ut": "Sí", "es_comite": "No", "asistio": "Sí", "calificacion": "90", "constancia": "Sí", "fecha": "2024-03-15",
    "fecha_corte": "2024-06-30", "total_personal": "40", "personal_ut": "2",
    "evento": "Feria de la transparencia", "sector": "Estudiantes", "asistentes": "100", "municipio": "Chetumal",
    "verificacion": "V-2024-01", "tipo_verificacion": "Diagnóstica", "periodo_evaluado": "2024-T1",
    "fecha_verificacion": "2024-05-15", "articulo": "91", "fraccion": "I", "porcentaje": "80",
    "criterio": "1", "tipo_criterio": "Sustantivo", "valor": "1", "observacion": "Falta actualizar",
}
UNIQUE = {"folio", "expediente"}  # one per row, or the rows would be duplicates of each other


def needles(text: str) -> list[str]:
    """The planted identifiers found in `text`, compared without case, spaces or punctuation."""
    flat = re.sub(r"[^a-z0-9]", "", text.lower())
    found = [n for n in ("quiz800101", "9987654321", "ejemploinvalid", "zacarias", "zqarroba") if n in flat]
    # 'persona@ejemplo.invalid' is a personal field of its own (hashed, never stored): it counts too.
    return found


def _layout_files(inputs: Path) -> list[str]:
    """One CSV per layout: a valid row, then a row per (column, planted form), the form alone or after the valid
    value. Returns the layout keys written."""
    catalog = load_layouts()
    folder_of = {s.fuente: s.folder for s in SOURCES}
    written = []
    for layout in catalog.layouts:
        fields = list(layout.columns)
        headers = [layout.columns[f][0] for f in fields]
        # Columns the tablero does not read (free text, names) are input columns too; the distinctive ones also
        # make the file recognizable as this layout.
        extra = [h for h in (*layout.distinctive, *layout.multiline) if h not in headers]
        fields, headers = fields + [f"_{h}" for h in extra], headers + extra
        rows, n = [], 0

        def valid_row():
            nonlocal n
            n += 1
            values = [VALID.get(f, "texto libre") for f in fields]
            for i, f in enumerate(fields):
                if f == "folio" or f == "folio_solicitud" and "folio" not in fields:
                    values[i] = f"24{n:013d}"
                elif f == "expediente":
                    values[i] = f"RR/{n:03d}/2024"
            if layout.fuente == "verificaciones" and "criterio" not in fields:
                values[fields.index("fraccion")] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][n % 8]
            return values

        rows.append(valid_row())
        for i, field in enumerate(fields):
            for k, form in enumerate(PLANTED):
                values = valid_row()
                alone = k % 2 == 0 or field in UNIQUE
                values[i] = form if alone else f"{values[i]} {form}"
                rows.append(values)
        folder = inputs / folder_of[layout.fuente]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{layout.key}_QUIZ800101HQRBRC09_zq@ejemplo.invalid.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(headers)
            csv.writer(fh).writerows(rows)
        written.append(layout.key)
    return written


def _quarterly_file(inputs: Path) -> None:
    """The published quarterly table (etl/read/estadistica.py): planted in the name column, the title and the figures."""
    lines = ["CUARTO TRIMESTRE 2018 QUIZ800101HQRBRC09 998 765 4321",
             "S.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,",
             ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,Total de No Competencia,"
             "Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,Tiempo Promedio de Resp.",
             "DEPENDENCIAS,,,,,,,,,,,,,", "SECRETARÍA DE OBRAS PÚBLICAS (SEOP),1,0,0,0,1,1,0,0,0,0,1,1,5"]
    for k, form in enumerate(PLANTED):
        lines.append(f'"{form}",1,0,0,0,1,1,0,0,0,0,1,1,5')
        lines.append(f'SECRETARÍA DE TURISMO,"{form}",0,0,0,1,1,0,0,0,0,1,1,"{form}"')
    path = inputs / "estadistica_trimestral" / "tabla_2018_t4_zq@ejemplo.invalid.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    base = tmp_path_factory.mktemp("privacidad")
    inputs = base / "in"
    layouts = _layout_files(inputs)
    _quarterly_file(inputs)
    db = build(inputs, base)
    return db, base, layouts


def test_every_layout_was_planted_and_loaded(scanned):
    db, _, layouts = scanned
    assert len(layouts) == len(load_layouts().layouts) >= 9
    logged = {l for (l,) in query(db, "SELECT DISTINCT layout FROM carga")}
    assert set(layouts) <= logged and "estadistica_trimestral_publicada" in logged
    # the valid rows really got in: the scan is of a warehouse with data
    assert query(db, "SELECT count(*) > 0 FROM solicitud")[0][0] and query(db, "SELECT count(*) > 0 FROM curso")[0][0]
    assert query(db, "SELECT count(*) > 0 FROM verificacion_resultado")[0][0]


def test_nothing_planted_in_any_table_or_column(scanned):
    db, _, _ = scanned
    leaks = []
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
        assert len(tables) > 20
        for (table,) in tables:
            columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = ? AND table_schema = 'main'", [table]).fetchall()]
            for column in columns:
                values = con.execute(f'SELECT DISTINCT "{column}"::VARCHAR FROM "{table}"').fetchall()
                for (value,) in values:
                    if value and (found := needles(value)):
                        leaks.append(f"{table}.{column}: {value[:120]!r} {found}")
    assert leaks == [], "\n".join(leaks[:40])


def test_rejects_keep_their_shape_with_identifiers_masked(scanned):
    db, _, _ = scanned
    shown = {v for (v,) in query(db, "SELECT valor FROM rechazo WHERE valor LIKE '%omitid%'")}
    assert {"[correo omitido]", "[CURP omitida]", "[RFC omitido]", "[teléfono omitido]"} <= shown
    names = {a for (a,) in query(db, "SELECT archivo FROM carga")}
    assert "plantilla_solicitudes_[CURP omitida][correo omitido]" in names  # the e-mail takes the extension


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_nothing_planted_in_the_open_data_export(scanned, tmp_path, fmt):
    db, _, _ = scanned
    out = tmp_path / f"indicadores.{fmt}"
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(db), "--out", str(out),
                           "--format", fmt], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = duckdb.sql(f"SELECT string_agg(columns(*)::VARCHAR, '|') FROM '{out}'").fetchall()
    assert len(repr(text)) > 1000 and needles(repr(text)) == []
    assert needles(out.read_bytes().decode("utf-8", "replace")) == []


def test_nothing_planted_in_the_pdf_fichas(scanned, tmp_path):
    from pypdf import PdfReader

    db, _, _ = scanned
    done = subprocess.run([sys.executable, "-m", "indicators", "fichas", "--periodo", "2024", "--db", str(db),
                           "--out", str(tmp_path)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert pdfs
    text = "\n".join(page.extract_text() for pdf in pdfs for page in PdfReader(pdf).pages)
    assert "Verificación" in text or "verificación" in text
    assert needles(text) == [], needles(text)
