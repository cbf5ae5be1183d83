"""Indicators against their targets, as Inicio and the Ficha del ente show them: the table of one unit's values in a
period and the one before, its CSV as shown, and how many fall in each colour of the semáforo."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import format_delta, format_value, md_escape, periodo_corto
from indicators.semaforo import AMARILLO, COLORS, ROJO, VERDE, delta_color, is_missing, semaforo


DEFINITION_COLUMNS = ["indicador", "nombre", "descripcion", "unidad", "direccion", "meta", "umbral_verde",
                   "umbral_amarillo", "orden"]


def metrics_table(definitions: pd.DataFrame, values: pd.DataFrame, tipo: str, periodo: str,
                  anterior: str) -> pd.DataFrame:
    """One row per definitions indicator with a value in `periodo`: valor, valor_anterior, cambio."""
    cur = values[values["periodo"] == periodo].set_index("indicador")
    prev = values[values["periodo"] == anterior].set_index("indicador")
    out = definitions[DEFINITION_COLUMNS].copy()
    out = out[out["indicador"].isin(cur.index)].sort_values("orden").reset_index(drop=True)
    out["valor"] = out["indicador"].map(cur["valor"]).astype("float64")
    out["numerador"] = out["indicador"].map(cur["numerador"]).astype("float64")
    out["denominador"] = out["indicador"].map(cur["denominador"]).astype("float64")
    # "Datos insuficientes" is said of a value resting on too few cases; with no cases at all it is "sin datos".
    none = out["valor"].isna() & out["denominador"].fillna(0).eq(0)
    out["suficiente"] = out["indicador"].map(cur["suficiente"]).fillna(False).astype(bool) | none
    out["valor_anterior"] = out["indicador"].map(prev["valor"]).astype("float64")
    # An index (tipo compuesto) without enough data is never shown as a number, in this period or the one before.
    if "tipo" in definitions.columns:
        compuesto = out["indicador"].map(definitions.set_index("indicador")["tipo"]).eq("compuesto")
        sufficient_before = out["indicador"].map(prev["suficiente"]).eq(True)
        out.loc[compuesto & ~out["suficiente"], "valor"] = float("nan")
        out.loc[compuesto & ~sufficient_before, "valor_anterior"] = float("nan")
    out["cambio"] = out["valor"] - out["valor_anterior"]
    return out


def metrics_export(table: pd.DataFrame, tipo: str) -> pd.DataFrame:
    """The metric grid as a table, as shown (values rounded as displayed)."""
    return pd.DataFrame({
        "Indicador": table["nombre"],
        "Unidad": table["unidad"],
        "Valor": [round_as_shown(v, u) for v, u in zip(table["valor"], table["unidad"])],
        "Valor del periodo anterior": [round_as_shown(v, u) for v, u in zip(table["valor_anterior"], table["unidad"])],
        "Cambio": [round_as_shown(v, u) for v, u in zip(table["cambio"], table["unidad"])],
        "Meta": table["meta"],
        "Semáforo": [semaforo(r.valor, r.direccion, r.umbral_verde, r.umbral_amarillo, r.suficiente)
                     for r in table.itertuples()],
        "Numerador": table["numerador"],
        "Denominador": table["denominador"],
    })


def round_as_shown(v, unidad: str):
    if is_missing(v):
        return None
    return round(float(v), 0 if unidad in ("solicitudes", "recursos") else 1)


def semaforo_counts(labels: pd.Series) -> dict[str, int]:
    keys = [VERDE, AMARILLO, ROJO]
    return {k: int((labels == k).sum()) for k in keys}


_MD_COLOR = {VERDE: "green", AMARILLO: "orange", ROJO: "red"}


def semaforo_md(label: str) -> str:
    """The semáforo as Markdown: its shape coloured, then the word (':green[●] Verde'); grey without a colour."""
    shape, _, word = label.partition(" ")
    return f":{_MD_COLOR.get(label, 'gray')}[{shape}] {md_escape(word)}"


def metric_cards(table: pd.DataFrame, tipo: str, anterior: str, per_row: int = 3) -> None:
    """One bordered card per row of metrics_table: value, change against the previous period (green when it is an
    improvement), semáforo and target. Drawn row by row, so a narrow screen stacks them in reading order."""
    rows = list(table.itertuples(index=False))
    for start in range(0, len(rows), per_row):
        cols = st.columns(per_row)
        for col, row in zip(cols, rows[start:start + per_row]):
            with col.container(border=True):
                _card(row, tipo, anterior)


def _card(row, tipo: str, anterior: str) -> None:
    delta = format_delta(row.cambio, row.unidad)
    unchanged = delta is not None and delta.lstrip("+-").split(" ")[0].strip("0.,") == ""
    st.metric(
        md_escape(row.nombre),
        format_value(row.valor, row.unidad),
        delta="sin cambio" if unchanged else delta,
        delta_color="off" if unchanged else delta_color(row.direccion),
        delta_arrow="off" if unchanged else "auto",
        delta_description=f"vs. {periodo_corto(tipo, anterior)}" if delta is not None else None,
        help=md_escape(f"{row.descripcion} Unidad: {row.unidad}."),
    )
    meta = "" if pd.isna(row.meta) else f" · meta {md_escape(format_value(row.meta, row.unidad))}"
    st.caption(semaforo_md(semaforo(row.valor, row.direccion, row.umbral_verde, row.umbral_amarillo,
                                    row.suficiente)) + meta)
