"""Ranking: entes ordered by one indicator in one period, optionally within a peer group."""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from common.formatting import chart_text, decimals_for, format_value, md_escape, periodo_corto, periodo_es, short_name
from indicators.periods import previous_period
from indicators.semaforo import COLORS, SIN_SEMAFORO, rank_entes, semaforo
from pages.ui import indicadores, layout, ranking
from pages.ui.export import download_csv
from pages.ui.indice import render_level_explanation
from pages.ui.layout import TODOS
from pages.ui.on_screen import chart_rows, table_rows
from pages.ui.stats import movement, wilson
from pages.ui.tables import selected_row, show_table
from warehouse import read

DEFAULT_INDICADOR = "indice_desempeno"

corte = layout.start_page("Ranking de entes")
definitions = read.indicator_definitions()
if definitions.empty or read.table_counts()["indicador_valor"] == 0:
    layout.no_data("Aún no hay datos de solicitudes cargados en el almacén.")
by_id = definitions.set_index("indicador")

c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
with c1:
    indicador = layout.url_selectbox("Indicador", definitions["indicador"].tolist(), "indicador",
                                     DEFAULT_INDICADOR, format_func=lambda i: by_id.at[i, "nombre"])
selection = layout.period_filters(lambda t: read.periods(t)["periodo"].tolist(), corte, containers=(c2, c3),
                                  radio=False)
if selection is None:
    layout.no_data("Aún no hay indicadores calculados para este tipo de periodo.")
tipo, periodo = selection
with c4:
    groups = read.peer_groups()
    grupo = layout.url_selectbox("Grupo de pares", [TODOS, *groups], "grupo", TODOS,
                                 format_func=lambda g: "Todos los grupos" if g == TODOS else g)

ind = by_id.loc[indicador]
unidad, direccion = ind["unidad"], ind["direccion"]
value_format = "%" if unidad == "%" else decimals_for(unidad)
st.caption(md_escape(ranking.indicator_rule(ind)))

values = read.ente_values(indicador, tipo, periodo, None if grupo == TODOS else grupo)
values["siglas"] = values["siglas"].fillna("")
if values.empty:
    layout.no_data(f"No hay valores de este indicador para los entes en {periodo_es(tipo, periodo)}.")
ranked, apart = rank_entes(values, direccion)
ranked["semaforo"] = [semaforo(v, direccion, ind["umbral_verde"], ind["umbral_amarillo"]) for v in ranked["valor"]]
# Short labels (siglas, or the name cut at a word) so a phone keeps room for the bars; the full name is in the hover.
ranked["etiqueta"] = [s if s else short_name(n, 22) for s, n in zip(ranked["siglas"], ranked["nombre"])]
dup = ranked["etiqueta"].duplicated(keep=False)
if dup.any():  # with every ente set apart, "etiqueta" is an empty float column and "+ ' · '" would raise
    ranked.loc[dup, "etiqueta"] = ranked.loc[dup, "etiqueta"] + " · " + ranked.loc[dup, "ente_id"]

where = "todos los entes" if grupo == TODOS else f"el grupo «{grupo}»"
layout.subheader(f"{ind['nombre']} en {periodo_es(tipo, periodo)}, {where}")
layout.summary(ranking.ranking_summary(ranked, apart, ind["nombre"], unidad, tipo, periodo,
                                         indicadores.semaforo_counts(ranked["semaforo"])))

