"""Citizens and verifiers side by side (Verificación page and Ficha del ente): what the last build counted of the
citizens' evaluations beside the verifiers' scores, per fracción over the 12 months that end with a reference
month, the fracciones where they disagree most, and their CSV. The rule is indicators/comparison.py's."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import MESES, format_value, md_escape, num, short_name
from indicators.comparison import UMBRAL_DESACUERDO, VENTANA_MESES
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.on_screen import table_rows
from pages.ui.tables import show_table
from warehouse import read_evaluaciones

EVALUAR = "pages/10_Evaluar_una_obligacion.py"
CIUDADANOS, VERIFICADORES = "#7b1e3a", "#1a9850"
VERIFICACION = "indice_cumplimiento_obligaciones"
SIDE_BY_SIDE = [(VERIFICACION, "Verificadores: índice de cumplimiento"),
                ("evaluacion_ciudadana_pct_encontrada", "Ciudadanos: información encontrada"),
                ("evaluacion_ciudadana_pct_actualizada", "Ciudadanos: información actualizada"),
                ("evaluacion_ciudadana_comprension_media", "Ciudadanos: comprensión (1 a 5)")]


def window_words(mes: date) -> str:
    return f"los {VENTANA_MESES} meses a {MESES[mes.month - 1]} de {mes.year}"


def comparison_table(data: pd.DataFrame) -> pd.DataFrame:
    """One row per fracción, as people read it; values below the minimum count are empty (never a number)."""
    return pd.DataFrame({
        "Obligación": data["obligacion"], "Artículo y fracción": "Art. " + data["articulo"] + ", fr. " + data["fraccion"],
        "Evaluaciones ciudadanas": data["evaluaciones"].astype("int64"),
        "Ciudadanos: encontrada (%)": data["pct_encontrada"].round(1),
        "Ciudadanos: actualizada (%)": data["pct_actualizada"].round(1),
        "Ciudadanos: comprensión (1 a 5)": data["comprension_media"].round(1),
        "Verificadores: puntaje (%)": data["puntaje_verificacion"].round(1),
        "Veces verificada": data["evaluaciones_verificacion"].astype("int64"),
        "Diferencia (puntos)": data["diferencia"].round(1),
        "Desacuerdo": data["desacuerdo"].map({True: "Sí", False: "No"}),
    })


def comparison_summary(data: pd.DataFrame, mes: date) -> str:
    if data.empty:
        return f"Nadie evaluó las obligaciones de este ente en {window_words(mes)}"
    compared = data[data["diferencia"].notna()]
    text = (f"En {window_words(mes)}, las personas evaluaron {num(len(data))} fracciones de este ente "
            f"({num(data['evaluaciones'].sum())} evaluaciones); {num(len(compared))} tienen a la vez evaluaciones "
            "suficientes y verificación")
    split = data[data["desacuerdo"]]
    if split.empty:
        return text + f": en ninguna difieren {UMBRAL_DESACUERDO:g} puntos o más"
    top = split.iloc[0]
    return (text + f"; en {num(len(split))} difieren {UMBRAL_DESACUERDO:g} puntos o más. La mayor diferencia: "
            f"«{top['obligacion']}», ciudadanos {num(top['pct_encontrada'], 1)} % y verificadores "
            f"{num(top['puntaje_verificacion'], 1)} %")


def dumbbell(data: pd.DataFrame, top: int = 10) -> go.Figure:
    """Each compared fracción as a line from the verifiers' score to the citizens' % encontrada."""
    head = data[data["diferencia"].notna()].head(top).iloc[::-1]
    labels = [f"{short_name(o, 38)} ({a}-{f})" for o, a, f in zip(head["obligacion"], head["articulo"], head["fraccion"])]
    fig = go.Figure()
    for label, c, v in zip(labels, head["pct_encontrada"], head["puntaje_verificacion"]):
        fig.add_trace(go.Scatter(x=[v, c], y=[label, label], mode="lines", line=dict(color="#bdbdbd", width=3),
                                 showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=head["puntaje_verificacion"], y=labels, mode="markers", name="Verificadores",
                             marker=dict(color=VERIFICADORES, size=11), hovertemplate="%{y}: %{x:.1f} %<extra>Verificadores</extra>"))
    fig.add_trace(go.Scatter(x=head["pct_encontrada"], y=labels, mode="markers", name="Ciudadanos (encontrada)",
                             marker=dict(color=CIUDADANOS, size=11, symbol="diamond"),
                             hovertemplate="%{y}: %{x:.1f} %<extra>Ciudadanos</extra>"))
    fig.update_layout(xaxis=dict(title="0 a 100", range=[-5, 105], ticksuffix=" %"), yaxis=dict(title=""))
    return fig


def ente_comparison(ente_id: str, mes: date, key: str) -> None:
    """The ente's fracciones evaluated by citizens in the window, with the verifiers' scores; CSV."""
    data = read_evaluaciones.ente_comparison(ente_id, mes)
    layout.summary(comparison_summary(data, mes))
    if data.empty:
        return
    if data["diferencia"].notna().any():
        layout.show_figure(layout.style_figure(dumbbell(data), height=max(260, 34 * min(10, len(data)) + 120),
                                               legend_title="Quién evalúa"), key=f"fig_{key}")
    table = comparison_table(data)
    show_table(table, key=f"tabla_{key}", numbers={c: 1 for c in table.columns if "(%)" in c or "(1 a 5)" in c
                                                   or "puntos" in c})
    download_csv(table, f"ciudadanos_y_verificadores_{ente_id}_{mes:%Y-%m}.csv", key=f"csv_{key}")
    st.caption(md_escape(rule_caption()))


def rule_caption() -> str:
    return (f"Ambos lados reúnen {VENTANA_MESES} meses: las evaluaciones ciudadanas (encontrada: sí 1, parcialmente "
            "0.5, no 0; un valor se muestra a partir de 5 evaluaciones) y el puntaje promedio de los verificadores en "
            f"esos meses. Hay desacuerdo cuando difieren {UMBRAL_DESACUERDO:g} puntos o más (ver Metodología).")


def government_disagreements(mes: date, key: str, top: int = 15) -> None:
    """Every ente × fracción where citizens and verifiers disagree in the window, largest difference first."""
    data = read_evaluaciones.disagreements(mes)
    if data.empty:
        layout.summary(f"En {window_words(mes)} no hay fracciones en que ciudadanos y verificadores difieran "
                       f"{UMBRAL_DESACUERDO:g} puntos o más")
        return
    layout.summary(f"En {window_words(mes)}, ciudadanos y verificadores difieren {UMBRAL_DESACUERDO:g} puntos o más en "
                   f"{num(len(data))} fracciones de {num(data['ente_id'].nunique())} entes")
    table = pd.DataFrame({
        "Ente": [s if isinstance(s, str) and s else n for s, n in zip(data["siglas"], data["nombre_oficial"])],
        "Obligación": data["obligacion"], "Artículo y fracción": "Art. " + data["articulo"] + ", fr. " + data["fraccion"],
        "Ciudadanos: encontrada (%)": data["pct_encontrada"].round(1),
        "Evaluaciones ciudadanas": data["evaluaciones"].astype("int64"),
        "Verificadores: puntaje (%)": data["puntaje_verificacion"].round(1),
        "Diferencia (puntos)": data["diferencia"].round(1),
    })
    show_table(table_rows(table, key=f"tabla_{key}", noun="fracciones", which="las de mayor diferencia", head=top),
               key=f"tabla_{key}", numbers={"Ciudadanos: encontrada (%)": 1, "Verificadores: puntaje (%)": 1,
                                            "Diferencia (puntos)": 1})
    download_csv(table, f"desacuerdos_ciudadanos_verificadores_{mes:%Y-%m}.csv", key=f"csv_{key}")


def side_by_side_metrics(ente_id: str, tipo: str, periodo: str) -> None:
    """The period's verifiers' index beside the citizens' three values (each with its number of cases)."""
    values = read_evaluaciones.ente_summary(ente_id, tipo, periodo).set_index("indicador")
    evaluaciones = values.at["evaluacion_ciudadana_evaluaciones", "valor"] \
        if "evaluacion_ciudadana_evaluaciones" in values.index else 0
    for column, (indicador, label) in zip(st.columns(len(SIDE_BY_SIDE)), SIDE_BY_SIDE):
        if indicador not in values.index:
            column.metric(label, "sin datos", border=True)
            continue
        row = values.loc[indicador]
        shown = format_value(row["valor"], row["unidad"]) if row["suficiente"] else "datos insuficientes"
        cases = (f"{num(row['denominador'])} evaluaciones (mínimo {num(row['denominador_minimo'])})"
                 if indicador != VERIFICACION else None)
        column.metric(label, shown, border=True, help=cases)
    st.caption(md_escape(f"Evaluaciones ciudadanas en el periodo: {num(evaluaciones)}. Las de los ciudadanos "
                         "cuentan solo si no traen comentario o si la SABGOB aprobó el comentario."))


def evaluate_link(ente_id: str) -> None:
    st.page_link(EVALUAR, label="Evaluar una obligación de este ente", icon=":material/rate_review:",
                 query_params={"ente": ente_id})
