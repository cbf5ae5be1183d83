"""Security: exports neutralize spreadsheet formulas that come from input files; no personal data reaches the
warehouse, the open-data export or any page's CSV download; nothing from the data is drawn as HTML; the
Streamlit configuration is hardened.

Page downloads are the real bytes of every "Descargar CSV" button, taken from AppTest's media storage."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import duckdb
import pytest

from conftest import run_page
from helpers import PLANTILLA_HEADER, build, query

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?(e-?\d+)?$")
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _formula_cells(rows: list[list[str]]) -> list[str]:
    return [c for r in rows for c in r if c.startswith(FORMULA_PREFIXES) and not NUMBER.match(c)]


# ------------------------------------------------------------------------------------ formula injection

INJECTED = {
    "dependencia": '=HYPERLINK("http://x","clic")',
    "estatus": "+cmd|' /C calc'!A0",
    "folio": "@SUM(1+1)",
}


@pytest.fixture(scope="module")
def injected_db(tmp_path_factory):
    """A warehouse whose rejects carry request-derived text that a spreadsheet would run, from a file whose
    own name is a formula."""
    base = tmp_path_factory.mktemp("formulas")
    rows = [PLANTILLA_HEADER.split(",")]
    good = ["240000000000001", "2024-09-02", "", "SEFIPLAN", "Información pública", "", "", "Terminada", ENTREGA,
            "2024-09-03", "No", "No"]
    rows.append(good)
    rows.append(["240000000000002", *good[1:3], INJECTED["dependencia"], *good[4:]])
    rows.append(["240000000000003", *good[1:7], INJECTED["estatus"], *good[8:]])
    rows.append([INJECTED["folio"], *good[1:]])
    path = base / "in" / "solicitudes" / "=1+1.csv"
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return build(base / "in", base)


def test_injected_values_really_reach_the_rejects(injected_db):
    valores = {v for (v,) in query(injected_db, "SELECT valor FROM rechazo")}
    assert set(INJECTED.values()) <= valores
    assert query(injected_db, "SELECT DISTINCT archivo FROM rechazo") == [("=1+1.csv",)]


def test_estado_de_los_datos_downloads_neutralize_formulas(injected_db, monkeypatch, downloads, local_mode):
    monkeypatch.setenv("TABLERO_DB", str(injected_db))
    at = run_page("pages/9_Estado_de_los_datos.py")
    assert not at.exception
    files = downloads(at)
    rechazos, cargas = _cells(files["csv_rechazos"]), _cells(files["csv_cargas"])
    assert _formula_cells(rechazos) == [] and _formula_cells(cargas) == []
    cells = {c for r in rechazos for c in r}
    for value in INJECTED.values():
        assert "'" + value in cells  # the value is there, as inert text
    assert "'=1+1.csv" in cells and "'=1+1.csv" in {c for r in cargas for c in r}


def test_the_builtin_table_export_is_off_because_it_does_not_neutralize():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_open_data_export_has_no_formula_cells(injected_db, tmp_path):
    out = tmp_path / "indicadores.csv"
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(injected_db), "--out", str(out)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = _cells(out.read_bytes())
    assert len(rows) > 1 and _formula_cells(rows) == []


# --------------------------------------------------------------------------------------- personal data

NOMBRE, CORREO, CURP = "Zacarías Quintanilla Ibarra", "zacarias.quintanilla@ejemplo.invalid", "QUIZ800101HQRBRC09"
DOMICILIO, TELEFONO = "Calle Ficticia 123, Colonia Inventada", "983 555 0199"
# Fragments that must appear nowhere, in any case or encoding (the name without its accent too).
NEEDLES = ("Quintanilla", "Zacar", CORREO, CURP, "QUIZ800101", "Calle Ficticia", "555 0199", "ejemplo.invalid")


def _pnt_record(folio: str, **extra) -> dict:
    base = {"Folio": folio, "FechaSolicitud": "02/09/2024", "Dependencia": "SEFIPLAN", "Estatus": "Terminada",
            "MedioEntrada": "Electrónica", "TipoSolicitud": "Información pública",
            "DescripcionSolicitud": f"Soy {NOMBRE}, CURP {CURP}, vivo en {DOMICILIO}; respondan a {CORREO} "
                                    f"o al {TELEFONO}.",
            "OtrosDatos": f"Contacto: {NOMBRE} <{CORREO}>", "ArchivosAdjuntos": f"INE_{CURP}.pdf",
            "MedioEntrega": "Electrónico", "FechaLimite": "30/09/2024", "Respuesta": ENTREGA,
            "TextoRespuesta": f"Estimado {NOMBRE}: se adjunta la información solicitada.",
            "FechaRespuesta": "03/09/2024", "FechaSolicitudTermino": "03/09/2024", "Pais": "México",
            "Estado": "Quintana Roo", "Municipio": "Othón P. Blanco", "CodigoPostal": "77000",
            "Sector": "Particular", "Prorroga": "No", "Prevencion": "No", "Disponibilidad": "Si",
            "TipoDerechoARCOP": "No Aplica", "Queja": "No", "FechaOficialRecepcion": "02/09/2024"}
    return base | extra


@pytest.fixture(scope="module")
def personal_db(tmp_path_factory):
    """Sample inputs plus a PNT export whose free text names a person, an attendance list with names, e-mails
    and CURPs, and a record too broken to repair that carries the same data."""
    from samples.write import write_sample

    base = tmp_path_factory.mktemp("personales")
    inputs = base / "in"
    write_sample(inputs, years=(2024,), requests_per_year=300, with_errors=True)
    lines = [json.dumps(_pnt_record("240000000000901"), ensure_ascii=False),
             # a shifted column: identifiers where the ente should be (rejected, and its value is shown)
             json.dumps(_pnt_record("240000000000902", Dependencia=f"{CORREO} {CURP}"), ensure_ascii=False),
             '{"Folio":"240000000000903","FechaSolicitud":"02/09/2024", "DescripcionSolicitud":"' + NOMBRE + ' "'
             + CURP + '" ' + CORREO]
    (inputs / "solicitudes" / "solicitudes_personales.JSON").write_bytes(
        ("[\n" + ",\n".join(lines) + "\n]\n").encode("cp1252"))
    attendance = ("Nombre,Correo,CURP,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió\n"
                  f"{NOMBRE},{CORREO},{CURP},Secretaría de Finanzas y Planeación (SEFIPLAN),Jefe de departamento,"
                  "Sí,No,CAP-2024-01,15/03/2024,Sí\n"
                  f"{NOMBRE.upper()},{CORREO.upper()},{CURP.lower()},SEFIPLAN,Analista,No,No,CAP-2024-01,15/03/2024,Sí\n"
                  f"Otra Persona,otra@ejemplo.invalid,,{CURP},Analista,No,No,CAP-2024-01,15/03/2024,Sí\n")
    (inputs / "capacitacion").mkdir(exist_ok=True)
    (inputs / "capacitacion" / "lista_personal.csv").write_text(attendance, encoding="utf-8")
    db = build(inputs, base)
    return db, inputs, _sample_people(inputs)


def _sample_people(inputs: Path) -> list[str]:
    """A few names and e-mails of the sample's own attendance lists: they must vanish too."""
    path = inputs / "capacitacion" / "listas_asistencia.csv"
    if not path.exists():
        return []
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[:5]
    return [r["Nombre"] for r in rows] + [r["Correo"] for r in rows]


