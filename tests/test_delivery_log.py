"""The delivery log on SQLite and on a real PostgreSQL server: attempts written and read back, what counts as
delivered and what is still failing, and a table that refuses to be changed."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from helpers import assert_table_matches_migration
from participacion import delivery_log, engine, migrate
from participacion.delivery_log import Attempt, DeliveryBusy, DeliveryLogError

ROOT = Path(__file__).resolve().parent.parent
UT = "ut@sefiplan.ejemplo.gob.mx"
TITULAR = "titular@sefiplan.ejemplo.gob.mx"


def test_delivered_and_failed_keys(store):
    record = lambda a, minute: delivery_log.record(store, a, when=datetime(2026, 12, 1, 6, minute))  # noqa: E731
    record(Attempt("ficha", "2026-11", "SEFIPLAN", TITULAR, "enviado", resumen="índice 93.0"), 0)
    record(Attempt("ficha", "2026-11", "SEGOB", "titular@segob.ejemplo.gob.mx", "fallido", error="550 a"), 1)
    record(Attempt("ficha", "2026-11", "SEQ", "titular@seq.ejemplo.gob.mx", "fallido", error="550 b"), 2)
    record(Attempt("ficha", "2026-11", "SEQ", "titular@seq.ejemplo.gob.mx", "enviado"), 3)   # the retry worked
    record(Attempt("recordatorio", "2026-12-01", "SEFIPLAN", UT, "fallido", error="550 c"), 4)
    record(Attempt("recordatorio", "2026-12-01", "SEFIPLAN", UT, "fallido", error="451 d"), 5)
    assert delivery_log.delivered(store, "ficha", "2026-11") == {("SEFIPLAN", TITULAR),
                                                                  ("SEQ", "titular@seq.ejemplo.gob.mx")}
    assert delivery_log.delivered(store, "ficha", "2026-10") == set()
    # a key is failing while none of its attempts delivered; the last error is the one reported
    assert delivery_log.failed(store, "ficha", "2026-11") == {("SEGOB", "titular@segob.ejemplo.gob.mx"): "550 a"}
    assert delivery_log.failed(store, "recordatorio", "2026-12-01") == {("SEFIPLAN", UT): "451 d"}

    log = delivery_log.read(store)
    assert list(log.columns) == delivery_log.COLUMNS
    assert log["estado"].tolist() == ["fallido", "fallido", "enviado", "fallido", "fallido", "enviado"]
    assert log.loc[5, "resumen"] == "índice 93.0" and not bool(log.loc[5, "reenvio"])
    assert len(delivery_log.read(store, tipo="recordatorio", limite=1)) == 1


def test_a_long_server_answer_is_cut_to_the_column(store):
    delivery_log.record(store, Attempt("ficha", "2026-11", "SEGOB", TITULAR, "fallido", error="5" * 2000))
    assert len(delivery_log.read(store).loc[0, "error"]) == delivery_log.ERROR_LENGTH


def test_the_log_refuses_updates_and_deletes(store):
    delivery_log.record(store, Attempt("ficha", "2026-11", "SEFIPLAN", TITULAR, "fallido", error="550"))
    for statement in ("UPDATE bitacora_envio SET estado = 'enviado'", "DELETE FROM bitacora_envio"):
        with pytest.raises(sa.exc.DBAPIError, match="solo admite registros nuevos"):
            with store.begin() as conn:
                conn.execute(sa.text(statement))
    assert delivery_log.read(store)["estado"].tolist() == ["fallido"]


def test_unknown_kind_or_state_is_refused(store):
    with pytest.raises(ValueError):
        Attempt("boletin", "2026-11", "SEFIPLAN", TITULAR, "enviado")
    with pytest.raises(ValueError):
        Attempt("ficha", "2026-11", "SEFIPLAN", TITULAR, "en_cola")
    with pytest.raises(sa.exc.IntegrityError):   # the CHECK of the migration says the same
        with store.begin() as conn:
            conn.execute(sa.insert(delivery_log.bitacora_envio).values(
                registrado_en=datetime(2026, 12, 1), tipo="ficha", periodo="2026-11", ente_id="SEFIPLAN",
                destinatario=TITULAR, estado="en_cola", reenvio=False))


def test_the_table_definition_matches_the_migration(store):
    assert_table_matches_migration(store, delivery_log.bitacora_envio)


def test_a_store_not_migrated_says_how_to_fix(tmp_path):
    eng = engine.create(f"sqlite:///{tmp_path / 'vacio.sqlite'}")
    with pytest.raises(DeliveryLogError, match="python -m participacion migrate"):
        delivery_log.delivered(eng, "ficha", "2026-11")


def test_one_run_of_each_kind_at_a_time(store):
    with delivery_log.running(store, "ficha", "servidor-a, proceso 1", now=datetime(2026, 12, 1, 6, 0)):
        with pytest.raises(DeliveryBusy, match="Otro envío de tipo ficha está en curso desde el 2026-12-01 06:00:00 "
                                               r"UTC \(servidor-a, proceso 1\)"):
            with delivery_log.running(store, "ficha", "servidor-b, proceso 2", now=datetime(2026, 12, 1, 6, 5)):
                pass
        # the other kind is free
        with delivery_log.running(store, "recordatorio", "servidor-b, proceso 2"):
            pass
    # released at the end: the next run holds it
    with delivery_log.running(store, "ficha", "servidor-b, proceso 3"):
        pass


def test_a_hold_whose_process_died_expires(store):
    died = datetime(2026, 12, 1, 6, 0)
    holder = delivery_log.running(store, "ficha", "proceso que murió", now=died)
    holder.__enter__()        # never left: the process was killed
    with pytest.raises(DeliveryBusy):
        with delivery_log.running(store, "ficha", "otro", now=died + delivery_log.LOCK_EXPIRY):
            pass
    with delivery_log.running(store, "ficha", "otro", now=died + delivery_log.LOCK_EXPIRY + timedelta(seconds=1)):
        pass


def test_delivery_log_command_writes_csv_with_formulas_neutralized(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    eng = engine.create(url)
    migrate.migrate(eng)
    delivery_log.record(eng, Attempt("recordatorio", "2026-12-01", "SEFIPLAN", UT, "fallido",
                                     error="=HYPERLINK(\"http://x\") 550"), when=datetime(2026, 12, 1, 6, 0))
    out = tmp_path / "envios.csv"
    done = subprocess.run([sys.executable, "-m", "participacion", "--url", url, "envios", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(delivery_log.COLUMNS)
    assert lines[1].startswith(f"2026-12-01 06:00:00,recordatorio,2026-12-01,SEFIPLAN,{UT},fallido,False,"
                               "\"'=HYPERLINK(\"\"http://x\"\") 550\"")
