"""Inicio: government-wide panorama for the chosen period, with the change against the previous one."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import contract, format_delta, format_value, md_escape, periodo_corto, periodo_es
from indicators.periods import month_range, previous_period
from indicators.semaforo import delta_color, semaforo
from pages.ui import estado_datos, indicadores, inicio, layout
from pages.ui.export import download_csv
from pages.ui.indice import render_level_explanation
from warehouse import read

RECIBIDAS, EN_PLAZO = "solicitudes_recibidas", "pct_en_plazo"

corte = layout.start_page(
    "Panorama del Gobierno del Estado",
    "Indicadores del derecho de acceso a la información de todas las dependencias y entidades del Poder "
    "Ejecutivo de Quintana Roo. Cada solicitud cuenta en el mes en que se recibió.",
)
definitions = read.indicator_definitions()
counts = read.table_counts()
if definitions.empty or counts["indicador_valor"] == 0:
    layout.no_data("Aún no hay datos de solicitudes cargados en el almacén.")
for fuente in estado_datos.empty_sources(counts):
    st.info(f"Aún no hay datos de {fuente}: los indicadores que dependen de esa fuente aparecen sin valor.",
            icon=":material/info:")

cols = st.columns([2, 2, 3])
selection = layout.period_filters(lambda t: read.periods(t)["periodo"].tolist(), corte, containers=cols[:2])
if selection is None:
    layout.no_data("Aún no hay indicadores calculados para este tipo de periodo.")
tipo, periodo = selection
anterior = previous_period(tipo, periodo)

values = read.government_values(tipo, [periodo, anterior])
table = indicadores.metrics_table(definitions, values, tipo, periodo, anterior)

layout.subheader(f"Resultados de {periodo_es(tipo, periodo)}")
st.caption(contract(f"Cambio respecto de {periodo_es(tipo, anterior)}. Verde en el cambio significa mejora."))
summary_text = inicio.government_summary(table, tipo, periodo, anterior, RECIBIDAS, EN_PLAZO)
if summary_text:
    layout.summary(summary_text)

grid = st.columns(3)
for i, row in enumerate(table.itertuples(index=False)):
    with grid[i % 3].container(border=True):
        delta = format_delta(row.cambio, row.unidad)
        unchanged = delta is not None and delta.lstrip("+-").split(" ")[0].strip("0.,") == ""
        st.metric(
            md_escape(row.nombre),
            format_value(row.valor, row.unidad),
            delta=delta,
            delta_color="off" if unchanged else delta_color(row.direccion),
            delta_arrow="off" if unchanged else "auto",
            delta_description=f"vs. {periodo_corto(tipo, anterior)}" if delta is not None else None,
            help=md_escape(f"{row.descripcion} Unidad: {row.unidad}."),
        )
        meta = "" if pd.isna(row.meta) else f" · meta {format_value(row.meta, row.unidad)}"
        st.caption(semaforo(row.valor, row.direccion, row.umbral_verde, row.umbral_amarillo, row.suficiente) + meta)

export = indicadores.metrics_export(table, tipo)
download_csv(export, f"panorama_{periodo}.csv", key="csv_panorama", label="Descargar estas cifras (CSV)")
render_level_explanation("gobierno", "GEQROO", tipo, periodo,
                         preliminar=layout.period_states().is_preliminary(tipo, periodo))

layout.subheader("Tendencia mensual")
series = read.trend("gobierno", "GEQROO", [RECIBIDAS, EN_PLAZO], "mes")
if series.empty:
    st.info("Aún no hay datos mensuales para la tendencia.")
else:
    wide = series.pivot_table(index="periodo", columns="indicador", values="valor")
    wide = wide.reindex(month_range(wide.index.min(), wide.index.max())).rename_axis("periodo").reset_index()
    names = dict(zip(definitions["indicador"], definitions["nombre"]))
    trend = pd.DataFrame({
        "Mes": wide["periodo"],
        names.get(RECIBIDAS, RECIBIDAS): wide.get(RECIBIDAS),
        f"{names.get(EN_PLAZO, EN_PLAZO)} (%)": wide.get(EN_PLAZO),
    })
    layout.summary(inicio.trend_summary(trend, corte))
    labels = [periodo_corto("mes", p) for p in trend["Mes"]]
    fig = go.Figure()
    fig.add_bar(x=labels, y=trend.iloc[:, 1], name=trend.columns[1], marker_color="#9fb6cd",
                hovertemplate="%{x}: %{y:,.0f} solicitudes<extra></extra>")
    fig.add_scatter(x=labels, y=trend.iloc[:, 2], name=trend.columns[2], yaxis="y2", mode="lines+markers",
                    line=dict(color="#7b1e3a", width=3), connectgaps=False,
                    hovertemplate="%{x}: %{y:.1f} %<extra></extra>")
    fig.update_layout(
        xaxis=dict(title="Mes de recepción", type="category"),
        yaxis=dict(title="Solicitudes recibidas", tickformat=",d", rangemode="tozero"),
        yaxis2=dict(title="% respondidas en plazo", overlaying="y", side="right", range=[0, 105],
                    ticksuffix=" %", tickvals=[0, 20, 40, 60, 80, 100], ticktext=[f"{v} %" for v in range(0, 101, 20)],
                    showgrid=False),
    )
    layout.show_figure(layout.style_figure(fig), key="fig_tendencia")
    layout.preliminary_months_note(list(trend["Mes"]))
    download_csv(trend, "tendencia_mensual.csv", key="csv_tendencia")
