"""Printable fichas: one PDF per ente with an index, holding the ente's name and its index."""
import os
import subprocess
import sys
from pathlib import Path

import duckdb
from pypdf import PdfReader

from indicators.fichas import plain, write_fichas

ROOT = Path(__file__).resolve().parent.parent


def test_one_pdf_per_ente_with_name_and_index(tablero_db, tmp_path):
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        expected = dict(con.execute("""SELECT clave, valor FROM indicador_valor WHERE nivel = 'ente'
                                       AND indicador = 'indice_desempeno' AND periodo = '2025-06'""").fetchall())
        names = dict(con.execute("SELECT ente_id, nombre_oficial FROM ente").fetchall())
    written = write_fichas(tablero_db, "2025-06", tmp_path, progress=None)
    assert len(written) == len(expected) > 5
    for path in written[:5]:
        ente = path.stem.removeprefix("ficha_").removesuffix("_2025-06")
        reader = PdfReader(path)
        assert len(reader.pages) == 1
        text = " ".join(reader.pages[0].extract_text().split())
        assert " ".join(plain(names[ente]).split()) in text
        assert f"{expected[ente]:.1f}" in text
        assert "¿Por qué cambió?" in text and "Qué corregir" in text


def test_cli_with_progress_and_errors(tablero_db, tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "indicators", "fichas", "--db", str(tablero_db), *a],  # noqa: E731
                                    cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    ok = run("--periodo", "2025-T2", "--out", str(tmp_path / "f"), "--ente", "SEFIPLAN")
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "f" / "ficha_SEFIPLAN_2025-T2.pdf").exists() and "1/1" in ok.stderr
    bad = run("--periodo", "octubre", "--out", str(tmp_path / "g"))
    assert bad.returncode == 1 and "no válido" in bad.stderr
