"""Solicitudes: response times in business-day bands and types of final answer, by ente."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from common.formatting import periodo_label
from indicators.periods import period_bounds
from pages.ui import layout, solicitudes
from pages.ui.export import download_csv
from pages.ui.historia import render_government_history
from pages.ui.on_screen import table_rows
from pages.ui.tables import group_and_ente_filters, show_table
from warehouse import read

corte = layout.start_page("Solicitudes: tiempos y tipos de respuesta")
counts = read.table_counts()
if counts["base_solicitud_mes"] == 0:
    layout.no_data("Aún no hay solicitudes cargadas en el almacén.")

c1, c2, c3, c4 = st.columns([2, 2, 3, 4])
selection = layout.period_filters(lambda t: read.periods(t)["periodo"].tolist(), corte, containers=(c1, c2),
                                  radio=False)
if selection is None:
    layout.no_data("Aún no hay indicadores calculados para este tipo de periodo.")
tipo, periodo = selection
grupo, ente = group_and_ente_filters(read.entes(), (c3, c4))
desde, hasta = period_bounds(tipo, periodo)
st.caption("Solicitudes recibidas en el periodo (cada una cuenta en el mes en que se recibió), "
           "según el tiempo que tardó su respuesta y el tipo de respuesta final.")

# ---- response times ------------------------------------------------------------------------------------
layout.subheader(f"Tiempo de respuesta en días hábiles · {periodo_label(tipo, periodo)}")
bands = read.response_day_bands(desde, hasta, grupo, ente)
if bands.empty:
    st.info("No hay solicitudes respondidas con estos filtros.")
else:
    totals = solicitudes.band_totals(bands)
    layout.summary(solicitudes.band_summary(totals, tipo, periodo))
    fig = go.Figure(go.Bar(x=totals["Días hábiles"], y=totals["Solicitudes"], text=totals["Porcentaje (%)"],
                           marker_color="#7b1e3a"))
    fig.update_traces(texttemplate="%{y:,} (%{text:.1f} %)", textposition="outside", cliponaxis=False,
                      hovertemplate="%{x} días hábiles: %{y:,} solicitudes (%{text:.1f} %)<extra></extra>")
    fig.update_layout(xaxis_title="Días hábiles para responder", yaxis_title="Solicitudes respondidas",
                      yaxis=layout.count_axis(totals["Solicitudes"].max()))
    layout.show_figure(layout.style_figure(fig, height=380, legend=False), key="fig_bandas")
    download_csv(totals, f"tiempos_respuesta_{periodo}.csv", key="csv_bandas",
                 label="Descargar datos de la gráfica (CSV)", periodo=periodo)
    st.markdown("**Por ente**")
    by_ente = solicitudes.band_table(bands)
    show_table(table_rows(by_ente, key="tabla_bandas", noun="entes", which="los de más solicitudes respondidas",
                          search=["Ente", "Siglas"]), key="tabla_bandas", numbers={c: 0 for c in by_ente.columns[3:]})
    download_csv(by_ente, f"tiempos_respuesta_por_ente_{periodo}.csv", key="csv_bandas_ente", periodo=periodo)

# ---- response types ------------------------------------------------------------------------------------
layout.subheader(f"Tipo de respuesta final · {periodo_label(tipo, periodo)}")
types = read.response_types(desde, hasta, grupo, ente)
if types.empty or int(types["con_respuesta_final"].sum()) == 0:
    st.info("No hay solicitudes con respuesta final con estos filtros.")
else:
    totals_t = solicitudes.type_totals(types)
    layout.summary(solicitudes.type_summary(totals_t, tipo, periodo))
    fig = go.Figure(go.Bar(x=totals_t["Solicitudes"], y=totals_t["Tipo de respuesta"], orientation="h",
                           text=totals_t["Porcentaje (%)"], marker_color="#1f5f8b"))
    fig.update_traces(texttemplate="%{x:,} (%{text:.1f} %)", textposition="outside", cliponaxis=False,
                      hovertemplate="%{y}: %{x:,} solicitudes (%{text:.1f} %)<extra></extra>")
    fig.update_layout(xaxis_title="Solicitudes con respuesta final", yaxis_title="",
                      yaxis=dict(autorange="reversed"),
                      xaxis=layout.count_axis(totals_t["Solicitudes"].max())
                      | {"range": [0, float(totals_t["Solicitudes"].max()) * 1.25]})
    layout.show_figure(layout.style_figure(fig, height=320, legend=False), key="fig_tipos")
    download_csv(totals_t, f"tipos_respuesta_{periodo}.csv", key="csv_tipos",
                 label="Descargar datos de la gráfica (CSV)", periodo=periodo)
    st.markdown("**Por ente**")
    by_ente_t = solicitudes.type_table(types)
    show_table(table_rows(by_ente_t, key="tabla_tipos", noun="entes", which="los de más respuestas finales",
                          search=["Ente", "Siglas"]), key="tabla_tipos", numbers={c: 0 for c in by_ente_t.columns[3:]})
    download_csv(by_ente_t, f"tipos_respuesta_por_ente_{periodo}.csv", key="csv_tipos_ente", periodo=periodo)

# ---- appeals by cause ---------------------------------------------------------------------------------------
layout.subheader(f"Recursos de revisión por causa · {periodo_label(tipo, periodo)}")
causes = read.appeal_causes(desde, hasta, grupo, ente)
if causes.empty:
    st.info("No hay recursos de revisión con estos filtros.")
else:
    shown = solicitudes.cause_table(causes)
    layout.summary(solicitudes.cause_summary(shown))
    show_table(shown, key="tabla_causas", numbers={"Recursos": 0, "Modifican o revocan": 0})
    download_csv(shown, f"recursos_por_causa_{periodo}.csv", key="csv_causas", periodo=periodo)

# ---- history since 2017 (published quarterly tables, then PNT records) -----------------------------------
render_government_history()
