"""The reminders: each enlace (the ente's Unidad de Transparencia) of data/catalogos/usuarios.csv gets the list of
its ente's open requests already overdue or due within DIAS business days of the day they are sent.

The rows come from indicators/sql/reports/plazos_abiertos.sql, the query of the Plazos en riesgo page: the deadline
that applies (solicitud.fecha_limite, computed by the build) and the business days of the warehouse's calendar
(calendario.n_habil). Folio and dates only: never the text of a request. An ente with nothing due gets nothing."""
from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import duckdb
import pandas as pd

from access.users import UserRole, with_role
from common.formatting import fecha_es, num
from delivery.messages import new_message, page_link
from delivery.run import Planned
from indicators import sql

TIPO = "recordatorio"
DIAS = 3
PLAZOS_PAGE = "pages/4_Plazos_en_riesgo.py"
SITUACION = {"vencida": "Vencidas", "vence_hoy": "Vencen hoy", "por_vencer": "Por vencer"}


def due_requests(con: duckdb.DuckDBPyConnection, hoy: date, dias: int = DIAS) -> pd.DataFrame:
    """Open requests overdue on `hoy` or due within `dias` business days of it, every ente."""
    return con.execute(sql("reports/plazos_abiertos.sql"),
                       {"corte": hoy, "dias": int(dias), "grupo": None, "ente": None}).df()


def reminder_plan(due: pd.DataFrame, users: tuple[UserRole, ...], hoy: date,
                  ente: str | None = None) -> tuple[list[Planned], list[str]]:
    """(one message per enlace valid on `hoy` of each ente with something due, warnings in Spanish)."""
    entes = sorted(set(due["ente_id"]) if ente is None else set(due["ente_id"]) & {ente})
    plan, without = [], []
    for ente_id in entes:
        enlaces = with_role(users, "enlace", hoy, ente_id)
        plan += [Planned(ente_id, u.correo) for u in enlaces]
        if not enlaces:
            without.append(ente_id)
    warnings = [f"{len(without)} entes tienen solicitudes por vencer o vencidas y ningún enlace vigente en "
                f"data/catalogos/usuarios.csv, así que nadie recibe su recordatorio: {', '.join(without)}"] \
        if without else []
    return plan, warnings


def composer(due: pd.DataFrame, hoy: date, corte: date | None, remitente: str, url_tablero: str | None,
             dias: int = DIAS):
    by_ente = {ente_id: rows for ente_id, rows in due.groupby("ente_id", sort=False)}

    def compose(planned: Planned) -> tuple[EmailMessage, str]:
        rows = by_ente[planned.ente_id]
        counts = rows["situacion"].value_counts()
        first = rows.iloc[0]
        asunto = (f"Solicitudes por vencer o vencidas al {fecha_es(hoy)}: "
                  f"{first['siglas'] if isinstance(first['siglas'], str) and first['siglas'] else first['nombre']}")
        message = new_message(remitente, planned.destinatario, asunto,
                              body(rows, hoy, corte, url_tablero, dias), tipo=TIPO, ente_id=planned.ente_id)
        resumen = ", ".join(f"{int(counts[s])} {SITUACION[s].lower()}" for s in SITUACION if s in counts)
        return message, resumen

    return compose


def body(rows: pd.DataFrame, hoy: date, corte: date | None, url_tablero: str | None, dias: int = DIAS) -> str:
    first = rows.iloc[0]
    lines = [first["nombre"],
             f"Solicitudes en proceso y sin respuesta cuya fecha límite ya pasó o llega en los próximos {dias} "
             f"días hábiles, contados desde hoy, {fecha_es(hoy)} (calendario de días hábiles del tablero).", ""]
    for situacion, title in SITUACION.items():
        part = rows[rows["situacion"] == situacion]
        if part.empty:
            continue
        lines += [f"{title} ({num(len(part))}):",
                  f"  {'Folio':<20} {'Recibida':<11} {'Fecha límite':<13} Días hábiles"]
        for r in part.itertuples(index=False):
            left = int(r.dias_habiles_restantes)
            days = f"{-left} de atraso" if left < 0 else ("vence hoy" if situacion == "vence_hoy" else f"faltan {left}")
            lines.append(f"  {str(r.folio):<20} {_day(r.fecha_recepcion):<11} {_day(r.fecha_limite):<13} {days}")
        lines.append("")
    lines.append("Cada fecha límite es la que aplica a la solicitud según la ley vigente, la ampliación y los días "
                 "inhábiles; es la misma que usan los indicadores del tablero.")
    if corte is not None:
        lines.append(f"Situación según los datos al {fecha_es(corte)}: una solicitud respondida después de esa "
                     "fecha puede aparecer todavía.")
    link = page_link(url_tablero, PLAZOS_PAGE, first["ente_id"])
    if link:
        lines.append(f"Plazos en riesgo en el tablero (con inicio de sesión): {link}")
    return "\n".join(lines)


def _day(value) -> str:
    return pd.Timestamp(value).date().isoformat()