def _leaks(data: bytes, extra: list[str]) -> list[str]:
    forms = [(variant, encoding, variant.encode(encoding, errors="ignore")) for needle in (*NEEDLES, *extra)
             for variant in {needle, needle.upper(), needle.lower()} for encoding in ("utf-8", "cp1252", "utf-16-le")]
    # one pass over the data for all forms at once (a warehouse file is tens of MB: a hundred `in` scans took
    # seconds); only when something matched, each form is looked for on its own to name it
    if not re.search(b"|".join(re.escape(form) for _, _, form in forms), data):
        return []
    return [f"{variant!r} ({encoding})" for variant, encoding, form in forms if form in data]


def test_inputs_really_carry_the_personal_data(personal_db):
    _, inputs, people = personal_db
    assert _leaks((inputs / "solicitudes" / "solicitudes_personales.JSON").read_bytes(), [])
    assert _leaks((inputs / "capacitacion" / "lista_personal.csv").read_bytes(), [])
    assert people, "the sample has attendance lists with names"


def test_loaded_but_not_personal(personal_db):
    db, _, _ = personal_db
    assert query(db, "SELECT count(*) FROM solicitud WHERE folio = '240000000000901'") == [(1,)]
    assert query(db, "SELECT count(*) FROM asistencia WHERE archivo = 'lista_personal.csv'")[0][0] >= 1
    # the same person, written differently, is one pseudonym
    assert query(db, "SELECT count(DISTINCT persona_id) FROM asistencia WHERE archivo = 'lista_personal.csv'") == [(1,)]


