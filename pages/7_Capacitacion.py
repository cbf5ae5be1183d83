"""Capacitación: who was trained per ente, coverage of staff and UT against the target, trend, courses by theme
and modality, and public events."""
from __future__ import annotations

import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from common.formatting import md_escape, num, periodo_corto, periodo_label
from indicators.periods import period_bounds
from pages.ui import layout
from pages.ui import capacitacion as view
from pages.ui.export import download_csv
from pages.ui.on_screen import chart_rows, table_rows
from pages.ui.tables import group_and_ente_filters, show_table
from warehouse import read, read_capacitacion

COBERTURA, PERSONAS = "pct_personal_capacitado", "personas_capacitadas"

corte = layout.start_page(
    "Capacitación",
    "Capacitación de las personas servidoras públicas de cada ente (cursos en línea, presenciales, talleres y "
    "conferencias de la SABGOB con Profesionalización de la SEFIPLAN) y eventos públicos de difusión.",
)
counts = read_capacitacion.counts()
if not counts["asistencias"] and not counts["eventos"]:
    layout.no_data("Aún no hay datos de capacitación cargados (carpeta data/inputs/capacitacion/).")

c1, c2, c3, c4 = st.columns([2, 2, 3, 4])
selection = layout.period_filters(read_capacitacion.periods, corte, containers=(c1, c2), radio=False)
if selection is None:
    layout.no_data("Aún no hay indicadores de capacitación para este tipo de periodo.")
tipo, periodo = selection
grupo, ente = group_and_ente_filters(read.entes(), (c3, c4))
desde, hasta = period_bounds(tipo, periodo)
rules = read_capacitacion.rules()
definitions = read.indicator_definitions().set_index("indicador")
meta = float(definitions.at[COBERTURA, "meta"]) if COBERTURA in definitions.index else 100.0
st.caption(md_escape(view.UNIQUE_RULE))
st.caption(md_escape(view.rule_100_text(rules)))

# ---- coverage by ente ----------------------------------------------------------------------------------
layout.subheader(f"Cobertura por ente · {periodo_label(tipo, periodo)}")
cov = read_capacitacion.coverage(tipo, periodo, grupo, ente)
if cov.empty:
    st.info("No hay entes con datos de capacitación con estos filtros.")
else:
    table = view.coverage_table(cov)
    layout.summary(view.coverage_summary(table, tipo, periodo, meta))
    chart = table[table["Plantilla"].fillna(0) > 0][["Ente", "Siglas", "Personal capacitado (%)",
                                                      "Institución 100 % capacitada"]].copy()
    chart["Etiqueta"] = chart["Siglas"].where(chart["Siglas"] != "", chart["Ente"])
    chart = chart_rows(chart, noun="entes con plantilla", which="los de mayor y los de menor cobertura")
    # the bars in the table's order (highest coverage on top: plotly express draws the first category on top),
    # whatever colour group each falls in
    fig = px.bar(chart, x="Personal capacitado (%)", y="Etiqueta", orientation="h",
                 color="Institución 100 % capacitada", category_orders={"Etiqueta": chart["Etiqueta"].tolist()},
                 color_discrete_map={"Sí": "#1a9850", "No": "#7b1e3a", "Sin plantilla": "#bdc3c7"})
    layout.goal_line(fig, meta, f"Meta: {num(meta)} %", color="#444")
    fig.update_layout(yaxis=dict(title=""), xaxis=dict(range=[0, 105], ticksuffix=" %"))
    layout.show_figure(layout.style_figure(fig, height=max(320, 22 * len(chart) + 80)), key="fig_cobertura")
    download_csv(chart.drop(columns=["Etiqueta"]), f"capacitacion_cobertura_grafica_{periodo}.csv",
                 key="csv_cobertura_grafica", label="Descargar datos de la gráfica (CSV)", periodo=periodo)
    show_table(table_rows(table, key="tabla_cobertura", noun="entes", which="los de mayor y los de menor cobertura",
                          search=["Ente", "Siglas"], head=50, tail=50), key="tabla_cobertura",
               numbers={"Personas capacitadas en 12 meses": 0, "Plantilla": 0, "Personal capacitado (%)": "%",
                        "Personal de la UT capacitado": 0, "Personal de la UT": 0,
                        "Personal de la UT capacitado (%)": "%"})
    download_csv(table, f"capacitacion_cobertura_{periodo}.csv", key="csv_cobertura", periodo=periodo)

# ---- monthly trend -------------------------------------------------------------------------------------
nivel, clave = ("ente", ente) if ente else (("grupo", grupo) if grupo else ("gobierno", "GEQROO"))
layout.subheader("Tendencia mensual")
trend = read.trend(nivel, clave, [COBERTURA, PERSONAS], "mes")
if trend.empty:
    st.info("No hay valores mensuales de capacitación para esta selección.")
