"""History since 2017: quarterly series from the garante's published tables into the PNT records, and the
lineage of an ente (renames, mergers, splits). Every value says which source it comes from."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import md_escape, periodo_corto
from indicators.periods import period_bounds, quarter_range
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

FUENTE = {"estadistica_publicada": "Estadística trimestral publicada", "registros": "Registros de la PNT"}
COLOR = {"estadistica_publicada": "#b0a58a", "registros": "#7b1e3a"}
TIPO = {"renombre": "cambio de nombre", "fusion": "fusión", "escision": "escisión", "reestructura": "reestructura"}


def _quarter_label(periodo: str, corte) -> str:
    """'T3 2025', or 'T1 2026 (parcial)' when the data end before the quarter does."""
    label = periodo_corto("trimestre", periodo)
    return label + " (parcial)" if corte is not None and period_bounds("trimestre", periodo)[1] > corte + \
        dt.timedelta(days=1) else label


def _bars_by_source(series: pd.DataFrame, title: str, key: str) -> None:
    corte = read.cutoff_date()
    fig = go.Figure()
    for fuente, part in series.groupby("fuente", sort=False):
        fig.add_bar(x=[_quarter_label(p, corte) for p in part["periodo"]], y=part["valor"],
                    name=FUENTE.get(fuente, fuente), marker_color=COLOR.get(fuente),
                    customdata=part[["nombre"]] if "nombre" in part else None,
                    hovertemplate="%{x}: %{y:,.0f} solicitudes" + ("<br>%{customdata[0]}" if "nombre" in part else "")
                    + "<extra></extra>")
    # every quarter from the first to the last, so a quarter without data is a visible gap, not a skipped one
    quarters = sorted(series["periodo"].unique())
    order = [_quarter_label(p, corte) for p in quarter_range(quarters[0], quarters[-1])]
    fig.update_layout(xaxis=dict(title="Trimestre", type="category", categoryorder="array", categoryarray=order,
                                 range=[-0.5, len(order) - 0.5]),
                      yaxis=dict(title=title, **layout.count_axis(series["valor"].max())), barmode="stack")
    layout.show_figure(layout.style_figure(fig, height=360, legend_title="Fuente"), key=key)


def render_government_history() -> None:
    layout.subheader("Serie histórica trimestral (desde 2017)")
    series = read.trend("gobierno", "GEQROO", ["solicitudes_recibidas", "dias_respuesta_promedio",
                                               "dias_respuesta_promedio_publicado"], "trimestre")
    if series.empty or "estadistica_publicada" not in set(series["fuente"]):
        st.info("Aún no hay estadística trimestral publicada cargada: la serie empieza con los registros de la PNT.")
        return
    recibidas = series[series["indicador"] == "solicitudes_recibidas"]
    first = recibidas.iloc[0]
    layout.summary(f"La serie empieza en {periodo_corto('trimestre', first['periodo'])} con {first['valor']:,.0f} "
                   "solicitudes según la estadística publicada por el órgano garante; los trimestres con registros de "
                   "la PNT se calculan solicitud por solicitud")
    _bars_by_source(recibidas, "Solicitudes recibidas", "fig_historia_gobierno")
    wide = series.pivot_table(index="periodo", columns="indicador", values="valor", aggfunc="first").reset_index()
    shown = pd.DataFrame({
        "Trimestre": wide["periodo"],
        "Solicitudes recibidas": wide.get("solicitudes_recibidas"),
        "Días de respuesta, promedio ponderado por solicitudes": wide.get("dias_respuesta_promedio").round(1),
        "Días de respuesta, media simple de los entes (como se publicaba)":
            wide.get("dias_respuesta_promedio_publicado", pd.Series(dtype=float)).round(1),
        "Fuente": wide["periodo"].map(dict(zip(recibidas["periodo"], recibidas["fuente"].map(FUENTE)))),
    })
    st.caption("El promedio ponderado cuenta cada solicitud una vez (con las tablas publicadas: el promedio de cada "
               "ente por sus solicitudes); la media simple de los entes es la que publicaba el órgano garante en su "
               "fila TOTAL y pesa igual a un ente con 2 solicitudes que a uno con 80. El tablero evalúa con el "
               "ponderado; la media simple se conserva para comparar con lo publicado.")
    show_table(shown, key="tabla_historia_gobierno")
    download_csv(shown, "serie_historica_trimestral.csv", key="csv_historia_gobierno")


def render_ente_history(ente_id: str) -> None:
    lineage = read.lineage(ente_id)
    series = read.history_series(ente_id, ["solicitudes_recibidas"])
    if lineage.empty and (series.empty or "estadistica_publicada" not in set(series["fuente"])):
        return
    layout.subheader("Historia del ente")
    if not lineage.empty:
        changes = pd.DataFrame({
            "Antecesor": lineage["nombre_oficial"], "Siglas": lineage["siglas"].fillna(""),
            "Pasó a": lineage["sucesor_id"], "Desde": lineage["fecha"].astype(str),
            "Tipo de cambio": lineage["tipo"].map(TIPO).fillna(lineage["tipo"]), "Fuente": lineage["fuente"],
        })
        layout.summary("La serie de este ente incluye a sus antecesores: " + "; ".join(
            f"{r['Antecesor']} ({r['Tipo de cambio']} desde {r['Desde']})" for r in changes.to_dict("records")))
        show_table(changes, key="tabla_linaje")
        download_csv(changes, f"linaje_{ente_id}.csv", key="csv_linaje")
    if not series.empty:
        st.markdown(md_escape("Solicitudes recibidas por trimestre, a través de sus antecesores"))
        _bars_by_source(series, "Solicitudes recibidas", "fig_historia_ente")
        shown = pd.DataFrame({"Trimestre": series["periodo"], "Ente": series["nombre"],
                              "Solicitudes recibidas": series["valor"], "Fuente": series["fuente"].map(FUENTE)})
        download_csv(shown, f"historia_{ente_id}.csv", key="csv_historia_ente")
