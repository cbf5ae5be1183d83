"""Where a build writes: everything temporary under one build folder beside the new warehouse (removed on every way
out, and by the next build after a kill); a --db that cannot be a warehouse is answered before any work; a
symlinked --db is followed for the lock and the swap, and stays a symlink."""
from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import build, folios, plantilla, query, row, solicitudes

import etl.read.text
from common.errors import BuildError
from etl.build import build_warehouse


def cp1252_inputs(tmp_path: Path) -> Path:
    solicitudes(tmp_path, "latin.csv", plantilla(row("240000000000001", ente="Secretaría de Finanzas y Planeación"))
                .encode("cp1252"))
    return tmp_path / "in"


def spy_on_copies(monkeypatch, then=None) -> list[Path]:
    """The transcoded copies the readers make, in order; `then(copy)` may fail right after one is made."""
    seen = []
    real = etl.read.text.transcode

    def spy(path, encoding):
        copy, mixed = real(path, encoding)
        seen.append(copy)
        if then:
            then(copy)
        return copy, mixed

    monkeypatch.setattr(etl.read.text, "transcode", spy)
    return seen


def test_transcoded_copies_live_in_the_build_folder_and_go_with_it(tmp_path, monkeypatch):
    seen = spy_on_copies(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "sistema"))  # the system's temp folder: never used
    db = build(cp1252_inputs(tmp_path), tmp_path)
    assert folios(db) == ["240000000000001"]
    (copy,) = seen
    assert copy.parent.name.startswith(".almacen.duckdb.build-") and copy.parent.parent == tmp_path
    assert not copy.parent.exists()  # the whole build folder is gone
    assert not (tmp_path / "sistema").exists()


def test_a_failed_build_removes_its_transcoded_copies(tmp_path, monkeypatch):
    def fail(_copy):
        raise OSError(errno.EIO, "Input/output error")

    seen = spy_on_copies(monkeypatch, then=fail)
    with pytest.raises(BuildError):
        build(cp1252_inputs(tmp_path), tmp_path)
    assert seen and not seen[0].exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_kill_leaves_the_build_folder_and_the_next_build_removes_it(tmp_path):
    leftover = tmp_path / ".almacen.duckdb.build-20240101T000000-abcdef"
    (leftover / "spill").mkdir(parents=True)
    (leftover / "etl_x.utf8.txt").write_text("texto de una solicitud", encoding="utf-8")
    build(cp1252_inputs(tmp_path), tmp_path)
    assert not leftover.exists()


def test_a_full_temp_folder_is_named_as_such(tmp_path, monkeypatch):
    def full(path, encoding):
        raise OSError(errno.ENOSPC, "No space left on device", "/var/tmp/otra/etl_1.utf8.txt")

    monkeypatch.setattr(etl.read.text, "transcode", full)
    with pytest.raises(BuildError) as err:
        build(cp1252_inputs(tmp_path), tmp_path)
    assert "No queda espacio en disco en /var/tmp/otra (carpeta temporal" in str(err.value)
    assert str(tmp_path) not in str(err.value)


def test_db_that_is_a_folder_is_answered_before_any_work(tmp_path):
    folder = tmp_path / "almacen"
    folder.mkdir()
    with pytest.raises(BuildError, match="es una carpeta, no un archivo"):
        build_warehouse(cp1252_inputs(tmp_path), folder)
    assert list(tmp_path.glob(".*")) == [] and list(folder.iterdir()) == []


def test_read_only_db_is_answered_before_any_work(tmp_path):
    db = build(cp1252_inputs(tmp_path), tmp_path)
    served = db.read_bytes()
    db.chmod(0o444)
    try:
        with pytest.raises(BuildError, match="es de solo lectura"):
            build(tmp_path / "in", tmp_path)
    finally:
        db.chmod(0o644)
    assert db.read_bytes() == served


def test_db_in_a_read_only_folder_is_answered_before_any_work(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"no se puede montar una carpeta de solo lectura aquí ({done.stderr.strip()})")
    try:
        with pytest.raises(BuildError, match="No se puede escribir en la carpeta"):
            build_warehouse(cp1252_inputs(tmp_path), folder / "tablero.duckdb")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_symlinked_db_stays_a_symlink_and_shares_the_lock(tmp_path):
    real_dir, link_dir = tmp_path / "datos", tmp_path / "enlace"
    real_dir.mkdir()
    link_dir.mkdir()
    real = real_dir / "tablero.duckdb"
    link = link_dir / "tablero.duckdb"
    link.symlink_to(real)
    inputs = cp1252_inputs(tmp_path)
    build_warehouse(inputs, link)
    assert link.is_symlink() and link.resolve() == real and real.is_file()
    assert query(link, "SELECT count(*) FROM solicitud") == [(1,)]
    assert list(link_dir.iterdir()) == [link]  # lock and temporaries beside the real file, not the link
    # A build through the real name holds the lock: one through the link must wait its turn, not run beside it.
    with (real_dir / "tablero.duckdb.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError, match="Ya hay otra construcción en curso"):
            build_warehouse(inputs, link)
    assert link.is_symlink()
