"""Evaluar una obligación (public): a citizen picks an ente and one of its obligations in plain words, follows the
link to where it should be published, and says in three questions whether it is there. No name, e-mail nor
account; the comment waits for moderation. Built for a phone: one column, the form right under the links."""
from __future__ import annotations

import streamlit as st

from common.formatting import md_escape, num
from pages.ui import enlaces
from pages.ui import evaluar as form
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.on_screen import ente_picker
from pages.ui.tables import show_table
from participacion.abuse import local_day
from participacion.access_log import utc_now
from warehouse import read_evaluaciones

layout.start_page("Evaluar una obligación",
                  "¿Encontró lo que el ente debe publicar? Elija el ente y la obligación, ábrala en su portal o en la "
                  "Plataforma Nacional de Transparencia y responda tres preguntas. Toma menos de un minuto.")
hoy = local_day(utc_now())
entes = read_evaluaciones.entes(hoy)
if entes.empty:
    layout.no_data("Aún no hay entes en el catálogo del tablero.")
by_ente = entes.set_index("ente_id")
ente_id = ente_picker("Ente", entes["ente_id"].tolist(), "ente", entes["ente_id"].iloc[0],
                      format_func=lambda e: by_ente.at[e, "nombre_oficial"])
obligations = read_evaluaciones.obligations(ente_id, hoy)
if obligations.empty:
    layout.no_data("Este ente no tiene obligaciones de transparencia registradas para la ley vigente.")
obligations["clave"] = obligations["articulo"] + "-" + obligations["fraccion"]
by_key = obligations.set_index("clave")
clave = layout.url_selectbox("Obligación", obligations["clave"].tolist(), "obligacion", obligations["clave"].iloc[0],
                             format_func=lambda k: by_key.at[k, "nombre"])
obligation = by_key.loc[clave].to_dict()
st.caption(md_escape(f"Artículo {obligation['articulo']}, fracción {obligation['fraccion']} de la "
                     f"{obligation['ley_nombre'] or obligation['ley_version']}"))
if isinstance(obligation["texto_inicio"], str) and obligation["texto_inicio"]:
    st.caption(md_escape(f"Dice la ley: «{obligation['texto_inicio']}…»"))

# ---- where it should be published (links from the ente catalog only) ----------------------------------------
enlaces.render_ente_links(by_ente.loc[ente_id])

# ---- the three questions -----------------------------------------------------------------------------------
layout.subheader("Su evaluación")
form.render_form(obligation, ente_id)

# ---- what others said -----------------------------------------------------------------------------------------
layout.subheader("Lo que han dicho otras personas")
months = read_evaluaciones.months()
if months:
    mine = read_evaluaciones.ente_comparison(ente_id, months[0])
    mine = mine[(mine["articulo"] == obligation["articulo"]) & (mine["fraccion"] == obligation["fraccion"])]
    if not mine.empty and mine["pct_encontrada"].notna().iloc[0]:
        row = mine.iloc[0]
        layout.summary(f"En los 12 meses a la última actualización del tablero, {num(row['evaluaciones'])} personas "
                       f"evaluaron esta obligación: la encontraron en {num(row['pct_encontrada'], 1)} % (parcialmente "
                       "cuenta la mitad)"
                       + (f"; los verificadores le dieron {num(row['puntaje_verificacion'], 1)} de 100"
                          if row["puntaje_verificacion"] == row["puntaje_verificacion"] else ""))
comments = form.published_comments(ente_id, obligation)
if comments is None:
    st.caption("Los comentarios publicados no están disponibles en este momento.")
elif comments.empty:
    st.caption("Todavía no hay comentarios publicados sobre esta obligación de este ente.")
else:
    show_table(comments, key="tabla_comentarios")
    download_csv(comments, f"comentarios_{ente_id}_{clave}.csv", key="csv_comentarios")
