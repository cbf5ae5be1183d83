"""The delivery log (bitacora_envio, migration 0003): one row per attempt to send a message, never changed.

A message is identified by its key (tipo, periodo, ente_id, destinatario): the monthly ficha of one period to one
titular, or the reminder of one day to one enlace. It counts as delivered once a row of its key says 'enviado';
while its rows all say 'fallido', the next run tries it again. The delivery commands read `delivered` and `failed`
before sending and `record` each attempt right after it, inside `running` (one run of each kind at a time);
Estado de los datos reads `read`.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from common.errors import TableroError
from participacion.access_log import utc_now
from participacion.engine import guarded, reading, writing

TIPOS = ("ficha", "recordatorio")
ESTADOS = ("enviado", "fallido")

bitacora_envio = sa.Table(
    "bitacora_envio", sa.MetaData(),
    sa.Column("registrado_en", sa.DateTime, nullable=False),
    sa.Column("tipo", sa.String(12), nullable=False),
    sa.Column("periodo", sa.String(10), nullable=False),
    sa.Column("ente_id", sa.String(40), nullable=False),
    sa.Column("destinatario", sa.String(320), nullable=False),
    sa.Column("estado", sa.String(10), nullable=False),
    sa.Column("reenvio", sa.Boolean, nullable=False),
    sa.Column("error", sa.String(500)),
    sa.Column("resumen", sa.String(200)),
    sa.Column("almacen", sa.String(64)),
)
COLUMNS = [c.name for c in bitacora_envio.columns]
ERROR_LENGTH = 500
envio_en_curso = sa.Table(
    "envio_en_curso", sa.MetaData(),
    sa.Column("tipo", sa.String(12), primary_key=True),
    sa.Column("desde", sa.DateTime, nullable=False),
    sa.Column("quien", sa.String(200), nullable=False),
)
# A run of 30–40 messages takes minutes; a hold older than this is a run whose process died.
LOCK_EXPIRY = timedelta(hours=2)


class DeliveryLogError(TableroError):
    """The delivery log cannot be written or read; the message is Spanish and says what to do."""


class DeliveryBusy(DeliveryLogError):
    """Another run of the same kind is sending right now."""


@dataclass(frozen=True)
class Attempt:
    tipo: str
    periodo: str
    ente_id: str
    destinatario: str
    estado: str
    reenvio: bool = False
    error: str | None = None
    resumen: str | None = None
    almacen: str | None = None

    def __post_init__(self):
        if self.tipo not in TIPOS or self.estado not in ESTADOS:
            raise ValueError(f"tipo o estado desconocido: {self.tipo!r}, {self.estado!r}")

    @property
    def key(self) -> tuple[str, str]:
        return self.ente_id, self.destinatario


def record(engine: Engine, attempt: Attempt, *, when: datetime | None = None) -> None:
    """Appends one attempt (the server's answer cut to the column's length)."""
    row = {**attempt.__dict__, "registrado_en": when or utc_now(),
           "error": attempt.error[:ERROR_LENGTH] if attempt.error else None}

    def insert() -> None:
        with writing(engine) as conn:
            conn.execute(sa.insert(bitacora_envio).values(**row))

    _guarded(insert, "escribir en")


@contextlib.contextmanager
def running(engine: Engine, tipo: str, quien: str, *, now: datetime | None = None) -> Iterator[None]:
    """Holds the run of `tipo` (DeliveryBusy when another holds it); `quien` says which machine and process."""
    since = now or utc_now()
    t = envio_en_curso.c

    def take() -> None:
        with writing(engine) as conn:
            conn.execute(sa.delete(envio_en_curso).where(t.tipo == tipo, t.desde < since - LOCK_EXPIRY))
            conn.execute(sa.insert(envio_en_curso).values(tipo=tipo, desde=since, quien=quien[:200]))

    try:
        _guarded(take, "apartar el envío en")
    except DeliveryLogError as exc:
        if not isinstance(exc.__cause__, IntegrityError):
            raise
        holder = _rows(engine, sa.select(t.desde, t.quien).where(t.tipo == tipo))
        desde, otro = holder[0] if holder else (since, "otro proceso")
        raise DeliveryBusy(f"Otro envío de tipo {tipo} está en curso desde el {str(desde)[:19]} UTC ({otro}): espere "
                           f"a que termine; lo que ese envío ya mandó no se repite. Si ese proceso ya no existe, el "
                           f"apartado vence solo a las {int(LOCK_EXPIRY.total_seconds() // 3600)} horas.") from None
    try:
        yield
    finally:
        def release() -> None:
            with writing(engine) as conn:
                conn.execute(sa.delete(envio_en_curso).where(t.tipo == tipo, t.desde == since))

        _guarded(release, "liberar el envío en")


def delivered(engine: Engine, tipo: str, periodo: str) -> set[tuple[str, str]]:
    """(ente_id, destinatario) of the messages of this kind and period that some attempt delivered."""
    t = bitacora_envio.c
    query = sa.select(t.ente_id, t.destinatario).distinct().where(
        t.tipo == tipo, t.periodo == periodo, t.estado == "enviado")
    return {tuple(r) for r in _rows(engine, query)}


def failed(engine: Engine, tipo: str, periodo: str) -> dict[tuple[str, str], str | None]:
    """{(ente_id, destinatario): last error} of the messages of this kind and period never delivered."""
    t = bitacora_envio.c
    query = sa.select(t.ente_id, t.destinatario, t.error).where(t.tipo == tipo, t.periodo == periodo) \
        .order_by(t.registrado_en)
    done = delivered(engine, tipo, periodo)
    out: dict[tuple[str, str], str | None] = {}
    for ente_id, destinatario, error in _rows(engine, query):
        if (ente_id, destinatario) not in done:
            out[(ente_id, destinatario)] = error
    return out


def read(engine: Engine, *, tipo: str | None = None, limite: int | None = None) -> pd.DataFrame:
    """The attempts, newest first, with the columns of the table."""
    t = bitacora_envio.c
    query = sa.select(bitacora_envio).order_by(t.registrado_en.desc(), t.ente_id, t.destinatario)
    if tipo is not None:
        query = query.where(t.tipo == tipo)
    if limite is not None:
        query = query.limit(int(limite))
    return pd.DataFrame([tuple(r) for r in _rows(engine, query)], columns=COLUMNS)


def _rows(engine: Engine, query) -> list:
    def fetch() -> list:
        with reading(engine) as conn:
            return conn.execute(query).all()

    return _guarded(fetch, "leer")


def _guarded(action, verb: str):
    return guarded(action, DeliveryLogError, f"No se pudo {verb} la bitácora de envíos")
