"""The two delivery commands as functions (indicators/__main__.py gives them their command line):
`send_fichas` (python -m indicators enviar) and `send_reminders` (python -m indicators recordatorios).

Both check, in this order and before anything is sent: the settings, the warehouse (it exists and is fresh), the
roles catalog and the delivery log. Any problem raises a TableroError with a Spanish message; a recipient the
server refuses does not stop the run (it is in the report and in the log, and the next run tries it again)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
from sqlalchemy.engine import Engine

from access.users import load_catalog
from common.errors import TableroError, WarehouseError
from delivery import freshness, monthly, reminders
from delivery.outbox import FolderOutbox, SmtpOutbox
from delivery.run import RunReport, deliver
from delivery.settings import DeliverySettings, SettingsError, load_settings
from indicators.fichas import read_context
from participacion import config, engine

TRIAL_SENDER = "tablero.prueba@ejemplo.gob.mx"   # --prueba without an SMTP server configured


class NothingToSend(TableroError):
    """The period has no ficha at all (e.g. no closed month yet)."""


def send_fichas(db: Path, periodo: str | None = None, *, ente: str | None = None, prueba_en: Path | None = None,
                reenviar: bool = False, hoy: date | None = None, settings: DeliverySettings | None = None,
                store: Engine | None = None) -> RunReport:
    """Each titular's ficha of `periodo` (default: the last closed month). prueba_en: write to that folder."""
    hoy = hoy or date.today()
    with _warehouse(db, settings) as (con, settings, almacen):
        try:
            ctx = read_context(con, periodo)
        except ValueError:
            raise TableroError(f"periodo «{periodo}» no válido; use 2025-10, 2025-T3 o 2025.") from None
        if ctx is None or ctx.all_values.empty:
            raise NothingToSend(f"Ningún ente tiene índice en {periodo or 'el último mes cerrado'}: no hay fichas "
                                "que enviar.")
        plan, warnings = monthly.monthly_plan(ctx, load_catalog(), hoy, ente)
        compose = monthly.composer(con, ctx, _sender(settings, prueba_en), settings.url_tablero)
        report = _run(store, settings, prueba_en, monthly.TIPO, ctx.periodo, plan, compose, reenviar, almacen)
    report.avisos += warnings
    return report


def send_reminders(db: Path, *, ente: str | None = None, prueba_en: Path | None = None, reenviar: bool = False,
                   hoy: date | None = None, dias: int = reminders.DIAS, settings: DeliverySettings | None = None,
                   store: Engine | None = None) -> RunReport:
    """Each enlace's list of its ente's requests overdue or due within `dias` business days of `hoy`."""
    hoy = hoy or date.today()
    with _warehouse(db, settings) as (con, settings, almacen):
        due = reminders.due_requests(con, hoy, dias)
        corte = con.execute("SELECT max(valor) FROM metadatos WHERE clave = 'fecha_corte'").fetchone()[0]
        plan, warnings = reminders.reminder_plan(due, load_catalog(), hoy, ente)
        compose = reminders.composer(due, hoy, date.fromisoformat(corte[:10]) if corte else None,
                                     _sender(settings, prueba_en), settings.url_tablero, dias)
        report = _run(store, settings, prueba_en, reminders.TIPO, hoy.isoformat(), plan, compose, reenviar, almacen)
    report.avisos += warnings
    return report


@contextlib.contextmanager
def _warehouse(db: Path, settings: DeliverySettings | None) -> Iterator[tuple]:
    settings = settings or load_settings()
    if not Path(db).exists():
        raise WarehouseError(f"No existe el almacén {db}; constrúyalo con: python -m etl build")
    with duckdb.connect(str(db), read_only=True) as con:
        almacen = freshness.check_fresh(con, settings.antiguedad_maxima_horas)
        yield con, settings, almacen


def _sender(settings: DeliverySettings, prueba_en: Path | None) -> str:
    if settings.smtp is not None:
        return settings.smtp.remitente
    if prueba_en is None:
        raise SettingsError("Falta el servidor de correo: defina TABLERO_SMTP_HOST, TABLERO_SMTP_PORT y "
                            "TABLERO_SMTP_REMITENTE, o la sección [smtp] de .streamlit/secrets.toml (vea README, "
                            "«Envíos por correo»); o pruebe con --prueba, que escribe los mensajes en una carpeta.")
    return TRIAL_SENDER


def _run(store, settings, prueba_en, tipo, periodo, plan, compose, reenviar, almacen) -> RunReport:
    store = store or engine.create(config.store_url())
    outbox = FolderOutbox(prueba_en) if prueba_en is not None else SmtpOutbox(settings.smtp)
    with outbox:
        return deliver(store, outbox, tipo, periodo, plan, compose, reenviar=reenviar, prueba=prueba_en is not None,
                       almacen=almacen)
