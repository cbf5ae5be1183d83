"""Datos abiertos: the page offers the very bytes of `python -m indicators export` for a range of months, with a
data dictionary that describes every column of the export and every indicator of the catalog."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import all_text, run_page, table_with
from indicators.export import data_dictionary, export_indicators

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/5_Datos_abiertos.py"


def _cli_export(db: Path, out: Path, fmt: str, desde: str, hasta: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(db), "--out", str(out),
                           "--format", fmt, "--desde", desde, "--hasta", hasta],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_page_download_is_the_cli_export_byte_for_byte(app_db, downloads, tmp_path, fmt):
    at = run_page(PAGE, {"desde": "2025-02", "hasta": "2025-12"}, timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    files = downloads(at)
    assert set(files) >= {"datos_csv", "datos_parquet"}
    assert files[f"datos_{fmt}"] == _cli_export(app_db, tmp_path / f"x.{fmt}", fmt, "2025-02", "2025-12")


def test_range_keeps_whole_periods_only(tablero_db, tmp_path):
    out = tmp_path / "rango.csv"
    export_indicators(tablero_db, out, "csv", "2025-02", "2025-12")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    periods = {(r["tipo_periodo"], r["periodo"]) for r in rows}
    # by hand: February to December 2025 holds 11 months, the quarters T2-T4 whole; T1 starts in January and the
    # year 2025 too, so neither is in
    assert periods == {("mes", f"2025-{m:02d}") for m in range(2, 13)} | {
        ("trimestre", "2025-T2"), ("trimestre", "2025-T3"), ("trimestre", "2025-T4")}
    everything = tmp_path / "todo.csv"
    export_indicators(tablero_db, everything, "csv")
    all_rows = list(csv.DictReader(io.StringIO(everything.read_text(encoding="utf-8-sig"))))
    assert [r for r in all_rows if (r["tipo_periodo"], r["periodo"]) in periods] == rows   # same rows, same order


def test_bad_month_is_refused_in_spanish(tablero_db, tmp_path):
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(tablero_db), "--out",
                           str(tmp_path / "x.csv"), "--desde", "2025-13"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert "ERROR: --desde «2025-13» no es un mes; use AAAA-MM" in done.stderr


def test_dictionary_describes_every_column_and_indicator(app_db, sql, tmp_path):
    at = run_page(PAGE, timeout=120)
    assert not at.exception
    export_indicators(app_db, tmp_path / "x.csv")
    header = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    columns = table_with(at, "Columna")
    assert columns["Columna"].tolist() == header
    _, descriptions = data_dictionary()
    assert [c for c in header if c not in descriptions] == [], "describe the new column in diccionario_exportacion.toml"
    assert "(sin descripción)" not in columns["Descripción"].tolist()
    indicators = table_with(at, "Fórmula")
    expected = sql("SELECT indicador, formula, unidad, fuente FROM indicador ORDER BY indicador")
    shown = indicators.sort_values("Indicador")[["Indicador", "Fórmula", "Unidad", "Fuente"]]
    assert [tuple(r) for r in shown.itertuples(index=False)] == expected


def test_the_citizens_file_is_the_cli_export_and_describes_every_column(app_db, downloads, tmp_path):
    """The second file (citizens beside the verifiers per fracción): the page's bytes are the command's, every column
    has its description, and the dictionary states the comparison's rule as the code has it."""
    from indicators.comparison import UMBRAL_DESACUERDO, VENTANA_MESES
    at = run_page(PAGE, {"desde": "2026-03", "hasta": "2026-09"}, timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    out = tmp_path / "c.csv"
    done = subprocess.run([sys.executable, "-m", "indicators", "export", "--conjunto", "ciudadanos", "--db",
                           str(app_db), "--out", str(out), "--desde", "2026-03", "--hasta", "2026-09"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert downloads(at)["ciudadanos_csv"] == out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows and all("2026-03" <= r["mes"] <= "2026-09" for r in rows)
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert table_with(at, "Columna", without="Fórmula").columns.tolist() == ["Columna", "Descripción"]
    shown = [d.value for d in at.dataframe if list(d.value.columns) == ["Columna", "Descripción"]]
    assert shown[1]["Columna"].tolist() == header
    _, descriptions = data_dictionary("ciudadanos")
    assert [c for c in header if c not in descriptions] == [], "describe the column in [columnas_ciudadanos]"
    assert f"los {VENTANA_MESES} meses" in descriptions["mes"]
    assert f"{UMBRAL_DESACUERDO:g} puntos o más" in descriptions["desacuerdo"]


def test_license_and_date_of_the_data(app_db, sql):
    at = run_page(PAGE, timeout=120)
    text = all_text(at)
    assert "Licencia: Libre Uso MX" in text
    corte = sql("SELECT valor FROM metadatos WHERE clave = 'fecha_corte'")[0][0][:10]
    from datetime import date
    from common.formatting import fecha_es
    assert f"Fecha de los datos: datos al {fecha_es(date.fromisoformat(corte))}" in text


def test_reversed_range_says_so(app_db):
    at = run_page(PAGE, {"desde": "2025-06", "hasta": "2025-01"}, timeout=120)
    assert not at.exception
    assert "El mes inicial es posterior al mes final" in all_text(at)
    assert at.get("download_button") == [] or all(b.key not in ("datos_csv", "datos_parquet")
                                                  for b in at.get("download_button"))
