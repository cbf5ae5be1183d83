"""Ficha del ente: the Índice de Desempeño en Transparencia with its parts and «¿Por qué cambió?»."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.fmt import contract, md_escape, periodo_es
from indicators.semaforo import semaforo
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

DIMENSIONES = {"solicitudes": "atención de solicitudes", "verificacion": "cumplimiento de obligaciones",
               "capacitacion": "capacitación"}


def render_index_block(ente_id: str, tipo: str, periodo: str, catalog: pd.DataFrame) -> None:
    layout.subheader("Índice de Desempeño en Transparencia")
    row = read.ente_index(ente_id, tipo, periodo)
    if row.empty:
        st.info(contract(f"Este ente no tiene datos suficientes para el índice en {periodo_es(tipo, periodo)}."))
        return
    r = row.iloc[0]
    ind = catalog.set_index("indicador").loc["indice_desempeno"] if "indice_desempeno" in set(catalog["indicador"]) \
        else None
    label = semaforo(r["indice"], "mayor_es_mejor", ind["umbral_verde"], ind["umbral_amarillo"]) if ind is not None \
        else ""
    delta = None if pd.isna(r["cambio"]) else f"{r['cambio']:+.1f} puntos"
    st.metric("Índice (0 a 100)", f"{r['indice']:.1f}", delta=delta, border=True,
              delta_description=(f"vs. {periodo_es(tipo, r['periodo_anterior'])}" if delta else None))
    st.caption(md_escape(label))
    if isinstance(r["dimensiones_faltantes"], str) and r["dimensiones_faltantes"]:
        missing = ", ".join(DIMENSIONES.get(d, d) for d in r["dimensiones_faltantes"].split(","))
        st.warning(md_escape(f"Sin datos de {missing} en este periodo: su peso se repartió entre las demás "
                             "dimensiones (no cuenta como cero)."), icon=":material/warning:")
    layout.subheader("¿Por qué cambió?")
    if isinstance(r["texto"], str) and r["texto"]:
        st.text(r["texto"])  # plain text: generated from numbers, never rendered as Markdown or HTML
    else:
        st.caption("No hay un periodo anterior comparable para este ente.")
    parts = read.index_components(ente_id, tipo, periodo)
    shown = pd.DataFrame({
        "Dimensión": parts["dimension"], "Indicador": parts["indicador"], "Valor": parts["valor"].round(1),
        "Unidad": parts["unidad"], "Puntaje (0 a 100)": parts["puntaje"].round(1),
        "Peso efectivo (%)": (100 * parts["peso"]).round(1), "Aporte al índice (puntos)": parts["contribucion"].round(2),
    })
    layout.summary(f"Los aportes de los {len(shown)} indicadores suman el índice: {parts['contribucion'].sum():.1f} puntos")
    show_table(shown, key="tabla_indice_partes")
    export = shown.assign(**{"Por qué cambió": r["texto"] if isinstance(r["texto"], str) else ""})
    download_csv(export, f"indice_{ente_id}_{periodo}.csv", key="csv_indice_partes")
