"""Plazos en riesgo: open requests overdue or due within N business days of the cut-off date."""
from __future__ import annotations

import streamlit as st

from common.formatting import fecha_es, md_escape, num
from pages.ui import calculadora, layout, plazos
from pages.ui.export import download_csv
from pages.ui.on_screen import chart_rows, table_rows
from pages.ui.tables import group_and_ente_filters, show_table
from warehouse import read


corte = layout.start_page("Plazos en riesgo")
if read.table_counts()["solicitud"] == 0:
    layout.no_data("Aún no hay solicitudes cargadas en el almacén.")
if corte is None:
    layout.no_data("El almacén no registra la fecha de corte de los datos; reconstrúyalo para ver esta página.")

c1, c2, c3 = st.columns([3, 3, 4])
with c1:
    dias = layout.url_int_slider("Días hábiles hacia adelante", 1, 15, "dias", 10,
                                 help="Se muestran las solicitudes vencidas y las que vencen dentro de este número "
                                      "de días hábiles contados desde la fecha de corte.")
grupo, ente = group_and_ente_filters(read.entes(), (c2, c3))
st.caption(md_escape(
    f"Solicitudes en proceso y sin respuesta al {fecha_es(corte)} cuya fecha límite ya pasó o llega en los "
    f"próximos {dias} días hábiles. No se muestra el texto de ninguna solicitud."))

calculator = layout.lazy_expander("Calculadora de plazos de una solicitud", "calculadora")
if calculator.open:
    with calculator:
        calculadora.render_calculator("calc_riesgo", corte)

view = plazos.plazos_view(corte, dias, grupo, ente)
if view is None:
    st.success(md_escape(f"No hay solicitudes abiertas vencidas ni por vencer en {dias} días hábiles con estos "
                         "filtros."), icon=":material/check_circle:")
    st.stop()

per_ente = view.per_ente
columns = plazos.bands(dias)
m1, m2, m3, m4 = st.columns(4)
m1.metric(plazos.HOY, num(per_ente[plazos.HOY].sum()), border=True)
m2.metric(plazos.PRONTO, num(per_ente[plazos.PRONTO].sum()), border=True)
m3.metric(f"Vencen en 4 a {dias} días hábiles" if dias > 3 else "Vencen después", num(
    per_ente[[c for c in columns if c in (plazos.DESPUES, plazos.LEJOS)]].sum().sum()), border=True)
m4.metric("Vencidas", num(per_ente["Vencidas"].sum()), border=True)
layout.summary(plazos.deadline_summary(per_ente, dias, corte))

layout.subheader("Por ente, por urgencia")
st.caption("Primero lo que vence pronto (aún a tiempo si se responde ya), luego lo vencido según su antigüedad.")
chart_rows(per_ente, noun="entes", which="los más urgentes", head=plazos.CHART_ENTES, tail=0)  # says what it shows
layout.show_figure(plazos.urgency_figure(corte, dias, grupo, ente), key="fig_plazos")
show_table(table_rows(per_ente, key="tabla_plazos", noun="entes", which="los más urgentes", search=["Ente", "Siglas"]),
           key="tabla_plazos", numbers={c: 0 for c in per_ente.columns[3:]}, widths={"Ente": 200})
download_csv(per_ente, f"plazos_en_riesgo_por_ente_{corte}.csv", key="csv_plazos_ente")

layout.subheader("Folios")
folios = view.folios
show_table(table_rows(folios, key="tabla_folios", noun="folios", which="los más urgentes"), key="tabla_folios",
           numbers={"Días hábiles restantes": 0})
download_csv(folios, f"plazos_en_riesgo_folios_{corte}.csv", key="csv_folios")
