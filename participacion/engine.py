"""SQLAlchemy engines for the store, the same on both backends: SQLite gets WAL, a busy timeout and real
transactions (the sqlite3 module would commit DDL on its own); PostgreSQL is used as it comes."""
from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

BUSY_TIMEOUT_MS = 10_000
MIGRATE_COMMAND = "python -m participacion migrate"
_PREPARED = "_participacion_preparada"


def create(url: str) -> Engine:
    """An engine for the store at `url`; an SQLite file's folder is created when missing."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return prepare(sa.create_engine(parsed))


def prepare(engine: Engine) -> Engine:
    """Settings every connection of the store needs (idempotent; also applied to st.connection's engine)."""
    if getattr(engine, _PREPARED, False) or engine.dialect.name != "sqlite":
        return engine

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # The sqlite3 module opens transactions only before INSERT/UPDATE/DELETE and never before DDL, so a
        # failed migration would leave half a schema; with isolation_level None SQLAlchemy's BEGIN (below) holds.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        for pragma in ("foreign_keys=ON", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection):
        # A writer takes the write lock at BEGIN: two writers wait for each other (busy_timeout) instead of
        # failing when a read turns into a write in the middle of a transaction.
        immediate = connection.get_execution_options().get("escritura", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    setattr(engine, _PREPARED, True)
    return engine


def _switch_to_wal(cursor) -> None:
    """PRAGMA journal_mode=WAL, retried for up to BUSY_TIMEOUT_MS: while another connection turns a new file to WAL
    or recovers its log, SQLite answers «database is locked» at once, without waiting in the busy handler (3
    processes opening a new store at once failed so ~1 time in 20)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: committed at the end, rolled back on error."""
    with engine.connect() as conn:
        conn = conn.execution_options(escritura=True)
        with conn.begin():
            yield conn


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        with conn.begin():
            yield conn


def guarded(action, error: type[Exception], what: str):
    """Runs `action()`; a database error becomes `error` with a Spanish message that starts with `what` and says
    how to prepare a store that is new (its cause stays attached, e.g. the IntegrityError of a unique index)."""
    try:
        return action()
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise error(f"{what} ({detail}). Si el almacén de participación es nuevo o se actualizó el tablero, "
                    f"prepárelo con: {MIGRATE_COMMAND}") from exc
