"""Inicio: government-wide panorama for the chosen period: first the Índice de Desempeño and its dimensions, then a
few key indicators, the entes that moved most (each a link to its Ficha) and the trend; the rest behind an
expander."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import contract, md_escape, periodo_corto, periodo_es
from indicators.periods import month_range, previous_period
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
head, key, rest = inicio.split_table(table)
FICHA = "pages/2_Ficha_del_ente.py"

# ---- first the index and its three dimensions --------------------------------------------------------------
layout.subheader(f"Resultados de {periodo_es(tipo, periodo)}")
now = read.ente_values(inicio.INDEX, tipo, periodo)
layout.summary(inicio.index_summary(head, tipo, periodo, anterior, int(now["suficiente"].fillna(False).sum())))
indicadores.metric_cards(head, tipo, anterior, per_row=4)
if head.empty or head["valor"].isna().all():
    ultimo = read.last_index_period(tipo)
    if ultimo and ultimo != periodo:
        st.button(f"Ver {periodo_es(tipo, ultimo)}, el último periodo con índice", icon=":material/history:",
                  on_click=layout.choose, args=({"periodo": ultimo},), key="ir_ultimo_indice")
links = st.columns(2)
links[0].page_link("pages/1_Ranking.py", label="Ver el ranking de los entes", icon=":material/leaderboard:",
                   query_params={"tipo": tipo, "periodo": periodo})
links[1].page_link(FICHA, label="Ver la ficha de un ente y qué corregir",
                   icon=":material/account_balance:", query_params={"tipo": tipo, "periodo": periodo})

# ---- then a few key indicators ------------------------------------------------------------------------------
layout.subheader("Indicadores clave")
st.caption(contract(f"Cambio respecto de {periodo_es(tipo, anterior)}. Verde en el cambio significa mejora."))
summary_text = inicio.government_summary(table, tipo, periodo, anterior, RECIBIDAS, EN_PLAZO)
if summary_text:
    layout.summary(summary_text)
indicadores.metric_cards(key, tipo, anterior)

# ---- what moved most ----------------------------------------------------------------------------------------
layout.subheader("Lo que más cambió")
up, down = inicio.biggest_moves(now, read.ente_values_before(inicio.INDEX, tipo, periodo, anterior))
if up.empty and down.empty:
    st.caption(contract(f"Ningún ente con índice en los dos periodos cambió respecto de {periodo_es(tipo, anterior)}."))
else:
    st.caption(contract(f"Entes cuyo índice más subió y más bajó respecto de {periodo_es(tipo, anterior)}; "
                        "cada uno lleva a su ficha del mismo periodo."))
    c_up, c_down = st.columns(2)
    for col, moves, title in ((c_up, up, "Subieron"), (c_down, down, "Bajaron")):
        with col:
            st.markdown(f"**{title}**")
            if moves.empty:
                st.caption("Ninguno.")
            for move in moves.to_dict("records"):
                st.page_link(FICHA, label=md_escape(inicio.move_label(move)),
                             icon=":material/trending_up:" if move["cambio"] > 0 else ":material/trending_down:",
                             query_params={"ente": move["ente_id"], "tipo": tipo, "periodo": periodo})
why = layout.lazy_expander("¿Por qué cambió el índice del gobierno?", "por_que_gobierno")
if why.open:
    with why:
        render_level_explanation("gobierno", "GEQROO", tipo, periodo,
                                 preliminar=layout.period_states().is_preliminary(tipo, periodo))

# ---- the rest, one click away ---------------------------------------------------------------------------------
others = layout.lazy_expander(f"Todos los indicadores ({len(rest)} más)", "todos_indicadores")
if others.open:
    with others:
        indicadores.metric_cards(rest, tipo, anterior)
export = indicadores.metrics_export(table, tipo)
download_csv(export, f"panorama_{periodo}.csv", key="csv_panorama", label="Descargar todas estas cifras (CSV)", periodo=periodo)

layout.subheader("Tendencia mensual")
series = read.trend("gobierno", "GEQROO", [RECIBIDAS, EN_PLAZO], "mes")
if series.empty:
    st.info("Aún no hay datos mensuales para la tendencia.")
else:
    wide = series.pivot_table(index="periodo", columns="indicador", values="valor")
    months = inicio.until_cutoff(month_range(wide.index.min(), wide.index.max()), corte)
    wide = wide.reindex(months).rename_axis("periodo").reset_index()
    enough = series[series["indicador"] == EN_PLAZO].set_index("periodo")["suficiente"]
    names = dict(zip(definitions["indicador"], definitions["nombre"]))
    trend = pd.DataFrame({
        "Mes": wide["periodo"],
        names.get(RECIBIDAS, RECIBIDAS): wide.get(RECIBIDAS),
        f"{names.get(EN_PLAZO, EN_PLAZO)} (%)": wide.get(EN_PLAZO),
    })
    enough_months = trend["Mes"].map(enough).fillna(False).astype(bool)
    layout.summary(inicio.trend_summary(trend, corte, enough_months))
    # A month with too few requests to judge has no point on the % line (a gap), as in the ranking.
    trend.loc[~enough_months, trend.columns[2]] = float("nan")
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
    layout.show_figure(layout.style_figure(fig, legend_title="Medida"), key="fig_tendencia")
    if (~enough_months).any():
        minimo = definitions.set_index("indicador").at[EN_PLAZO, "denominador_minimo"]
        st.caption(f"La línea del porcentaje en plazo se interrumpe en los meses con menos de {minimo:g} solicitudes "
                   "que ya pueden evaluarse: con tan pocas, el porcentaje no dice mucho.")
    layout.preliminary_months_note(list(trend["Mes"]))
    download_csv(trend, "tendencia_mensual.csv", key="csv_tendencia")