else:
    wide = trend.pivot_table(index="periodo", columns="indicador", values="valor", aggfunc="first").reset_index()
    long = wide.rename(columns={"periodo": "Mes", COBERTURA: "Personal capacitado en 12 meses (%)",
                                PERSONAS: "Personas capacitadas por primera vez en el año"})
    for col in ("Personal capacitado en 12 meses (%)", "Personas capacitadas por primera vez en el año"):
        if col not in long.columns:
            long[col] = None
    long = long[["Mes", "Personal capacitado en 12 meses (%)", "Personas capacitadas por primera vez en el año"]]
    long["Personal capacitado en 12 meses (%)"] = long["Personal capacitado en 12 meses (%)"].astype(float).round(1)
    last = long.dropna(subset=["Personal capacitado en 12 meses (%)"]).tail(1)
    if last.empty:
        layout.summary("Esta selección no tiene plantilla registrada para calcular la cobertura mensual.")
    else:
        r = last.iloc[0]
        layout.summary(f"En {periodo_corto('mes', r['Mes'])} la cobertura de los últimos 12 meses era de "
                       f"{num(r['Personal capacitado en 12 meses (%)'], 1)} %: cuenta a las personas capacitadas "
                       "en los 12 meses que terminan con cada mes, así que no se reinicia en enero.")
    fig = go.Figure(go.Scatter(x=long["Mes"], y=long["Personal capacitado en 12 meses (%)"], mode="lines+markers",
                               line_color="#7b1e3a", hovertemplate="%{x}: %{y:.1f} %<extra></extra>"))
    fig.update_layout(xaxis=dict(type="category", title="Mes"),
                      yaxis=dict(title="Personal capacitado en 12 meses", ticksuffix=" %", rangemode="tozero"))
    layout.show_figure(layout.style_figure(fig, height=340, legend=False), key="fig_tendencia_capacitacion")
    download_csv(long, f"capacitacion_tendencia_{clave}.csv", key="csv_tendencia_capacitacion")

# ---- courses by theme and modality ---------------------------------------------------------------------
layout.subheader(f"Cursos por tema y modalidad · {periodo_label(tipo, periodo)}")
courses = read_capacitacion.courses(desde, hasta, grupo, ente)
if courses.empty:
    st.info("No se impartieron cursos en este periodo.")
else:
    ctable = view.courses_table(courses)
    layout.summary(view.courses_summary(ctable, tipo, periodo))
    by_theme = ctable.groupby("Tema")["Cursos"].sum().sort_values(ascending=False, kind="stable")
    fig = px.bar(ctable, x="Cursos", y="Tema", color="Modalidad", orientation="h",
                 category_orders={"Tema": by_theme.index.tolist()},  # the theme with most courses on top
                 color_discrete_sequence=["#7b1e3a", "#1f5f8b", "#f2b701", "#8a9bb0"])
    fig.update_layout(yaxis=dict(title=""), xaxis=layout.count_axis(ctable.groupby("Tema")["Cursos"].sum().max()))
    layout.show_figure(layout.style_figure(fig, height=360), key="fig_cursos")
    show_table(ctable, key="tabla_cursos", numbers={"Cursos": 0, "Asistencias": 0, "Horas-persona": 0})
    download_csv(ctable, f"capacitacion_cursos_{periodo}.csv", key="csv_cursos", periodo=periodo)

# ---- public events -------------------------------------------------------------------------------------
layout.subheader(f"Eventos públicos · {periodo_label(tipo, periodo)}")
st.caption("Semana de la Transparencia (abril y septiembre) y pláticas en escuelas y universidades. Los eventos "
           "son del programa, no de un ente: se cuentan solo a nivel gobierno y no cambian con el filtro de ente.")
events = read_capacitacion.events(desde, hasta)
if events.empty:
    st.info("No hubo eventos públicos en este periodo.")
else:
    etable = view.events_table(events)
    layout.summary(view.events_summary(etable, tipo, periodo))
    fig = go.Figure(go.Bar(x=etable["Sector"], y=etable["Asistentes"], marker_color="#1f5f8b",
                           hovertemplate="%{x}: %{y:,} asistentes<extra></extra>"))
    fig.update_traces(texttemplate="%{y:,}", textposition="outside", cliponaxis=False)
    fig.update_layout(yaxis=layout.count_axis(etable["Asistentes"].max()) | {"title": "Asistentes"},
                      xaxis=dict(title="", categoryorder="array",  # the sector with most attendees first
                                 categoryarray=etable.groupby("Sector")["Asistentes"].sum()
                                 .sort_values(ascending=False, kind="stable").index.tolist()))
    layout.show_figure(layout.style_figure(fig, height=340, legend=False), key="fig_eventos")
    download_csv(etable, f"capacitacion_eventos_{periodo}.csv", key="csv_eventos", periodo=periodo)
