"""Verificación: compliance with transparency obligations, fracción by fracción (ente × fracción heatmap, the
most failed fracciones, and each ente's monthly compliance chart with what it must fix)."""
from __future__ import annotations

import streamlit as st

from common.formatting import fecha_es, law_label, md_escape
from pages.ui import ciudadanos, enlaces, layout
from pages.ui import verificacion as view
from pages.ui.export import download_csv
from pages.ui.on_screen import ente_picker, say_shown, table_rows
from pages.ui.tables import selected_row, show_table
from warehouse import read, read_verificacion

MAPA_MAX_ENTES = 60  # rows of the ente × fracción map; beyond it, the entes with the lowest scores

INDICADOR = "indice_cumplimiento_obligaciones"

layout.start_page(
    "Verificación de obligaciones de transparencia",
    "Resultados de las verificaciones de lo que cada ente publica en su portal y en la PNT, fracción por "
    "fracción. Puntaje de una fracción calificada por criterios: 100 × (0.8 × promedio de criterios sustantivos "
    "+ 0.2 × promedio de adjetivos); índice del ente: promedio de sus fracciones aplicables evaluadas. "
    "Una fracción que no aplica al ente se muestra como N/A y no cuenta.",
)
reviews = read_verificacion.reviews()
if reviews.empty:
    layout.no_data("Aún no hay verificaciones de obligaciones de transparencia cargadas en el almacén "
                   "(carpeta data/inputs/verificaciones/).")
st.caption(md_escape(f"Última verificación: {fecha_es(reviews['fecha'].max().date())}."))
by_review = reviews.set_index("verificacion_id")

c1, c2 = st.columns([3, 4])
with c1:
    verificacion = layout.url_selectbox("Verificación", reviews["verificacion_id"].tolist(), "verificacion",
                                        reviews["verificacion_id"].iloc[0],
                                        format_func=lambda v: view.review_label(by_review.loc[v].to_dict()
                                                                               | {"verificacion_id": v}))
review = by_review.loc[verificacion].to_dict() | {"verificacion_id": verificacion}

data = view.review_view(verificacion, MAPA_MAX_ENTES)  # frames and CSV bytes, built once per warehouse file

# ---- heatmap ente × fracción ------------------------------------------------------------------------------
layout.subheader(f"Mapa de cumplimiento por ente y fracción ({law_label(review['ley_version'])})")
layout.summary(view.heatmap_summary(data.totals, review))
if data.totals["entes"] > MAPA_MAX_ENTES:  # thousands of rows × 48 cells cannot be read (nor drawn quickly)
    say_shown("El mapa", data.entes_en_mapa, data.totals["entes"], "entes", "los de menor índice; el CSV del mapa es "
              "el de estos entes", "la tabla del índice, abajo, y su CSV tienen la lista completa")
# A phone gets the list first (a map of 48 columns is unreadable on 390 px); both forms are always offered, since
# the server cannot know the screen's width, only whether the browser says it is a phone. Only the open tab is drawn
# (a tab switch reruns the page; ?vista= names the tab in the URL): the map is most of what the browser draws.
mapa_tab, lista_tab = st.tabs(["Mapa", "Lista de lo que falla"], key="vista", bind="query-params",
                              default="Lista de lo que falla" if layout.on_phone() else "Mapa")
mes = f"{review['fecha'].year}-{review['fecha'].month:02d}"  # the review's month: the Ficha opens on it
with mapa_tab:
    if mapa_tab.open:
        st.caption("Un clic en una celda abre la ficha de ese ente en el mes de la verificación.")
        event = layout.show_figure(view.map_figure(verificacion, MAPA_MAX_ENTES), key="fig_mapa", clickable=True)
        st.caption("Verde: cumple; rojo: no cumple; gris con N/A: la fracción no aplica al ente; "
                   "en blanco: no se evaluó en esta verificación.")
        if clicked := view.clicked_ente(data.heatmap, layout.clicked_point(event)):
            layout.open_ficha(clicked, "mes", mes)
with lista_tab:
    if lista_tab.open:
        if data.fallas.empty:
            st.info("Ningún ente del mapa tiene fracciones incumplidas en esta verificación.", icon=":material/info:")
        else:
            st.caption("Cada fracción que un ente del mapa no cumple del todo, el ente con menor índice primero. "
                       "Un clic en una fila abre la ficha de ese ente en el mes de la verificación.")
            fallas = table_rows(data.fallas, key="tabla_fallas", noun="fracciones incumplidas",
                                which="las de los entes con menor índice", rest="el CSV del mapa tiene todas sus celdas")
            row = selected_row(show_table(fallas, key="tabla_fallas", selectable=True, hidden=["ente_id"],
                                          numbers={"Puntaje (%)": 1, "Índice del ente (%)": 1},
                                          widths={"Ente": 90, "Fracción": 70, "Puntaje (%)": 80, "Obligación": 260}))
            if row is not None:
                layout.open_ficha(fallas["ente_id"].iloc[row], "mes", mes)