if not ranked.empty:
    chart = pd.DataFrame({
        "Lugar": ranked["lugar"], "Ente": ranked["nombre"], "Siglas": ranked["etiqueta"],
        "Valor": ranked["valor"].round(1), "Semáforo": ranked["semaforo"], "ente_id": ranked["ente_id"],
    })
    chart = chart_rows(chart, noun="entes ordenados", which="los primeros y los últimos lugares")
    chart["Texto"] = [format_value(v, unidad) for v in chart["Valor"]]
    plot = chart.assign(Ente=chart["Ente"].map(chart_text), Siglas=chart["Siglas"].map(chart_text))
    fig = px.bar(plot, x="Valor", y="Siglas", color="Semáforo", orientation="h", text="Texto",
                 color_discrete_map=COLORS, hover_name="Ente", custom_data=["ente_id"],
                 hover_data={"Lugar": True, "Siglas": False, "Texto": False, "Valor": ":,.1f", "ente_id": False},
                 category_orders={"Siglas": plot["Siglas"].tolist(),
                                  "Semáforo": [k for k in COLORS if k in set(chart["Semáforo"])]})
    fig.update_traces(textposition="outside", cliponaxis=False)
    fig.update_layout(xaxis_title=f"{ind['nombre']} ({unidad})", yaxis_title="",
                      xaxis=dict(tickformat=",.0f", range=[0, max(float(chart["Valor"].max()), 1.0) * 1.15]))
    if pd.notna(ind["meta"]):
        layout.goal_line(fig, float(ind["meta"]), f"Meta: {format_value(ind['meta'], unidad)}", color="#444")
    st.caption("Haga clic en una barra o en una fila de la tabla para abrir la ficha de ese ente en el mismo periodo.")
    clicked = layout.clicked_point(layout.show_figure(
        layout.style_figure(fig, height=max(320, 28 * len(chart) + 120),
                            legend=ranked["semaforo"].ne(SIN_SEMAFORO).any() or pd.notna(ind["meta"])),
        key="fig_ranking", clickable=True))
    if clicked and clicked.get("customdata"):
        layout.open_ficha(clicked["customdata"][0], tipo, periodo)
    download_csv(chart.drop(columns=["Texto", "ente_id"]),
                 f"ranking_grafica_{indicador}_{periodo}.csv", key="csv_grafica",
                 label="Descargar datos de la gráfica (CSV)", periodo=periodo)

    st.markdown("**Tabla del ranking**")
    # Movement against the previous period, ranked the same way (same indicator and peer-group filter).
    # The entes ranked now, each valued in the previous period through its predecessors (a renamed ente keeps its
    # place to compare with).
    before, _ = rank_entes(read.ente_values_before(indicador, tipo, periodo, previous_period(tipo, periodo),
                                                   None if grupo == TODOS else grupo), direccion)
    places_before = dict(zip(before["ente_id"], before["lugar"]))
    states = layout.period_states()
    preliminary = states.is_preliminary(tipo, periodo) or states.is_preliminary(tipo, previous_period(tipo, periodo))
    move_column = f"Cambio vs. {periodo_corto(tipo, previous_period(tipo, periodo))}" + (
        " (preliminar)" if preliminary else "")
    if preliminary:
        st.caption("El cambio de lugar es preliminar: uno de los dos periodos tiene solicitudes dentro de su plazo.")
    # The ente, its value, semáforo and movement first (what a phone shows without scrolling); counts after.
    table = pd.DataFrame({
        "Lugar": ranked["lugar"], "Ente": ranked["etiqueta"], f"Valor ({unidad})": ranked["valor"].round(1),
        "Semáforo": ranked["semaforo"],
        move_column: [movement(int(p), places_before.get(e)) for p, e in zip(ranked["lugar"], ranked["ente_id"])],
        "Nombre completo": ranked["nombre"], "Grupo de pares": ranked["grupo_pares"],
        "Numerador": ranked["numerador"], "Denominador": ranked["denominador"],
    })
    proportion = unidad == "%" and ind.get("tipo") == "razon"
    if proportion:  # how sure each percentage is: a small denominator gives a wide interval
        bounds = [wilson(n, d) or (None, None) for n, d in zip(ranked["numerador"], ranked["denominador"])]
        table["Intervalo 95 %: inferior"] = [None if b[0] is None else round(b[0], 1) for b in bounds]
        table["Intervalo 95 %: superior"] = [None if b[1] is None else round(b[1], 1) for b in bounds]
        st.caption("El intervalo de 95 % (de Wilson) muestra cuánto podría variar cada porcentaje por el número de "
                   "casos: entes cuyos intervalos se traslapan no son distinguibles con certeza, aunque tengan "
                   "lugares distintos.")
    table["ente_id"] = ranked["ente_id"]  # hidden on screen (a row opens the ente's Ficha); a key in the CSV
    shown = table_rows(table, key="tabla_ranking", noun="entes", which="los primeros y los últimos lugares",
                       search=["Ente", "Nombre completo"], head=50, tail=50)
    row = selected_row(show_table(shown, key="tabla_ranking", numbers={"Lugar": 0, f"Valor ({unidad})": value_format,
                                                                       "Numerador": 0, "Denominador": 0,
                                                                       "Intervalo 95 %: inferior": 1,
                                                                       "Intervalo 95 %: superior": 1},
                                  selectable=True, hidden=["ente_id"],
                                  widths={"Lugar": 52, "Ente": 120, f"Valor ({unidad})": 90}))
    if row is not None:
        layout.open_ficha(shown["ente_id"].iloc[row], tipo, periodo)
    download_csv(table,
                 f"ranking_{indicador}_{periodo}.csv", key="csv_ranking", periodo=periodo)

if indicador == DEFAULT_INDICADOR:
    states = layout.period_states()
    render_level_explanation("gobierno" if grupo == TODOS else "grupo", "GEQROO" if grupo == TODOS else grupo, tipo,
                             periodo, preliminar=states.is_preliminary(tipo, periodo))

if not apart.empty:
    st.markdown("**Datos insuficientes o sin datos (no se ordenan)**")
    minimo = ind["denominador_minimo"]
    st.caption(md_escape(
        "Estos entes no alcanzan el mínimo de casos para que el indicador sea confiable"
        + (f" ({format_value(minimo, 'solicitudes')} en el denominador)" if pd.notna(minimo) else "")
        + ", o no tienen valor en el periodo" + ("; el índice de una sola dimensión no se muestra como número"
                                                   if ind.get("tipo") == "compuesto" else "") + "."))
    # An index without enough data (one dimension) is never shown as a number; a value resting on too few cases
    # is shown, marked; with no cases at all, "sin datos".
    compuesto = ind.get("tipo") == "compuesto"
    none = apart["valor"].isna() & apart["denominador"].fillna(0).eq(0) & (not compuesto)
    insuf = pd.DataFrame({
        "Ente": apart["nombre"], "Siglas": apart["siglas"], "Grupo de pares": apart["grupo_pares"],
        f"Valor ({unidad})": None if compuesto else apart["valor"].round(1), "Numerador": None if compuesto
        else apart["numerador"], "Denominador": apart["denominador"],
        "Situación": ["Sin datos" if n else "Datos insuficientes" for n in none],
    })
    show_table(table_rows(insuf, key="tabla_insuficientes", noun="entes", which="en orden alfabético",
                          search=["Ente", "Siglas"]), key="tabla_insuficientes", numbers={f"Valor ({unidad})": value_format, "Numerador": 0,
                                                          "Denominador": 0})
    download_csv(insuf, f"ranking_insuficientes_{indicador}_{periodo}.csv", key="csv_insuficientes", periodo=periodo)
