"""One delivery run: every planned message once, with the delivery log as its memory.

A message (kind, period, ente, recipient) already delivered by an earlier run is not sent again unless
`reenviar`; one that failed before is tried again and reported as a retry. Each attempt is logged right after the
server answers, so a run that stops half-way (the server went down, the machine restarted) resumes where it
stopped. With --prueba the messages go to a folder and nothing is logged: a trial never counts as delivered.
"""
from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy.engine import Engine

from delivery.outbox import Refused
from participacion import delivery_log
from participacion.delivery_log import Attempt


@dataclass(frozen=True)
class Planned:
    ente_id: str
    destinatario: str

    @property
    def key(self) -> tuple[str, str]:
        return self.ente_id, self.destinatario


@dataclass
class RunReport:
    tipo: str
    periodo: str
    enviados: list[Planned] = field(default_factory=list)
    fallidos: list[tuple[Planned, str]] = field(default_factory=list)
    ya_enviados: list[Planned] = field(default_factory=list)
    reintentos: list[Planned] = field(default_factory=list)   # failed in an earlier run, tried again in this one
    avisos: list[str] = field(default_factory=list)           # what could not be planned (no ficha, no enlace)

    @property
    def ok(self) -> bool:
        return not self.fallidos

    def lines(self, prueba: bool = False) -> list[str]:
        """What the command prints, in Spanish: one line per outcome, then the warnings."""
        kind = "Fichas" if self.tipo == "ficha" else "Recordatorios"
        verb = "escritos en la carpeta de prueba (no se enviaron ni se registraron)" if prueba else "enviados"
        out = [f"{kind} de {self.periodo}: {len(self.enviados)} {verb}, {len(self.fallidos)} fallidos, "
               f"{len(self.ya_enviados)} ya enviados antes."]
        out += [f"  reintento de una falla anterior: {p.destinatario} ({p.ente_id})" for p in self.reintentos]
        out += [f"  FALLÓ {p.destinatario} ({p.ente_id}): {error}; se reintenta en la próxima corrida"
                for p, error in self.fallidos]
        if self.ya_enviados:
            out.append(f"  {len(self.ya_enviados)} mensajes de este periodo ya se habían enviado y no se repiten "
                       "(use --reenviar para enviarlos otra vez).")
        out += [f"  Aviso: {w}" for w in self.avisos]
        return out


# compose(planned) -> (message, resumen): made only for the messages this run sends (a ficha's PDF costs time).
Composer = Callable[[Planned], tuple[EmailMessage, str]]


def deliver(store: Engine, outbox, tipo: str, periodo: str, plan: list[Planned], compose: Composer, *,
            reenviar: bool = False, prueba: bool = False, almacen: str | None = None) -> RunReport:
    # a trial writes nothing to the log, so it needs no hold and may run beside a real run
    hold = contextlib.nullcontext() if prueba else \
        delivery_log.running(store, tipo, f"{socket.gethostname()}, proceso {os.getpid()}")
    with hold:
        return _send_each(store, outbox, RunReport(tipo, periodo), plan, compose, reenviar, prueba, almacen)


def _send_each(store: Engine, outbox, report: RunReport, plan: list[Planned], compose: Composer, reenviar: bool,
               prueba: bool, almacen: str | None) -> RunReport:
    tipo, periodo = report.tipo, report.periodo
    done = delivery_log.delivered(store, tipo, periodo)
    failed_before = delivery_log.failed(store, tipo, periodo)
    for planned in plan:
        again = planned.key in done
        if again and not reenviar:
            report.ya_enviados.append(planned)
            continue
        if planned.key in failed_before:
            report.reintentos.append(planned)
        message, resumen = compose(planned)
        try:
            outbox.send(message)
        except Refused as exc:
            estado, error = "fallido", str(exc)
            report.fallidos.append((planned, error))
        else:
            estado, error = "enviado", None
            report.enviados.append(planned)
        if not prueba:
            delivery_log.record(store, Attempt(tipo, periodo, planned.ente_id, planned.destinatario, estado,
                                               reenvio=again, error=error, resumen=resumen, almacen=almacen))
    return report
