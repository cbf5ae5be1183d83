"""Plazos en riesgo: open requests by urgency, what is due soon first (still on time if answered now), then what is
overdue, aged in bands; per ente and folio by folio."""
from __future__ import annotations

from datetime import date

from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import chart_text, fecha_es, num, short_name
from pages.ui.layout import count_axis, shared_figure, style_figure
from pages.ui.tables import name_with_siglas
from warehouse import read

HOY = "Vence hoy"
PRONTO = "Vence en 1 a 3 días hábiles"
DESPUES = "Vence en 4 a 10 días hábiles"
LEJOS = "Vence en más de 10 días hábiles"
VENCIDAS = ["Vencida hace 1 a 5 días hábiles", "Vencida hace 6 a 20 días hábiles",
            "Vencida hace más de 20 días hábiles"]
COLORS = {HOY: "#b2182b", PRONTO: "#ef8a62", DESPUES: "#f2b701", LEJOS: "#fee08b",
          VENCIDAS[0]: "#9e9ac8", VENCIDAS[1]: "#756bb1", VENCIDAS[2]: "#54278f"}


def urgency(situacion: str, dias_restantes: int) -> str:
    """The band of one open request: due today, in 1–3, 4–10 or more business days, or overdue by 1–5, 6–20 or
    more than 20 business days."""
    if situacion == "vence_hoy":
        return HOY
    if situacion == "vencida":
        late = max(1, -int(dias_restantes))
        return VENCIDAS[0] if late <= 5 else VENCIDAS[1] if late <= 20 else VENCIDAS[2]
    return PRONTO if dias_restantes <= 3 else DESPUES if dias_restantes <= 10 else LEJOS


def bands(dias: int) -> list[str]:
    """The bands a horizon of `dias` business days can show, due soonest first, then overdue by age."""
    due = [HOY, PRONTO] + ([DESPUES] if dias > 3 else []) + ([LEJOS] if dias > 10 else [])
    return due + VENCIDAS


def deadline_table(open_requests: pd.DataFrame, dias: int) -> pd.DataFrame:
    """Per ente: one column per band, the overdue and the total; the entes with most due soon first (what can
    still be answered on time), then by overdue."""
    df = open_requests.assign(banda=[urgency(s, d) for s, d in zip(open_requests["situacion"],
                                                                   open_requests["dias_habiles_restantes"])])
    wide = df.pivot_table(index="ente_id", columns="banda", values="folio", aggfunc="count", fill_value=0)
    wide = wide.reindex(columns=bands(dias), fill_value=0).astype("int64")
    wide["Vencidas"] = wide[VENCIDAS].sum(axis=1)
    wide["Total"] = wide[bands(dias)].sum(axis=1)
    names = df.drop_duplicates("ente_id").set_index("ente_id")
    head = pd.DataFrame({"Ente": names["nombre"], "Siglas": names["siglas"].fillna(""),
                         "Grupo de pares": names["grupo_pares"]})
    out = head.join(wide, how="inner")
    out["_pronto"] = out[HOY] + out[PRONTO]
    out = out.sort_values(["_pronto", "Vencidas", "Ente"], ascending=[False, False, True])
    return out.drop(columns="_pronto").reset_index(drop=True)


def deadline_summary(per_ente: pd.DataFrame, dias: int, corte: date) -> str:
    hoy, pronto, vencidas = (int(per_ente[c].sum()) for c in (HOY, PRONTO, "Vencidas"))
    text = (f"Al {fecha_es(corte)} vencen hoy {num(hoy)} solicitudes abiertas y {num(pronto)} en los próximos 1 a 3 "
            f"días hábiles (aún a tiempo si se responden ya); {num(vencidas)} ya están vencidas, "
            f"{num(int(per_ente[VENCIDAS[2]].sum()))} de ellas hace más de 20 días hábiles; en {len(per_ente)} entes")
    soon = per_ente[per_ente[HOY] + per_ente[PRONTO] > 0]
    if not soon.empty:
        top = soon.iloc[0]
        who = name_with_siglas({"nombre": top["Ente"], "siglas": top["Siglas"]})
        text += f". Atender primero: {who} ({num(top[HOY] + top[PRONTO])} por vencer en 3 días hábiles o menos)"
    return text + "."


