"""Moderación (internal, SABGOB): the citizens' comments waiting for a decision, approve or reject them with a
reason (who and when are logged), the decisions log with its CSV, and the attempts the abuse limits stopped."""
from __future__ import annotations

import streamlit as st

from common.formatting import md_escape, num
from pages.ui import gate, layout
from pages.ui import moderacion as view
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from participacion import config, moderation
from participacion.evaluations import StoreError

BLOQUEOS_DIAS = 7

layout.start_page("Moderación de comentarios ciudadanos",
                  "Los comentarios de la página «Evaluar una obligación» se publican solo cuando la SABGOB los "
                  "aprueba; una evaluación con comentario cuenta en los indicadores desde que se aprueba. Rechace los "
                  "que tengan datos personales que la máscara no quitó, ofensas, publicidad o texto sin sentido.")
quien = gate.moderator_identity()
try:
    store = gate.store()
    pending, decided = moderation.pending(store), moderation.decided(store)
    history, blocked = moderation.history(store), view.blocked_since(BLOQUEOS_DIAS)
    waiting, decisions = moderation.count_pending(store), moderation.count_decisions(store)
except (StoreError, config.StoreConfigError) as exc:
    st.error(md_escape(str(exc)), icon=":material/error:")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Comentarios pendientes", num(waiting), border=True)
c2.metric("Decisiones registradas", num(decisions), border=True)
c3.metric(f"Intentos bloqueados ({BLOQUEOS_DIAS} días)", num(int(blocked["intentos"].sum()) if not blocked.empty else 0),
          border=True)

layout.subheader("Pendientes")
if pending.empty:
    st.info("No hay comentarios pendientes de revisión.", icon=":material/done_all:")
else:
    table = view.evaluations_table(pending)
    layout.summary(f"{num(waiting)} comentarios esperan decisión; se muestran los {num(len(table))} más antiguos")
    show_table(table.drop(columns="Estado"), key="tabla_pendientes")
    download_csv(table.drop(columns="Estado"), "moderacion_pendientes.csv", key="csv_pendientes")
    view.decision_form(pending, table, "pendiente", quien, "Comentario por decidir")

with st.expander("Cambiar una decisión ya tomada"):
    if decided.empty:
        st.caption("Aún no hay comentarios decididos.")
    else:
        view.decision_form(decided, view.evaluations_table(decided), "decidida", quien, "Comentario decidido")

view.table_section("Decisiones", view.history_table(history) if not history.empty else None,
                   "Aún no hay decisiones registradas.", "moderacion_decisiones.csv", "decisiones")
view.table_section(f"Intentos bloqueados en los últimos {BLOQUEOS_DIAS} días",
                   view.blocked_table(blocked) if not blocked.empty else None, "Ningún intento bloqueado.",
                   "intentos_bloqueados.csv", "bloqueos")
