"""Inicio (app.py): what the government's panorama shows first (the index, a few key indicators, what moved most)
and its sentences."""
from __future__ import annotations

from datetime import date

import pandas as pd

from common.formatting import change_words, format_value, num, periodo_es, short_name
from indicators.semaforo import is_missing

INDEX = "indice_desempeno"
DIMENSIONS = ["puntaje_solicitudes", "puntaje_verificacion", "puntaje_capacitacion"]
# What a titular looks at after the index, in this order; the other indicators wait behind an expander.
KEY_INDICATORS = ["pct_en_plazo", "dias_respuesta_mediana", "vencidas_sin_respuesta",
                  "indice_cumplimiento_obligaciones", "pct_personal_capacitado", "solicitudes_recibidas"]


# Card titles that fit a card (and a phone): the catalog's full name stays in the card's help and in the CSV.
SHORT_NAMES = {INDEX: "Índice de Desempeño", "puntaje_solicitudes": "Atención de solicitudes",
               "puntaje_verificacion": "Cumplimiento de obligaciones", "puntaje_capacitacion": "Capacitación",
               "indice_cumplimiento_obligaciones": "Cumplimiento de obligaciones",
               "dias_respuesta_mediana": "Días hábiles de respuesta (mediana)"}


def split_table(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(index and its dimensions, key indicators, the rest), each in the order it is shown; the first two with the
    short card titles."""
    by_id = table.assign(nombre=[SHORT_NAMES.get(i, n) for i, n in zip(table["indicador"], table["nombre"])]
                         ).set_index("indicador", drop=False)
    head = by_id.reindex([i for i in [INDEX, *DIMENSIONS] if i in by_id.index]).reset_index(drop=True)
    key = by_id.reindex([i for i in KEY_INDICATORS if i in by_id.index]).reset_index(drop=True)
    rest = table[~table["indicador"].isin([INDEX, *DIMENSIONS, *KEY_INDICATORS])].reset_index(drop=True)
    return head, key, rest


def index_summary(head: pd.DataFrame, tipo: str, periodo: str, anterior: str, entes: int) -> str:
    """'En enero de 2026 el Índice de Desempeño del gobierno fue 87.3 (1.2 puntos más que en diciembre de 2025),
    el promedio de 30 entes; su dimensión más baja fue capacitación (70.0).'"""
    rows = head.set_index("indicador")
    if INDEX not in rows.index or is_missing(rows.at[INDEX, "valor"]):
        return (f"En {periodo_es(tipo, periodo)} el índice del gobierno no tiene datos suficientes (hacen falta "
                "3 entes con índice).")
    r = rows.loc[INDEX]
    text = f"En {periodo_es(tipo, periodo)} el Índice de Desempeño del gobierno fue {num(r['valor'], 1)}"
    if not is_missing(r["cambio"]):
        text += f" ({change_words(r['cambio'], 'puntos', periodo_es(tipo, anterior))})"
    text += f", el promedio de {num(entes)} entes con datos suficientes"
    dims = rows.reindex([d for d in DIMENSIONS if d in rows.index]).dropna(subset=["valor"])
    if len(dims) > 1:
        low = dims.loc[dims["valor"].idxmin()]
        text += f"; su dimensión más baja fue {low['nombre'].lower()} ({num(low['valor'], 1)})"
    return text + "."


def biggest_moves(now: pd.DataFrame, before: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entes whose index rose most and fell most against the previous period (both values with enough data;
    ties by name). Columns: ente_id, nombre, siglas, valor, antes, cambio."""
    ok_now = now[now["suficiente"].fillna(False).astype(bool) & now["valor"].notna()]
    ok_before = before[before["suficiente"].fillna(False).astype(bool) & before["valor"].notna()]
    both = ok_now[["ente_id", "nombre", "siglas", "valor"]].merge(
        ok_before[["ente_id", "valor"]].rename(columns={"valor": "antes"}), on="ente_id")
    both["cambio"] = both["valor"] - both["antes"]
    both = both[both["cambio"].round(1) != 0]
    up = both[both["cambio"] > 0].sort_values(["cambio", "nombre"], ascending=[False, True]).head(n)
    down = both[both["cambio"] < 0].sort_values(["cambio", "nombre"], ascending=[True, True]).head(n)
    return up.reset_index(drop=True), down.reset_index(drop=True)


def move_label(row) -> str:
    """'SEFIPLAN: +3.2 puntos (de 80.1 a 83.3)'."""
    name = row["siglas"] if isinstance(row["siglas"], str) and row["siglas"] else short_name(row["nombre"])
    return f"{name}: {row['cambio']:+.1f} puntos (de {num(row['antes'], 1)} a {num(row['valor'], 1)})"


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


def until_cutoff(months: list[str], corte: date | None) -> list[str]:
    """The trend's months up to the cut-off month: later months (where only other sources have data) are not
    requests' months yet."""
    if corte is None:
        return months
    last = f"{corte.year}-{corte.month:02d}"
    return [m for m in months if m <= last]


def trend_summary(trend: pd.DataFrame, corte: date | None, enough: pd.Series | None = None) -> str:
    """Columns: Mes, <recibidas>, <% en plazo>. enough: per row, whether the month's % rests on enough requests
    (the indicator's minimum denominator); the lowest and highest months are named among those only."""
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
    if enough is not None:
        valid = valid[enough.reindex(valid.index).fillna(False).astype(bool)]
    if not valid.empty:
        lo, hi = valid.loc[valid[pct].idxmin()], valid.loc[valid[pct].idxmax()]
        text += (f". El porcentaje en plazo fue más bajo en {periodo_es('mes', lo['Mes'])} "
                 f"({num(lo[pct], 1)} %) y más alto en {periodo_es('mes', hi['Mes'])} ({num(hi[pct], 1)} %)")
        if enough is not None and len(valid) < trend[pct].notna().sum():
            text += ", sin contar los meses con muy pocas solicitudes"
    return text + "."
