"""`python -m indicators export`: columns, periods, BOM, formula neutralization, Parquet."""
import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from helpers import PLANTILLA_HEADER, build, write

ROOT = Path(__file__).resolve().parent.parent
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ROWS = f"""
240000000000001,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
240000000000002,2024-10-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-03,No,No
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    write(tmp / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + ROWS)
    return build(tmp / "in", tmp)


def run_export(db, out, *extra):
    return subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(db), "--out", str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_has_the_published_columns_and_period_formats(db, tmp_path):
    result = run_export(db, tmp_path / "ind.csv")
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "ind.csv")
    assert list(rows[0])[:8] == ["ente_id", "ente", "periodo", "indicador", "valor", "numerador", "denominador", "unidad"]
    sefiplan = {(r["periodo"], r["indicador"]): r for r in rows
                if r["ente_id"] == "SEFIPLAN" and r["tipo_solicitud"] == "ambos"}
    assert {"2024-09", "2024-10", "2024-T3", "2024-T4", "2024"} <= {p for p, _ in sefiplan}
    year = sefiplan[("2024", "solicitudes_recibidas")]
    assert (float(year["valor"]), year["ente"], year["unidad"]) == (2.0, "Secretaría de Finanzas y Planeación", "solicitudes")
    assert float(sefiplan[("2024", "pct_en_plazo")]["valor"]) == 100.0
    assert sefiplan[("2024", "pct_en_plazo")]["suficiente"] == "false"


def test_text_cells_that_look_like_formulas_are_neutralized(db, tmp_path):
    # A name coming from outside, e.g. an edited catalog, must never run as a formula in a spreadsheet.
    poisoned = tmp_path / "poisoned.duckdb"
    poisoned.write_bytes(db.read_bytes())
    with duckdb.connect(str(poisoned)) as con:
        for table in ("indicador_valor", "indicador_valor_tipo"):  # both types together, and each type
            con.execute(f"""UPDATE {table} SET nombre = '=HYPERLINK("http://x","clic")' WHERE clave = 'SEFIPLAN'""")
        con.execute("UPDATE indicador SET unidad = '+1' WHERE indicador = 'pct_en_plazo'")
    assert run_export(poisoned, tmp_path / "p.csv").returncode == 0
    rows = read_csv(tmp_path / "p.csv")
    names = {r["ente"] for r in rows if r["ente_id"] == "SEFIPLAN"}
    assert names == {"'=HYPERLINK(\"http://x\",\"clic\")"}
    assert {r["unidad"] for r in rows if r["indicador"] == "pct_en_plazo"} == {"'+1"}


def test_parquet_export(db, tmp_path):
    assert run_export(db, tmp_path / "ind.parquet", "--format", "parquet").returncode == 0
    with duckdb.connect() as con:
        count = con.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "ind.parquet")]).fetchone()[0]
    assert count == len(read_csv_ok(db, tmp_path))


def read_csv_ok(db, tmp_path):
    run_export(db, tmp_path / "again.csv")
    return read_csv(tmp_path / "again.csv")


def test_missing_warehouse_is_a_clear_error(tmp_path):
    result = run_export(tmp_path / "nope.duckdb", tmp_path / "x.csv")
    assert result.returncode == 1 and "python -m etl build" in result.stderr
