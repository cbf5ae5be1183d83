"""The national-scale benchmark, small: `python -m bench run --quick` runs end to end (generation, baseline,
build, export, pages) and writes its table. It checks that it runs and what it writes, never how fast."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_runs_and_writes_its_table(tmp_path):
    out, data = tmp_path / "out", tmp_path / "data"
    proc = subprocess.run([sys.executable, "-m", "bench", "run", "--requests", "60000", "--entes", "300", "--meses",
                           "3", "--quick", "--rondas", "2", "--out", str(out), "--data", str(data)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    md = (out / "resultados.md").read_text(encoding="utf-8")
    for expected in ("Línea base: read_csv a tabla (s)", "Construcción completa", "memoria pico",
                     "fase lectura_solicitudes", "fase indice", "Exportación", "Página Ranking: primera / repetición",
                     "Ficha: cambiar ente", "Máquina:"):
        assert expected in md
    assert md in proc.stdout
    result = json.loads((out / "resultados.json").read_text(encoding="utf-8"))
    (scale,) = result["resultados"]
    assert scale["escala"]["requests"] == 60000 and scale["escala"]["entes"] == 300
    assert set(scale["paginas"]["paginas"]) == {"Inicio", "Ranking", "Ficha del ente", "Solicitudes", "Verificación"}
    assert all(v["primera"] > 0 and v["repeticion"] > 0 for v in scale["paginas"]["paginas"].values())
    assert scale["build"]["memoria_mib"] > 0 and scale["base"]["segundos"] > 0
    # the second round alternated another baseline with a build of the requests folders only
    assert len(scale["rondas"]) == 2 and all(r["base"] > 0 and r["carga"] > 0 for r in scale["rondas"])
    assert "razón en cada ronda" in md
    assert {"lectura_solicitudes", "etapa_solicitudes", "etapa_recursos", "etapa_capacitacion", "etapa_verificacion",
            "indicadores", "indice"} <= set(scale["build"]["fases"])
    assert [m["meta"] for m in result["metas"]][:2] == ["Carga de solicitudes ≤ 1.5 × línea base",
                                                         "Memoria pico de la construcción < 2 GiB"]
    # the build loaded every generated request: the generator writes valid rows in the real layouts
    import duckdb
    db = next(data.glob("*/tablero.duckdb"))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM solicitud").fetchone()[0] == 60000
        assert con.execute("SELECT count(*) FROM rechazo").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM ente").fetchone()[0] >= 300


def test_bench_keys_runs_and_reports_the_ratio():
    # `python -m bench claves`, small: both ways write the rows (the check passes on them) and the ratio is reported
    proc = subprocess.run([sys.executable, "-m", "bench", "claves", "--entes", "20", "--rondas", "1"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Con PRIMARY KEY: ") and lines[1].startswith("Sin clave, con la comprobación: ")
    assert lines[2].startswith("Razón comprobación / clave: ")
