"""Unidades de Transparencia: which UT is below the minimum staff of its tier (data/catalogos/perfil_ut.toml)."""
from __future__ import annotations

import streamlit as st

from common.formatting import md_escape
from pages.ui import layout, unidades
from pages.ui.export import download_csv
from pages.ui.tables import group_and_ente_filters, show_table
from warehouse import read, read_unidades

corte = layout.start_page(
    "Unidades de Transparencia",
    "Personal de cada Unidad de Transparencia frente al mínimo de su nivel, que depende de las solicitudes que el ente "
    "recibió en los 12 meses que terminan con el periodo.")
if read.table_counts()["solicitud"] == 0:
    layout.no_data("Aún no hay solicitudes cargadas en el almacén.")
st.caption(md_escape(unidades.POR_CONFIRMAR))

c1, c2, c3, c4 = st.columns([2, 2, 3, 3])
selection = layout.period_filters(lambda t: read.periods(t)["periodo"].tolist(), corte, containers=(c1, c2))
if selection is None:
    layout.no_data("Aún no hay indicadores calculados para este tipo de periodo.")
tipo, periodo = selection
grupo, ente = group_and_ente_filters(read.entes(), (c3, c4))

profiles = read_unidades.ut_profiles(tipo, periodo, grupo, ente)
if profiles.empty:
    layout.no_data("No hay entes con solicitudes en este periodo con estos filtros.")
table = unidades.profile_table(profiles)
layout.summary(unidades.profile_summary(table, tipo, periodo))
solo = st.toggle("Solo las que están por debajo de su perfil", value=True, key="solo_bajo_perfil")
shown = table[table["Situación"] == "Por debajo de su perfil"] if solo else table
if shown.empty:
    st.success("Ninguna Unidad de Transparencia está por debajo de su perfil con estos filtros.",
               icon=":material/check_circle:")
else:
    show_table(shown, key="tabla_ut", numbers={"Solicitudes en 12 meses": 0, "Meses con datos": 0,
                                               "Personal mínimo": 0, "Personal de la UT": 0, "Faltan": 0})
    download_csv(shown, f"unidades_transparencia_{periodo}.csv", key="csv_ut")

layout.subheader("Niveles y perfil mínimo de cada Unidad de Transparencia")
unidades.render_tiers()
