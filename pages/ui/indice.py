"""Ficha del ente: the Índice de Desempeño en Transparencia with its parts and «¿Por qué cambió?»."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import contract, md_escape, periodo_es
from indicators.semaforo import semaforo
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

DIMENSIONES = {"solicitudes": "atención de solicitudes", "verificacion": "cumplimiento de obligaciones",
               "capacitacion": "capacitación", "evaluacion_ciudadana": "evaluación ciudadana"}


def render_index_block(ente_id: str, tipo: str, periodo: str, definitions: pd.DataFrame, *,
                       preliminar: bool = False) -> None:
    layout.subheader("Índice de Desempeño en Transparencia")
    row = read.ente_index(ente_id, tipo, periodo)
    if row.empty:
        st.info(contract(f"Este ente no tiene datos para calcular el índice en {periodo_es(tipo, periodo)}."))
        return
    r = row.iloc[0]
    by_id = definitions.set_index("indicador")
    ind = by_id.loc["indice_desempeno"] if "indice_desempeno" in by_id.index else None
    presentes = [DIMENSIONES.get(d, d) for d in str(r["dimensiones_presentes"]).split(",")]
    if not r["suficiente"]:
        # An index from a single dimension is not a number anyone should compare: said, never drawn.
        st.metric("Índice (0 a 100)", "Datos insuficientes", border=True)
        st.caption(md_escape(f"Solo hay datos de {', '.join(presentes)} en este periodo: un índice de una sola "
                             "dimensión no se muestra como número ni se ordena en el ranking."))
    else:
        label = semaforo(r["indice"], "mayor_es_mejor", ind["umbral_verde"], ind["umbral_amarillo"]) \
            if ind is not None else ""
        delta = None if pd.isna(r["cambio"]) else f"{r['cambio']:+.1f} puntos"
        st.metric("Índice (0 a 100)", f"{r['indice']:.1f}", delta=delta, border=True,
                  delta_description=(f"vs. {periodo_es(tipo, r['periodo_anterior'])}" if delta else None))
        st.caption(md_escape(label))
    if isinstance(r["dimensiones_faltantes"], str) and r["dimensiones_faltantes"]:
        missing = ", ".join(DIMENSIONES.get(d, d) for d in r["dimensiones_faltantes"].split(","))
        st.warning(md_escape(f"Sin datos de {missing} en este periodo: su peso se repartió entre las demás "
                             "dimensiones (no cuenta como cero)."), icon=":material/warning:")
    layout.subheader("¿Por qué cambió? (cifras preliminares)" if preliminar else "¿Por qué cambió?")
    if not r["suficiente"]:
        st.caption("Sin explicación: el índice de este periodo no tiene datos suficientes.")
    elif isinstance(r["texto"], str) and r["texto"]:
        if preliminar:
            st.caption("Periodo preliminar: algunas solicitudes siguen dentro de su plazo; el cambio puede no ser el final.")
        st.text(r["texto"])  # plain text: generated from numbers, never rendered as Markdown or HTML
    else:
        st.caption("No hay un periodo anterior comparable para este ente.")
    parts = read.index_components(ente_id, tipo, periodo)
    shown = pd.DataFrame({
        "Dimensión": parts["dimension"], "Indicador": parts["indicador"], "Valor": parts["valor"].round(1),
        "Unidad": parts["unidad"], "Puntaje (0 a 100)": parts["puntaje"].round(1),
        "Peso efectivo (%)": (100 * parts["peso"]).round(1), "Aporte al índice (puntos)": parts["contribucion"].round(2),
    })
    if r["suficiente"]:
        layout.summary(f"Los aportes de los {len(shown)} indicadores suman el índice: "
                       f"{parts['contribucion'].sum():.1f} puntos")
    else:
        layout.summary(f"Los {len(shown)} indicadores con datos son todos de una dimensión: se muestran sus valores, "
                       "pero el índice no se compara")
    show_table(shown, key="tabla_indice_partes")
    export = shown.assign(**{"Por qué cambió": r["texto"] if isinstance(r["texto"], str) else ""})
    download_csv(export, f"indice_{ente_id}_{periodo}.csv", key="csv_indice_partes")


def render_level_explanation(nivel: str, clave: str, tipo: str, periodo: str, *, preliminar: bool = False) -> None:
    """«¿Por qué cambió?» of the index of a peer group or of the government: the mean of their entes' index."""
    who = "del gobierno" if nivel == "gobierno" else f"del grupo «{clave}»"
    layout.subheader(f"¿Por qué cambió el índice {who}?" + (" (cifras preliminares)" if preliminar else ""))
    row = read.level_explanation(nivel, clave, tipo, periodo)
    if row.empty:
        st.caption("No hay un periodo anterior comparable con datos suficientes.")
        return
    if preliminar:
        st.caption("Periodo preliminar: algunas solicitudes siguen dentro de su plazo; el cambio puede no ser el final.")
    st.text(row["texto"].iloc[0])  # plain text: generated from numbers and catalog names, never Markdown or HTML
