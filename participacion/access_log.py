"""The access log (bitacora_acceso, migration 0001): write an event, read a period. Append-only: this module
only inserts, and the database refuses UPDATE and DELETE.

Events: 'login' (an identity entered the dashboard: once per identity token, see `record_login`), 'logout', and
'vista' (an internal page opened). Never any data value: who, when, the role and ente the catalog gave, the page
and the browser session.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from common.errors import TableroError
from participacion.engine import guarded, reading, writing

EVENTOS = ("login", "logout", "vista")

bitacora_acceso = sa.Table(
    "bitacora_acceso", sa.MetaData(),
    sa.Column("registrado_en", sa.DateTime, nullable=False),
    sa.Column("evento", sa.String(10), nullable=False),
    sa.Column("quien", sa.String(320), nullable=False),
    sa.Column("rol", sa.String(20)),
    sa.Column("ente_id", sa.String(40)),
    sa.Column("pagina", sa.String(200)),
    sa.Column("sesion", sa.String(64), nullable=False),
    sa.Column("identidad_emitida", sa.DateTime),
)
COLUMNS = [c.name for c in bitacora_acceso.columns]


class AccessLogError(TableroError):
    """The log cannot be written or read; the message is Spanish and says what to do."""


@dataclass(frozen=True)
class AccessEvent:
    evento: str
    quien: str
    sesion: str
    rol: str | None = None
    ente_id: str | None = None
    pagina: str | None = None
    identidad_emitida: datetime | None = None

    def __post_init__(self):
        if self.evento not in EVENTOS:
            raise ValueError(f"evento desconocido: {self.evento!r}")


def utc_now() -> datetime:
    """Naive UTC, as the log stores it on both backends."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def record(engine: Engine, event: AccessEvent, *, when: datetime | None = None) -> None:
    """Appends one event."""
    row = {**event.__dict__, "registrado_en": when or utc_now()}
    _guarded(lambda: _insert(engine, row), "escribir en")


def record_login(engine: Engine, event: AccessEvent, *, when: datetime | None = None) -> bool:
    """Appends a login unless this identity token's login is already in the log (the same cookie opens new tabs
    and reaches other replicas): a unique index on (quien, identidad_emitida) keeps one. Returns whether it was
    recorded; without identidad_emitida every call records."""
    if event.evento != "login":
        raise ValueError("record_login registra solo eventos 'login'")
    try:
        record(engine, event, when=when)
    except AccessLogError as exc:
        if isinstance(exc.__cause__, IntegrityError):   # the unique index: this token's login is there already
            return False
        raise
    return True


def read(engine: Engine, desde: date | None = None, hasta: date | None = None, *, quien: str | None = None,
         evento: str | None = None, limite: int | None = None) -> pd.DataFrame:
    """Events registered on days [desde, hasta] (UTC), newest first, with the columns of the table."""
    t = bitacora_acceso.c
    query = sa.select(bitacora_acceso).order_by(t.registrado_en.desc(), t.sesion)
    if desde is not None:
        query = query.where(t.registrado_en >= datetime.combine(desde, datetime.min.time()))
    if hasta is not None:
        query = query.where(t.registrado_en < datetime.combine(hasta + timedelta(days=1), datetime.min.time()))
    if quien is not None:
        query = query.where(t.quien == quien)
    if evento is not None:
        query = query.where(t.evento == evento)
    if limite is not None:
        query = query.limit(int(limite))

    def fetch() -> pd.DataFrame:
        with reading(engine) as conn:
            rows = conn.execute(query).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)

    return _guarded(fetch, "leer")


def _insert(engine: Engine, row: dict) -> None:
    with writing(engine) as conn:
        conn.execute(sa.insert(bitacora_acceso).values(**row))


def _guarded(action, verb: str):
    return guarded(action, AccessLogError, f"No se pudo {verb} la bitácora de acceso")
