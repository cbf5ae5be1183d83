"""The sample's citizens' evaluations: a seed of attempts that `python -m participacion ejemplo` replays through the
page's own code, only into a store without evaluations (the default local one, or one named with --url); the
session warehouse (conftest) is built from it as `make tablero` does."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import sqlalchemy as sa

from conftest import ROOT
from helpers import store_rows
from samples.evaluaciones import FILE, write_evaluation_sample


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "participacion", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_the_seed_holds_approved_pending_rejected_and_abuse(tmp_path):
    counts = write_evaluation_sample(tmp_path)
    rows = list(csv.DictReader((tmp_path / FILE).open(encoding="utf-8")))
    assert counts == {str(FILE): len(rows)} and 400 < len(rows) < 800
    decisions = {d: sum(1 for r in rows if r["comentario"] and r["decision"] == d) for d in ("aprobada", "rechazada", "")}
    assert decisions["aprobada"] > 50 and decisions["rechazada"] >= 2 and decisions[""] >= 3
    assert sum(1 for r in rows if r["sesion"] == "ejemplo-bot") == 16 and sum(1 for r in rows if r["trampa"]) == 1
    # every client address is of the documentation ranges, never a real one
    assert {r["direccion"].rsplit(".", 1)[0] for r in rows} <= {"198.51.100", "203.0.113"}
    assert write_evaluation_sample(tmp_path / "otra") == counts   # deterministic
    assert (tmp_path / FILE).read_bytes() == (tmp_path / "otra" / FILE).read_bytes()


def test_the_command_loads_once_and_only_where_it_is_told(tmp_path):
    write_evaluation_sample(tmp_path)
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    seed = str(tmp_path / FILE)
    assert run("--url", url, "migrate").returncode == 0
    first = run("--url", url, "ejemplo", "--archivo", seed)
    assert first.returncode == 0, first.stderr
    assert "registradas, intentos bloqueados:" in first.stdout and "1 trampa" in first.stdout
    again = run("--url", url, "ejemplo", "--archivo", seed)
    assert "ya tiene evaluaciones: no se cargan" in again.stdout
    # a store configured elsewhere (a deployment) is not the default local one: refused unless named with --url
    other = run("ejemplo", "--archivo", seed, env={"TABLERO_PARTICIPACION_URL": f"sqlite:///{tmp_path / 'otro.sqlite'}"})
    assert other.returncode == 0 and "solo en el almacén local por omisión" in other.stdout
    assert not (tmp_path / "otro.sqlite").exists() or _count(f"sqlite:///{tmp_path / 'otro.sqlite'}") == 0
    build = subprocess.run([sys.executable, "-m", "etl", "build", "--inputs", str(tmp_path / "vacio"), "--db",
                            str(tmp_path / "w.duckdb"), "--participacion", url], cwd=ROOT, capture_output=True, text=True,
                           timeout=300)
    assert build.returncode == 0, build.stderr
    assert "evaluaciones_ciudadanas.csv" in build.stdout and "pendiente de moderación" in build.stdout
    comments = {c for (c,) in store_rows(url, "SELECT comentario FROM evaluacion_ciudadana "
                                                  "WHERE comentario IS NOT NULL")}
    assert "No encontré nada. Llámenme al [teléfono omitido] para explicarles dónde busqué." in comments
    assert not any("998 765 4321" in c for c in comments)


def test_the_session_warehouse_shows_the_sample(sql):
    [(leidas, cargadas, rechazadas)] = sql("SELECT filas_leidas, filas_cargadas, filas_rechazadas FROM carga "
                                           "WHERE fuente = 'evaluaciones_ciudadanas'")
    assert leidas == cargadas > 500 and rechazadas == 0
    assert sql("SELECT count(*) FROM comparacion_ciudadana WHERE desacuerdo")[0][0] > 0


def _count(url: str) -> int:
    if not sa.inspect(sa.create_engine(url)).has_table("evaluacion_ciudadana"):
        return 0
    return store_rows(url, "SELECT count(*) FROM evaluacion_ciudadana")[0][0]