view.download(data.mapa_csv, f"verificacion_mapa_{verificacion}.csv", key="csv_mapa",
              label="Descargar el mapa (CSV)")

# ---- index per ente ---------------------------------------------------------------------------------------
layout.subheader("Índice de cumplimiento por ente")
layout.summary(view.entes_summary(data.entes))
st.caption("Un clic en una fila abre la ficha de ese ente en el mes de la verificación.")
entes = table_rows(data.entes, key="tabla_entes", noun="entes", which="los de mayor y los de menor índice",
                   search=["Ente", "Siglas"], head=50, tail=50)
row = selected_row(show_table(entes, key="tabla_entes", numbers={"Índice (%)": 1, view.VARIACION: 1},
                              selectable=True, hidden=["ente_id"]))
if row is not None:
    layout.open_ficha(entes["ente_id"].iloc[row], "mes", mes)
view.download(data.entes_csv, f"verificacion_indice_entes_{verificacion}.csv", key="csv_entes")

# ---- most failed fracciones -------------------------------------------------------------------------------
layout.subheader("Fracciones más incumplidas en el gobierno")
layout.summary(view.fracciones_summary(data.fracciones))
layout.show_figure(view.fracciones_chart(verificacion, MAPA_MAX_ENTES), key="fig_fracciones")
view.download(data.fracciones_top_csv, f"verificacion_fracciones_top_{verificacion}.csv", key="csv_fracciones_top",
              label="Descargar datos de la gráfica (CSV)")
show_table(data.fracciones, key="tabla_fracciones", numbers={"% de entes que incumplen": 1,
                                                             "Puntaje promedio (%)": 1})
view.download(data.fracciones_csv, f"verificacion_fracciones_{verificacion}.csv", key="csv_fracciones")

# ---- one ente: monthly chart and what to fix --------------------------------------------------------------
layout.subheader("Gráfica mensual de cumplimiento por ente")
ente_ids, ente_names = view.ente_options()
with c2:
    ente_id = ente_picker("Ente", ente_ids, "ente", ente_ids[0], format_func=ente_names.get)
nombre = ente_names[ente_id]
catalogo = read.entes().set_index("ente_id")
if ente_id in catalogo.index:
    enlaces.render_ente_links(catalogo.loc[ente_id])
definitions = read.indicator_definitions().set_index("indicador")
meta = definitions.at[INDICADOR, "meta"] if INDICADOR in definitions.index else None
own = read.trend("ente", ente_id, [INDICADOR], "mes")
if own.empty:
    st.info("Este ente no tiene índice mensual todavía.")
else:
    trend = view.trend_frame(own, read.trend("gobierno", "GEQROO", [INDICADOR], "mes"),
                             read_verificacion.in_force_for_ente(ente_id))
    layout.summary(view.trend_summary(trend, nombre))
    layout.show_figure(view.trend_chart(trend, meta), key="fig_tendencia_ente")
    st.caption("Cada mes es el índice de una sola verificación, la vigente: la última del ente del primer tipo con una "
               "vigente (vinculante, luego diagnóstica, mensual y seguimiento); nunca mezcla tipos. Un mes sin "
               "verificación conserva ese resultado hasta la siguiente de su tipo y a lo más 12 meses. La columna "
               "«Verificación vigente» dice de qué tipo y fecha es cada cifra.")
    download_csv(trend, f"verificacion_mensual_{ente_id}.csv", key="csv_tendencia")

layout.subheader("Lo que falla ahora")
failing = view.failing_table(read_verificacion.failing_now(ente_id))
layout.summary(view.failing_summary(failing, nombre))
if not failing.empty:
    show_table(failing, key="tabla_pendientes", numbers={"Puntaje (%)": 1})
    download_csv(failing, f"verificacion_pendientes_{ente_id}.csv", key="csv_pendientes")

# ---- citizens beside the verifiers (pages/ui/ciudadanos.py) ------------------------------------------------
mes_revision = review["fecha"].date().replace(day=1)
layout.subheader("Ciudadanos y verificadores, fracción por fracción")
ciudadanos.ente_comparison(ente_id, mes_revision, "ciudadanos_ente")
ciudadanos.evaluate_link(ente_id)
layout.subheader("Dónde más difieren ciudadanos y verificadores (todos los entes)")
ciudadanos.government_disagreements(mes_revision, "desacuerdos")
