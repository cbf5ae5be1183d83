"""Inicio (app.py): the sentences of the government's panorama and of its monthly trend."""
from __future__ import annotations

from datetime import date

import pandas as pd

from common.formatting import change_words, format_value, num, periodo_es
from indicators.semaforo import is_missing


def government_summary(table: pd.DataFrame, tipo: str, periodo: str, anterior: str, recibidas_id: str,
                       en_plazo_id: str) -> str:
    """'En octubre de 2026 se recibieron 1,234 solicitudes (56 más que en septiembre de 2026) y se respondió
    en plazo el 91.2 % (1.3 puntos más que en septiembre de 2026).'"""
    rows = table.set_index("indicador")
    antes = periodo_es(tipo, anterior)
    parts = []
    if recibidas_id in rows.index and not is_missing(rows.at[recibidas_id, "valor"]):
        r = rows.loc[recibidas_id]
        text = f"se recibieron {num(r['valor'])} solicitudes"
        if not is_missing(r["cambio"]):
            text += f" ({change_words(r['cambio'], r['unidad'], antes)})"
        parts.append(text)
    if en_plazo_id in rows.index and not is_missing(rows.at[en_plazo_id, "valor"]):
        r = rows.loc[en_plazo_id]
        text = f"se respondió en plazo el {format_value(r['valor'], r['unidad'])} de las que ya pueden evaluarse"
        if not is_missing(r["cambio"]):
            text += f" ({change_words(r['cambio'], r['unidad'], antes)})"
        parts.append(text)
    if not parts:
        return ""
    return f"En {periodo_es(tipo, periodo)} " + " y ".join(parts) + "."


def trend_summary(trend: pd.DataFrame, corte: date | None) -> str:
    """Columns: Mes, <recibidas>, <% en plazo>."""
    rec, pct = trend.columns[1], trend.columns[2]
    first, last = trend["Mes"].iloc[0], trend["Mes"].iloc[-1]
    text = (f"De {periodo_es('mes', first)} a {periodo_es('mes', last)} se recibieron "
            f"{num(trend[rec].sum())} solicitudes")
    if trend[rec].notna().any():
        top = trend.loc[trend[rec].idxmax()]
        text += f"; el mes con más fue {periodo_es('mes', top['Mes'])} ({num(top[rec])})"
    gaps = int(trend[rec].isna().sum())
    if gaps:
        text += f"; {gaps} {'mes no tiene' if gaps == 1 else 'meses no tienen'} datos"
    valid = trend.dropna(subset=[pct])
    if not valid.empty:
        lo, hi = valid.loc[valid[pct].idxmin()], valid.loc[valid[pct].idxmax()]
        text += (f". El porcentaje en plazo fue más bajo en {periodo_es('mes', lo['Mes'])} "
                 f"({num(lo[pct], 1)} %) y más alto en {periodo_es('mes', hi['Mes'])} ({num(hi[pct], 1)} %)")
    return text + "."
