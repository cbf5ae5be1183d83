"""Ficha del ente: one ente's scorecard for a period, its trend and its place in the ranking."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import contract, md_escape, periodo_es
from indicators.comparison import reference_month
from indicators.periods import previous_period
from pages.ui import capacitacion, charts, ciudadanos, enlaces, ficha, indicadores, layout, unidades, verificacion
from pages.ui.export import download_csv
from pages.ui.historia import render_ente_history
from pages.ui.indice import render_index_block, render_index_metric
from pages.ui.on_screen import ente_picker
from pages.ui.tables import ente_label, show_table
from warehouse import read

RANKING_INDICADOR = "indice_desempeno"

corte = layout.start_page("Ficha del ente")
definitions = read.indicator_definitions()
if definitions.empty or read.table_counts()["indicador_valor"] == 0:
    layout.no_data("Aún no hay datos de solicitudes cargados en el almacén.")
by_id = definitions.set_index("indicador")
entes = read.entes()

c1, c2, c3 = st.columns([4, 2, 2])
with c1:
    ente_id = ente_picker("Ente", entes["ente_id"].tolist(), "ente", entes["ente_id"].iloc[0],
                          format_func=ente_label(entes))
# Only the periods in which the ente is in force: one that ended is not offered after its end (its successor is).
selection = layout.period_filters(lambda t: read.ente_periods(ente_id, t), corte, containers=(c2, c3),
                                  radio=False, ente=ente_id)
if selection is None:
    st.info("Este ente no tiene indicadores de este tipo de periodo mientras ha estado vigente; su historia, a "
            "través de sus antecesores, sigue abajo.", icon=":material/info:")
    render_ente_history(ente_id)
    st.stop()
tipo, periodo = selection
anterior = previous_period(tipo, periodo)
ente = entes.set_index("ente_id").loc[ente_id]
grupo = ente["grupo_pares"]

layout.subheader(ente_label(entes)(ente_id))
details = f"{ente['categoria']} · grupo de pares: {grupo}"
if pd.notna(ente["vigente_hasta"]):
    details += f" · vigente hasta {ente['vigente_hasta']}"
st.caption(md_escape(details))
enlaces.render_ente_links(ente)

# ---- the index and its place in the ranking, side by side -------------------------------------------------
position = ficha.ente_position(
    ente_id, read.ente_values(RANKING_INDICADOR, tipo, periodo), read.ente_values(RANKING_INDICADOR, tipo, periodo,
                                                                                 grupo),
    by_id.at[RANKING_INDICADOR, "direccion"] if RANKING_INDICADOR in by_id.index else "mayor_es_mejor")
nombre_ranking = by_id.at[RANKING_INDICADOR, "nombre"] if RANKING_INDICADOR in by_id.index else RANKING_INDICADOR
p0, p1, p2 = st.columns(3)
with p0:
    index_row = render_index_metric(ente_id, tipo, periodo, definitions)
p1.metric("Lugar entre todos los entes", position["general"], border=True,
          help=md_escape(f"Ordenados por «{nombre_ranking}»."))
p2.metric(md_escape(f"Lugar en su grupo de pares ({grupo})"), position["grupo"], border=True)
layout.summary(ficha.position_summary(position, nombre_ranking, tipo, periodo, grupo))

# ---- what to fix first -------------------------------------------------------------------------------------
ficha.render_actions(ente_id, tipo, periodo)

# ---- índice de desempeño: why it moved --------------------------------------------------------------------
render_index_block(ente_id, tipo, periodo, index_row,
                   preliminar=layout.period_states().is_preliminary(tipo, periodo))

# ---- scorecard -----------------------------------------------------------------------------------------
layout.subheader(f"Indicadores de {periodo_es(tipo, periodo)}")
values = read.unit_values("ente", ente_id, tipo, [periodo, anterior])
if values[values["periodo"] == periodo].empty:
    st.info(contract(f"Este ente no tiene solicitudes registradas en {periodo_es(tipo, periodo)}."))
else:
    table = indicadores.metrics_table(definitions, values, tipo, periodo, anterior)
    anterior_col = contract(f"Valor en {periodo_es(tipo, anterior)}")
    card = ficha.scorecard(table).rename(columns={"Periodo anterior": anterior_col})
    layout.summary(ficha.scorecard_summary(card, tipo, periodo))
    show_table(card, key="tabla_ficha", numbers={"Valor": "unidad", "Cambio": "unidad", anterior_col: "unidad",
                                                 "Meta": "unidad", "Numerador": 0, "Denominador": 0},
               widths={"Indicador": 180, "Valor": 80, "Semáforo": 110})
    download_csv(card, f"ficha_{ente_id}_{periodo}.csv", key="csv_ficha", periodo=periodo)

# ---- ARCOP apart: the request indicators by type of request --------------------------------------------------
by_type = read.values_by_request_type("ente", ente_id, tipo, periodo)
if not by_type.empty:
    st.markdown("**Información pública y ARCOP**")
    layout.summary(ficha.request_type_summary(by_type, tipo, periodo))
    st.caption("Cada indicador de solicitudes y recursos leído para ambos tipos juntos (lo que usa el índice), solo "
               "información pública y solo derechos ARCOP (datos personales). Un recurso sin folio de una solicitud "
               "cargada solo cuenta en «ambos tipos».")
    shown_types = ficha.by_request_type(by_type)
    show_table(shown_types, key="tabla_ficha_tipos", widths={"Indicador": 180})
    download_csv(shown_types, f"ficha_{ente_id}_{periodo}_por_tipo.csv", key="csv_ficha_tipos", periodo=periodo)

# ---- trend ---------------------------------------------------------------------------------------------
layout.subheader("Tendencia mensual")
options = definitions["indicador"].tolist()
chosen = layout.url_multiselect("Indicadores de la gráfica", options, "tendencia",
                                ficha.main_indicators(definitions, RANKING_INDICADOR),
                                format_func=lambda i: by_id.at[i, "nombre"], max_selections=4)
if chosen:
    own = read.trend("ente", ente_id, chosen, "mes")
    # A count is compared with the group's median per ente, never with the group's total; a rate with the group's.
    counts = [i for i in chosen if by_id.at[i, "tipo"] == "conteo"]
    peers = read.trend("grupo", grupo, [i for i in chosen if i not in counts], "mes")
    if counts:
        peers = pd.concat([peers, read.group_median_trend(grupo, counts)], ignore_index=True)
    long = ficha.trend_long(own, peers, by_id, chosen)
    if long.empty:
        st.info("Este ente no tiene datos mensuales todavía.")
    else:
        layout.summary(ficha.ente_trend_summary(long, chosen[0], by_id))
        fig = charts.small_multiples(long, chosen, by_id, ente_label="Este ente",
                                     peer_label=f"Grupo: {grupo}" + (" (en conteos, la mediana por ente)" if counts
                                                                     else ""))
        layout.show_figure(layout.style_figure(fig, height=230 * len(chosen) + 60, legend_title="Comparación"),
                           key="fig_tendencia_ente")
        layout.preliminary_months_note(sorted(set(long["Mes"])))
        download_csv(long, f"tendencia_{ente_id}.csv", key="csv_tendencia_ente")

# ---- history since 2017 through the ente's predecessors --------------------------------------------------
render_ente_history(ente_id)

# Each domain's block of the Ficha lives in its own module.
capacitacion.render_ente_block(ente_id, tipo, periodo)
unidades.render_ente_block(ente_id, tipo, periodo)
verificacion.render_ente_block(ente_id)

# Citizens beside the verifiers (pages/ui/ciudadanos.py).
layout.subheader(f"Evaluación ciudadana y verificación en {periodo_es(tipo, periodo)}")
ciudadanos.side_by_side_metrics(ente_id, tipo, periodo)
ciudadanos.ente_comparison(ente_id, reference_month(tipo, periodo), "ciudadanos_ficha")
ciudadanos.evaluate_link(ente_id)
