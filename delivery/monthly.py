"""The monthly delivery: each titular of data/catalogos/usuarios.csv gets their ente's PDF ficha of the period
(indicators/fichas.py, the same file `python -m indicators fichas` writes) with a short body: the index, the
position, the change and why, the three actions that would add most to the index (indicators/acciones.py, the
ranking of the Ficha) and a link to the ente's Ficha page."""
from __future__ import annotations

import tempfile
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import duckdb
import pandas as pd

from access.users import UserRole, with_role
from common.formatting import contract, periodo_es, sentence
from delivery.messages import ficha_link, new_message, page_link
from delivery.run import Planned
from indicators import semaforo
from indicators.acciones import Accion, top_actions
from indicators.fichas import SEMAFORO_PDF, Contexto, position_text, render

TIPO = "ficha"


def monthly_plan(ctx: Contexto, users: tuple[UserRole, ...], hoy: date,
                 ente: str | None = None) -> tuple[list[Planned], list[str]]:
    """(one message per titular valid on `hoy` whose ente has a ficha, warnings in Spanish)."""
    rows = ctx.all_values.set_index("ente_id")
    titulares = [u for u in with_role(users, "titular", hoy) if ente is None or u.ente_id == ente]
    plan = [Planned(u.ente_id, u.correo) for u in titulares if u.ente_id in rows.index]
    warnings = [f"{u.ente_id}: sin ficha de {periodo_es(ctx.tipo, ctx.periodo)} (el ente no tiene índice en el "
                f"periodo); no se envió a {u.correo}" for u in titulares if u.ente_id not in rows.index]
    if ente is None:
        without = sorted(set(rows.index) - {u.ente_id for u in titulares})
        if without:
            warnings.append(f"{len(without)} entes con ficha no tienen titular vigente en data/catalogos/usuarios.csv "
                            f"y no la reciben: {', '.join(without)}")
    elif ente not in rows.index and not titulares:
        warnings.append(f"{ente}: sin ficha en el periodo y sin titular vigente en el catálogo")
    return sorted(plan, key=lambda p: p.key), warnings


def composer(con: duckdb.DuckDBPyConnection, ctx: Contexto, remitente: str, url_tablero: str | None):
    """compose(planned) for run.deliver: the message and the log's summary."""
    rows = ctx.all_values.set_index("ente_id", drop=False)

    def compose(planned: Planned) -> tuple[EmailMessage, str]:
        row = rows.loc[planned.ente_id]
        with tempfile.TemporaryDirectory(prefix="ficha_") as folder:
            pdf = render(con, row, ctx, Path(folder))
            data = pdf.read_bytes()
        periodo = periodo_es(ctx.tipo, ctx.periodo)
        asunto = contract(f"Ficha de desempeño en transparencia de {periodo}: {_short(row)}")
        actions = top_actions(con, planned.ente_id, ctx.periodo)
        message = new_message(remitente, planned.destinatario, asunto, body(row, ctx, actions, url_tablero), tipo=TIPO,
                              ente_id=planned.ente_id, adjunto=(pdf.name, data, "application/pdf"))
        resumen = f"índice {row['indice']:.1f}" if row["suficiente"] else "índice con datos insuficientes"
        return message, resumen

    return compose


def body(row: pd.Series, ctx: Contexto, actions: list[Accion], url_tablero: str | None) -> str:
    periodo = periodo_es(ctx.tipo, ctx.periodo)
    lines = [f"{_name(row)}", sentence(f"ficha de desempeño en transparencia de {periodo}") + ".", ""]
    if ctx.preliminar:
        lines += ["CIFRAS PRELIMINARES: el periodo todavía tiene solicitudes dentro de su plazo legal; las cifras "
                  "pueden cambiar." + (f" Último periodo cerrado: {ctx.ultimo_cerrado}." if ctx.ultimo_cerrado
                                       else ""), ""]
    if row["suficiente"]:
        color = SEMAFORO_PDF[semaforo.semaforo(row["indice"], "mayor_es_mejor", ctx.verde, ctx.amarillo)][0]
        lines.append(f"Índice de Desempeño en Transparencia: {row['indice']:.1f} de 100, semáforo {color} "
                     f"(meta {ctx.meta:g}).")
        lines.append(position_text(ctx.all_values, row["ente_id"], row["grupo_pares"]))
        explicacion = row["explicacion"] if isinstance(row["explicacion"], str) else \
            "No hay un periodo anterior comparable para este ente."
        lines.append(f"¿Por qué cambió? {explicacion}")
    else:
        lines.append("Índice de Desempeño en Transparencia: datos insuficientes (en este periodo solo una dimensión "
                     "tiene datos, y un índice de una sola dimensión no se muestra ni se ordena).")
    lines += ["", *actions_text(actions, row["ente_id"], url_tablero), "",
              "La ficha completa va adjunta en PDF: dimensiones, índice mes por mes y qué corregir."]
    link = ficha_link(url_tablero, row["ente_id"], ctx.tipo, ctx.periodo)
    if link:
        lines.append(f"Consúltela en el tablero: {link}")
    if ctx.corte:
        lines.append(f"Datos al {ctx.corte}.")
    return "\n".join(lines)


def actions_text(actions: list[Accion], ente_id: str, url_tablero: str | None) -> list[str]:
    """The top actions, each with the points it would add to the index, who acts and the page with the detail."""
    if not actions:
        return ["Qué corregir primero: ningún indicador del índice está por debajo de su meta en este periodo."]
    lines = [f"Qué corregir primero (las {len(actions)} acciones que más subirían su índice):"]
    for n, a in enumerate(actions, start=1):
        link = page_link(url_tablero, a.pagina, ente_id)
        lines.append(f"{n}. {a.texto} Sumaría {a.ganancia:.1f} puntos al índice. Quién: {a.donde}."
                     + (f" Detalle: {link}" if link else ""))
    return lines


def _name(row: pd.Series) -> str:
    siglas = row["siglas"] if isinstance(row["siglas"], str) and row["siglas"] else None
    return row["nombre"] + (f" ({siglas})" if siglas else "")


def _short(row: pd.Series) -> str:
    return row["siglas"] if isinstance(row["siglas"], str) and row["siglas"] else row["nombre"]