def deadline_folios(open_requests: pd.DataFrame) -> pd.DataFrame:
    """Folio list, due soonest first and then overdue, oldest first: no request text, only identifiers and dates."""
    band = [urgency(s, d) for s, d in zip(open_requests["situacion"], open_requests["dias_habiles_restantes"])]
    out = pd.DataFrame({
        "Folio": open_requests["folio"].astype(str),
        "Urgencia": band,
        "Días hábiles restantes": open_requests["dias_habiles_restantes"].astype("int64"),
        "Ente": open_requests["nombre"],
        "Siglas": open_requests["siglas"].fillna(""),
        "Fecha de recepción": pd.to_datetime(open_requests["fecha_recepcion"]).dt.strftime("%d/%m/%Y"),
        "Fecha límite": pd.to_datetime(open_requests["fecha_limite"]).dt.strftime("%d/%m/%Y"),
    })
    # due: soonest first; overdue: after them, the oldest (most negative days) first
    out["_vencida"] = out["Urgencia"].isin(VENCIDAS)
    return (out.sort_values(["_vencida", "Días hábiles restantes", "Ente", "Folio"]).drop(columns="_vencida")
            .reset_index(drop=True))


class PlazosView(NamedTuple):
    per_ente: pd.DataFrame
    folios: pd.DataFrame


def plazos_view(corte: date, dias: int, grupo: str | None, ente: str | None) -> PlazosView | None:
    """The page's frames for these filters, built once per warehouse file (tens of thousands of open requests at
    national scale: the bands, the pivot and the sort are not redone on every rerun); None without open requests."""
    return _plazos_view(corte, int(dias), grupo, ente, read.file_signature())


@st.cache_data(max_entries=50, ttl=24 * 3600, show_spinner=False)
def _plazos_view(corte: date, dias: int, grupo: str | None, ente: str | None, signature) -> PlazosView | None:
    del signature  # only part of the cache key: a rebuilt warehouse gives a new one
    open_requests = read.open_requests(corte, dias, grupo, ente)
    if open_requests.empty:
        return None
    return PlazosView(deadline_table(open_requests, dias), deadline_folios(open_requests))


CHART_ENTES = 30  # the most urgent entes in the chart; the table and its CSV have all


@shared_figure
def urgency_figure(corte: date, dias: int, grupo: str | None, ente: str | None) -> go.Figure:
    """One stacked bar per ente of the CHART_ENTES most urgent, one colour per urgency band, most urgent on top; made
    once per warehouse file and filters (layout.shared_figure): plotly checked its 30 × 8 arrays on every view."""
    per_ente = plazos_view(corte, dias, grupo, ente).per_ente
    shown = per_ente.head(CHART_ENTES)
    columns = bands(dias)
    chart = shown.melt(id_vars=["Ente", "Siglas"], value_vars=columns, var_name="Urgencia", value_name="Solicitudes")
    chart = chart[chart["Solicitudes"] > 0]
    chart["Etiqueta"] = [chart_text(s if s else short_name(n, 22)) for s, n in zip(chart["Siglas"], chart["Ente"])]
    chart["Ente"] = chart["Ente"].map(chart_text)
    order = [chart_text(s if s else short_name(n, 22)) for s, n in zip(shown["Siglas"], shown["Ente"])]
    fig = go.Figure()  # one stacked bar per urgency, in the urgency order (plotly express cost ~0.2 s per view)
    for urgencia in columns:
        part = chart[chart["Urgencia"] == urgencia]
        if not part.empty:
            fig.add_bar(x=part["Solicitudes"], y=part["Etiqueta"], orientation="h", name=urgencia,
                        marker_color=COLORS.get(urgencia), hovertext=part["Ente"],
                        hovertemplate="%{hovertext}: %{x:,} solicitudes<extra>%{fullData.name}</extra>")
    fig.update_layout(xaxis_title="Solicitudes abiertas", barmode="stack", legend_title_text="Urgencia",
                      xaxis=count_axis(shown["Total"].max()),
                      yaxis=dict(title="", categoryorder="array", categoryarray=order[::-1]))  # most urgent on top
    return style_figure(fig, height=max(300, 26 * len(shown) + 160))
