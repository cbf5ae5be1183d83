"""Guía para solicitar información: how to ask, by when the answer is due and what to do if it is late, for citizens
and for the Unidades de Transparencia (texts in data/guia/*.md), with the deadlines the indicators use."""
from __future__ import annotations

import streamlit as st

from pages.ui import calculadora, guia, layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

layout.start_page(
    "Guía para solicitar información",
    "Cómo pedir información a las dependencias y entidades del Poder Ejecutivo de Quintana Roo, en qué plazo deben "
    "responderle y qué hacer si no le responden.")

# Only the open part is drawn (a tab switch reruns the page; ?parte= names it in the URL): each is a long Markdown.
for tab, name in zip(st.tabs(list(guia.PARTES.values()), key="parte", bind="query-params"), guia.PARTES):
    if tab.open:
        with tab:
            st.markdown(guia.guide_text(name))

layout.subheader("Calculadora de plazos")
st.caption("Calcula las fechas de su solicitud con el mismo calendario de días inhábiles y las mismas leyes con que el "
           "tablero mide si los entes responden en plazo.")
calculadora.render_calculator("calc_guia")

layout.subheader("Plazos que aplica el tablero")
plazos = guia.deadlines_table(read.methodology("plazos"))
show_table(plazos, key="tabla_plazos_guia", numbers={"Días hábiles para responder": 0,
                                                     "Días hábiles de ampliación": 0})
download_csv(plazos, "plazos_por_ley.csv", key="csv_plazos_guia")
st.caption("Son los mismos plazos con los que los indicadores juzgan si una solicitud se respondió a tiempo "
           "(Metodología, «La ley vigente»).")
