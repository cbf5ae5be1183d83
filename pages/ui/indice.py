"""Ficha del ente: the Índice de Desempeño en Transparencia with its parts and «¿Por qué cambió?»."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import contract, md_escape, periodo_corto, periodo_es
from indicators.semaforo import semaforo
from pages.ui import layout
from pages.ui.indicadores import semaforo_md
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

DIMENSIONES = {"solicitudes": "atención de solicitudes", "verificacion": "cumplimiento de obligaciones",
               "capacitacion": "capacitación", "evaluacion_ciudadana": "evaluación ciudadana"}


def render_index_metric(ente_id: str, tipo: str, periodo: str, definitions: pd.DataFrame):
    """The ente's index as a card (with its change and semáforo); 'Datos insuficientes' from a single dimension.
    Returns its row (None without an index)."""
    row = read.ente_index(ente_id, tipo, periodo)
    if row.empty:
        st.metric("Índice (0 a 100)", "Sin datos", border=True)
        st.caption(contract(f"Este ente no tiene datos para calcular el índice en {periodo_es(tipo, periodo)}."))
        return None
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
        delta = None if pd.isna(r["cambio"]) else f"{r['cambio']:+.1f} puntos"
        st.metric("Índice (0 a 100)", f"{r['indice']:.1f}", delta=delta, border=True,
                  delta_description=(f"vs. {periodo_corto(tipo, r['periodo_anterior'])}" if delta else None))
        if ind is not None:
            st.caption(semaforo_md(semaforo(r["indice"], "mayor_es_mejor", ind["umbral_verde"],
                                            ind["umbral_amarillo"])) + f" · meta {ind['meta']:g}")
    return r


def render_index_block(ente_id: str, tipo: str, periodo: str, r, *, preliminar: bool = False) -> None:
    """Why the index moved and how it is made of its indicators (r: the row render_index_metric returned)."""
    if r is None:
        return
    if isinstance(r["dimensiones_faltantes"], str) and r["dimensiones_faltantes"]:
        missing = ", ".join(DIMENSIONES.get(d, d) for d in r["dimensiones_faltantes"].split(","))
        st.warning(md_escape(f"Sin datos de {missing} en este periodo: su peso se repartió entre las demás "
                             "dimensiones (no cuenta como cero)."), icon=":material/warning:")
    layout.subheader("¿Por qué cambió el índice? (cifras preliminares)" if preliminar else "¿Por qué cambió el índice?")
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
        "Indicador": parts["indicador"], "Aporte al índice (puntos)": parts["contribucion"].round(2),
        "Valor": parts["valor"].round(1), "Unidad": parts["unidad"], "Puntaje (0 a 100)": parts["puntaje"].round(1),
        "Peso efectivo (%)": (100 * parts["peso"]).round(1), "Dimensión": parts["dimension"],
    })
    with st.expander(f"Cómo se forma el índice de este ente ({len(shown)} indicadores)"):
        if r["suficiente"]:
            layout.summary(f"Los aportes de los {len(shown)} indicadores suman el índice: "
                           f"{parts['contribucion'].sum():.1f} puntos. Cada indicador se califica de 0 a 100 y "
                           "aporta según su peso; una dimensión sin datos no cuenta como cero")
        else:
            layout.summary(f"Los {len(shown)} indicadores con datos son todos de una dimensión: se muestran sus "
                           "valores, pero el índice no se compara")
        show_table(shown, key="tabla_indice_partes", numbers={"Valor": "unidad"})
    export = shown.assign(periodo=periodo, **{"Por qué cambió": r["texto"] if isinstance(r["texto"], str) else ""})
    download_csv(export, f"indice_{ente_id}_{periodo}.csv", key="csv_indice_partes",
                 label="Descargar el índice y sus partes (CSV)", periodo=periodo)


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
