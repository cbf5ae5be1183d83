"""Small block for the Ficha del ente: the ente's latest verification of transparency obligations.

Metrics and a link only (no table or chart), so the Ficha keeps its own exports; the detail and its CSV files
are on the Verificación page."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import fecha_es, md_escape, num
from warehouse import read_verification

PAGE = "pages/6_Verificacion.py"


def verification_block(ente_id: str) -> None:
    st.subheader("Verificación de obligaciones de transparencia", anchor=False)
    latest = read_verification.latest_for_ente(ente_id)
    if latest.empty:
        st.caption("Este ente aún no tiene verificaciones de obligaciones de transparencia cargadas.")
        return
    row = latest.iloc[0]
    fecha = pd.Timestamp(row["fecha"]).date()
    c1, c2, c3 = st.columns(3)
    delta = None if pd.isna(row["variacion"]) else f"{row['variacion']:+.1f} pts"
    c1.metric("Índice de cumplimiento (última verificación)", f"{num(row['indice'], 1)} %", delta=delta,
              delta_description="vs. verificación anterior" if delta else None, border=True)
    c2.metric("Fracciones incumplidas", num(row["fracciones_incumplidas"]), border=True)
    c3.metric("Fracciones evaluadas", f"{num(row['fracciones_evaluadas'])} de {num(row['fracciones_aplicables'])}",
              border=True, help="Fracciones que le aplican al ente según la tabla de aplicabilidad.")
    st.markdown(md_escape(
        f"Verificación {row['verificacion_id']} del {fecha_es(fecha)}: índice de {num(row['indice'], 1)} % con "
        f"{num(row['fracciones_incumplidas'])} fracciones por corregir."))
    st.page_link(PAGE, label="Ver el detalle y las observaciones en Verificación", icon=":material/fact_check:",
                 query_params={"ente": ente_id})
