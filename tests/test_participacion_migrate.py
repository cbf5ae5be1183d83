"""The participación store's migrations, on SQLite and on a real PostgreSQL server: numbered files applied once,
each in its own transaction, recorded in esquema_version; a new migration is a new file and nothing else."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from participacion import engine, migrate
from participacion.migrate import MIGRATIONS_DIR, MigrationError

ROOT = Path(__file__).resolve().parent.parent
PROJECT = [(1, "bitacora_acceso"), (2, "evaluacion_ciudadana"), (3, "bitacora_envio")]   # the project's migrations
NEXT = f"{len(PROJECT) + 1:04d}"                                  # the number a new migration takes


def _tables(eng) -> set[str]:
    return set(sa.inspect(eng).get_table_names())


def _versions(eng) -> list[tuple[int, str]]:
    with eng.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT version, nombre FROM esquema_version ORDER BY 1")]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the project's migrations that a test may add files to."""
    target = tmp_path / "migraciones"
    shutil.copytree(MIGRATIONS_DIR, target)
    return target


def test_migrate_creates_the_schema_once(store_url):
    eng = engine.create(store_url)
    ran = migrate.migrate(eng)
    assert [(m.version, m.nombre) for m in ran] == PROJECT
    assert {"esquema_version", "bitacora_acceso", "evaluacion_ciudadana", "moderacion", "bitacora_envio",
            "envio_en_curso"} <= _tables(eng)
    assert migrate.migrate(eng) == []          # idempotent
    assert _versions(eng) == PROJECT
    assert migrate.pending(eng) == []


def test_a_new_migration_is_a_new_file(store_url, folder):
    eng = engine.create(store_url)
    migrate.migrate(eng, folder)
    (folder / f"{NEXT}_evaluacion_prueba.sql").write_text(
        "-- what the next issue will do: one more file\n"
        "CREATE TABLE evaluacion_prueba (id VARCHAR(32) PRIMARY KEY, ente_id VARCHAR(40) NOT NULL);\n"
        "CREATE INDEX evaluacion_prueba_ente ON evaluacion_prueba (ente_id);\n", encoding="utf-8")
    (folder / f"{NEXT}_evaluacion_prueba.{eng.dialect.name}.sql").write_text(
        f"CREATE TABLE solo_{eng.dialect.name} (x INTEGER);\n", encoding="utf-8")
    assert [m.version for m in migrate.pending(eng, folder)] == [int(NEXT)]
    assert [m.nombre for m in migrate.migrate(eng, folder)] == ["evaluacion_prueba"]
    other = "postgresql" if eng.dialect.name == "sqlite" else "sqlite"
    assert {"evaluacion_prueba", f"solo_{eng.dialect.name}"} <= _tables(eng)
    assert f"solo_{other}" not in _tables(eng)
    assert _versions(eng) == [*PROJECT, (int(NEXT), "evaluacion_prueba")]


def test_a_failing_migration_leaves_nothing_behind(store_url, folder):
    eng = engine.create(store_url)
    migrate.migrate(eng, folder)
    (folder / f"{NEXT}_a_medias.sql").write_text(
        "CREATE TABLE primera (x INTEGER);\n"
        "INSERT INTO primera VALUES (1);\n"
        "CREATE TABLE segunda (x INTEGER REFERENCES tabla_que_no_existe (y), z NO_ES_UN_TIPO);\n"
        "SELECT * FROM tabla_que_no_existe;\n", encoding="utf-8")
    with pytest.raises(MigrationError, match=f"La migración {NEXT}_a_medias.sql falló y no se aplicó nada de ella"):
        migrate.migrate(eng, folder)
    # DDL inside the transaction was rolled back with it (SQLite too: the engine issues BEGIN itself)
    assert "primera" not in _tables(eng)
    assert _versions(eng) == PROJECT


def test_two_processes_migrating_at_once_apply_each_migration_once(store_url):
    engines = [engine.create(store_url) for _ in range(3)]
    results, errors = [], []
    start = threading.Barrier(len(engines))

    def run(eng):
        start.wait()
        try:
            results.append([m.version for m in migrate.migrate(eng)])
        except Exception as exc:  # noqa: BLE001 - the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    # each migration once, by one of them: each is its own transaction under the lock, so with two or more
    # migrations one process may apply 0001 and another 0002
    assert sorted(v for ran in results for v in ran) == [v for v, _ in PROJECT]
    assert _versions(engines[0]) == PROJECT


def test_misnamed_and_clashing_files_are_all_reported(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    for name in ("0001_uno.sql", "0002_dos.sql", "0002_otro.sql", "0004_cuatro.sql", "5_cinco.sql",
                 "0006_seis.oracle.sql"):
        (folder / name).write_text("SELECT 1;\n", encoding="utf-8")
    with pytest.raises(MigrationError) as info:
        migrate.discover(folder)
    message = str(info.value)
    assert "0002_otro.sql: la versión 0002 ya es «dos»" in message
    assert "5_cinco.sql: el nombre debe ser NNNN_nombre.sql" in message
    assert "0006_seis.oracle.sql" in message
    assert "faltan las migraciones 0003" in message


def test_a_store_newer_than_the_code_is_refused(store_url, folder):
    eng = engine.create(store_url)
    (folder / f"{NEXT}_futura.sql").write_text("CREATE TABLE futura (x INTEGER);\n", encoding="utf-8")
    migrate.migrate(eng, folder)
    with pytest.raises(MigrationError, match=f"{NEXT}.*actualice el tablero"):
        migrate.migrate(eng)


def test_sqlite_store_is_in_wal_mode(tmp_path):
    eng = engine.create(f"sqlite:///{tmp_path / 'nueva' / 'p.sqlite'}")
    migrate.migrate(eng)
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (tmp_path / "nueva" / "p.sqlite").exists()


def test_split_sqlite_keeps_trigger_bodies_whole():
    script = (MIGRATIONS_DIR / "0001_bitacora_acceso.sqlite.sql").read_text(encoding="utf-8")
    statements = migrate.split_sqlite(script)
    assert len(statements) == 2
    assert all("CREATE TRIGGER" in s and s.endswith("END;") for s in statements)


def test_migrate_command(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    run = lambda *args: subprocess.run([sys.executable, "-m", "participacion", "--url", url, *args], cwd=ROOT,
                                       capture_output=True, text=True, timeout=60)
    first = run("migrate")
    assert first.returncode == 0, first.stderr
    assert "Migraciones aplicadas" in first.stdout
    assert ", ".join(f"{v:04d}_{n}" for v, n in PROJECT) in first.stdout
    again = run("migrate")
    assert again.returncode == 0 and "ya está al día" in again.stdout
    status = run("estado")
    assert status.stdout.startswith("0001_bitacora_acceso\taplicada el ")
    assert "\n0003_bitacora_envio\taplicada el " in status.stdout


def test_migrate_command_with_a_server_that_does_not_answer():
    done = subprocess.run([sys.executable, "-m", "participacion", "--url",
                           "postgresql+psycopg://nadie:nada@127.0.0.1:9/tablero", "migrate"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("ERROR: no se pudo usar el almacén de participación")
    assert "Traceback" not in done.stderr
