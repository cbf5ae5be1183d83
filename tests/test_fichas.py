"""Printable fichas: one PDF per ente with an index, holding the ente's name and its index."""
import datetime as dt
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
        assert "¿Por qué cambió?" in text and "Qué corregir primero" in text


def test_the_ficha_leads_with_the_three_ranked_actions_and_links_to_the_dashboard(tablero_db, tmp_path):
    """APBP, October 2025 of the sample: the ranked actions of indicators.acciones (rule hand-worked in
    tests/test_acciones.py), three first with their points, the rest in one annex line; the previous rank; who
    issues it and when; a link and QR code to the same Ficha online; title metadata."""
    from indicators.acciones import ranked_actions
    from indicators.semaforo import rank_entes

    with duckdb.connect(str(tablero_db), read_only=True) as con:
        actions = ranked_actions(con, "APBP", "2025-10")
        before = con.execute("""SELECT clave AS ente_id, nombre, valor, suficiente FROM indicador_valor
                                WHERE nivel = 'ente' AND indicador = 'indice_desempeno' AND tipo_periodo = 'mes'
                                  AND periodo = '2025-09'""").df()
    ranked, _ = rank_entes(before, "mayor_es_mejor")
    lugar = int(ranked.loc[ranked["ente_id"] == "APBP", "lugar"].iloc[0])
    assert len(actions) > 3
    (path,) = write_fichas(tablero_db, "2025-10", tmp_path, "APBP", progress=None, emisor="Coordinación de prueba",
                           url_base="https://tablero.example.gob.mx/", emitida=dt.date(2026, 12, 1))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    first = text.index("Qué corregir primero")
    positions = [text.index(" ".join(plain(f"{n}. {a.texto}").split())) for n, a in enumerate(actions[:3], start=1)]
    assert first < positions[0] < positions[1] < positions[2] < text.index("Dimensiones")
    assert f"+{actions[0].ganancia:.1f} puntos. Dónde: {plain(actions[0].donde)}" in text
    assert f"Anexo: otras {len(actions) - 3} acciones sumarían {sum(a.ganancia for a in actions[3:]):.1f} puntos" in text
    assert f"En septiembre de 2025 tuvo el lugar {lugar} de {len(ranked)}." in text
    assert "Emite: Coordinación de prueba, el 1 de diciembre de 2026." in text
    url = "https://tablero.example.gob.mx/Ficha_del_ente?ente=APBP&tipo=mes&periodo=2025-10"
    assert url in text
    links = {a.get_object()["/A"]["/URI"] for a in reader.pages[0]["/Annots"]}
    assert links == {url}  # the printed link and the QR code both open it
    assert len(reader.pages[0].images) == 1  # the QR code
    assert reader.metadata.title.startswith("Ficha de desempeño en transparencia: Administración del Patrimonio")


def test_cli_with_progress_and_errors(tablero_db, tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "indicators", "fichas", "--db", str(tablero_db), *a],  # noqa: E731
                                    cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    ok = run("--periodo", "2025-T2", "--out", str(tmp_path / "f"), "--ente", "SEFIPLAN")
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "f" / "ficha_SEFIPLAN_2025-T2.pdf").exists() and "1/1" in ok.stderr
    bad = run("--periodo", "octubre", "--out", str(tmp_path / "g"))
    assert bad.returncode == 1 and "no válido" in bad.stderr
