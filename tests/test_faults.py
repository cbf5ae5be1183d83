"""Faults: a build killed at any point, a full disk, two builds at once. The served warehouse survives each one
byte for byte, and the next build succeeds and cleans up after the dead one.

Builds run as real `python -m etl build` processes on a moderately sized sample (2 years × 20 000 requests)."""
from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from helpers import PLANTILLA_HEADER, write

import etl.build
from common.errors import BuildError
from etl.build import build_warehouse

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("solicitud", "recurso_revision", "carga", "rechazo", "indicador_valor")
# Moments to kill the build: seconds after start, then the first progress line containing each marker.
KILL_AFTER_S = (0.2, 0.5, 1.0)
KILL_AT_MESSAGE = ("Cargando catálogos", "[solicitudes 2/", "[capacitacion 1/", "Normalizando y validando",
                   "Calculando indicadores")


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _start_build(inputs: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", "build", "--inputs", str(inputs), "--db", str(db)],
                            cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            bufsize=1)


def _run_build(inputs: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--inputs", str(inputs), "--db", str(db)],
                          cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(f".{db.name}.build-*"))


def _wait_for_line(proc: subprocess.Popen, marker: str, timeout: float = 120) -> bool:
    """Reads the build's progress (stderr) until a line contains `marker`; False if the build ended first."""
    found = threading.Event()

    def read():
        for line in proc.stderr:
            if marker in line:
                found.set()
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return found.is_set()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """Sample inputs and a served warehouse built from them."""
    from samples.write import write_sample

    base = tmp_path_factory.mktemp("faults")
    write_sample(base / "in", years=(2025, 2026), requests_per_year=20000)
    db = base / "served" / "tablero.duckdb"
    done = _run_build(base / "in", db)
    assert done.returncode == 0, done.stderr
    return base / "in", db


@pytest.mark.parametrize("moment", [*(f"{s} s" for s in KILL_AFTER_S), *KILL_AT_MESSAGE])
def test_kill_9_at_any_point_leaves_the_served_warehouse_intact(sample, moment):
    inputs, db = sample
    digest, counts = _sha256(db), _counts(db)
    proc = _start_build(inputs, db)
    try:
        if moment.endswith(" s"):
            time.sleep(float(moment[:-2]))
        else:
            assert _wait_for_line(proc, moment), f"the build never printed {moment!r}"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL  # it really died mid-build, it did not finish first
    assert _sha256(db) == digest
    assert _counts(db) == counts  # and it still opens read-only with the same rows


def test_next_build_after_a_kill_succeeds_and_removes_the_leftover(sample):
    inputs, db = sample
    proc = _start_build(inputs, db)
    try:
        assert _wait_for_line(proc, "Normalizando y validando")  # the temporary warehouse is being written
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert _leftovers(db), "kill -9 should have left the temporary warehouse behind"
    requests = _counts(db)["solicitud"]
    done = _run_build(inputs, db)
    assert done.returncode == 0, done.stderr
    assert _leftovers(db) == []
    assert _counts(db)["solicitud"] == requests  # same inputs, same requests


def test_two_builds_at_once_the_second_is_refused(sample):
    inputs, db = sample
    digest = _sha256(db)
    first = _start_build(inputs, db)
    try:
        assert _wait_for_line(first, "Cargando catálogos")  # it holds the lock from here on
        second = _run_build(inputs, db)
        assert second.returncode == 1
        assert "Ya hay otra construcción en curso" in second.stderr and str(db) in second.stderr
        assert "no se modificó" in second.stderr
        assert _sha256(db) == digest  # the refused build touched nothing
        first.stderr.read()
    finally:
        first.wait(timeout=300)
        first.stderr.close()
    assert first.returncode == 0  # and the refusal did not disturb the first one
    assert _leftovers(db) == []


# --------------------------------------------------------------------------------------------- full disk

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
GOOD = f"240000000000001,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No\n"


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MB tmpfs: smaller than any warehouse. Needs root and permission to mount."""
    mount = tmp_path / "disco"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"no se puede montar un tmpfs pequeño aquí ({done.stderr.strip() or done.returncode}); "
                    "la traducción del error se prueba con la falla simulada")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_gives_a_spanish_message_and_keeps_the_served_file(tmp_path, tiny_disk):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD)
    db = tiny_disk / "tablero.duckdb"
    db.write_bytes(b"served warehouse" * 4096)  # stands for the file the dashboard serves (64 KB)
    served = db.read_bytes()
    done = _run_build(tmp_path / "in", db)
    assert done.returncode == 1
    assert "No queda espacio en disco" in done.stderr and str(tiny_disk) in done.stderr
    assert "Libere espacio" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == served
    assert _leftovers(db) == [] and not list(tiny_disk.glob("*.wal"))


@pytest.mark.parametrize("error", [
    OSError(errno.ENOSPC, "No space left on device"),
    duckdb.IOException('IO Error: Could not write file "x.tmp": No space left on device'),
])
def test_disk_full_errors_are_translated(tmp_path, monkeypatch, error):
    def fail(*_args):
        raise error

    monkeypatch.setattr(etl.build, "_build_into", fail)
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError, match="No queda espacio en disco en .*Libere espacio"):
        build_warehouse(tmp_path / "in", tmp_path / "w.duckdb")
    assert _leftovers(tmp_path / "w.duckdb") == []


def test_other_errors_are_not_called_a_full_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(etl.build, "_build_into", lambda *_: (_ for _ in ()).throw(OSError(errno.EACCES, "denied")))
    (tmp_path / "in").mkdir()
    with pytest.raises(OSError, match="denied"):
        build_warehouse(tmp_path / "in", tmp_path / "w.duckdb")