def test_rejected_values_keep_their_shape_without_identifiers(personal_db):
    db, _, _ = personal_db
    shown = {v for (v,) in query(db, "SELECT valor FROM rechazo WHERE archivo IN ('solicitudes_personales.JSON', "
                                     "'lista_personal.csv') AND columna = 'dependencia'")}
    assert shown == {"[correo omitido] [CURP omitida]", "[CURP omitida]"}


def test_no_personal_data_in_the_warehouse_file_or_any_text_column(personal_db):
    db, _, people = personal_db
    assert _leaks(db.read_bytes(), people) == []
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute("""SELECT table_name, column_name FROM information_schema.columns
                                 WHERE data_type = 'VARCHAR' AND table_schema = 'main'""").fetchall()
        assert len(columns) > 50
        # every needle against a column in one query (one query per column and needle took seconds)
        for table, column in columns:
            hits = con.execute(f"""SELECT n FROM unnest($needles) AS t(n)
                                   WHERE EXISTS (SELECT 1 FROM "{table}" WHERE "{column}" ILIKE '%' || n || '%')""",
                               {"needles": [*NEEDLES, *people]}).fetchall()
            assert hits == [], f"{[n for (n,) in hits]!r} in {table}.{column}"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_no_personal_data_in_the_open_data_export(personal_db, tmp_path, fmt):
    db, _, people = personal_db
    out = tmp_path / f"indicadores.{fmt}"
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(db), "--out", str(out),
                           "--format", fmt], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _leaks(out.read_bytes(), people) == []
    text = duckdb.sql(f"SELECT string_agg(columns(*)::VARCHAR, '|') FROM '{out}'").fetchall()
    assert _leaks(repr(text).encode("utf-8"), people) == []


def test_no_personal_data_in_any_page_download(personal_db, monkeypatch, downloads, local_mode):
    db, _, people = personal_db
    monkeypatch.setenv("TABLERO_DB", str(db))
    seen = 0
    for page in PAGES:
        at = run_page(page, timeout=60)
        assert not at.exception, (page, [e.value for e in at.exception])
        for key, data in downloads(at).items():
            seen += 1
            assert _leaks(data, people) == [], (page, key)
    assert seen >= 10  # the pages really offered their downloads


# --------------------------------------------------------------------------------------- HTML, config

UNSAFE_HTML = re.compile(r"unsafe_allow_html|st\.html\s*\(|components\.html|components\.v1|streamlit\.components|"
                         r"components\.iframe")


def test_nothing_is_rendered_as_html():
    sources = [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py"))]
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in sources
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if UNSAFE_HTML.search(line)]
    assert offenders == []


def test_no_file_uploader_anywhere():
    sources = [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py"))]
    assert [p.name for p in sources if "file_uploader" in p.read_text(encoding="utf-8")] == []


def test_streamlit_configuration_is_hardened():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["client"].get("showErrorLinks") is False
    assert config["client"].get("toolbarMode") in ("viewer", "minimal")
    assert config.get("browser", {}).get("gatherUsageStats") is False  # no data leaves for telemetry
