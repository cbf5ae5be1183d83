"""Where an ente publishes its obligations: buttons to its transparency portal and to its page in the PNT, built only
from the ente catalog (data/catalogos/entes.csv, checked when it loads; common/links.py), never from input data nor
from what a visitor types. Shown on the Ficha del ente, Verificación and Evaluar una obligación."""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from common.formatting import md_escape
from common.links import pnt_url


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def render_ente_links(ente: Mapping) -> None:
    """Two buttons (portal, PNT) for one row of the ente catalog; without a PNT number the PNT's start page and how
    to find the ente there."""
    portal, pnt_id = _text(ente.get("url_portal_transparencia")), _text(ente.get("id_sujeto_obligado_pnt"))
    b1, b2 = st.columns(2)
    with b1:
        if portal:
            st.link_button("Portal de transparencia del ente", portal, icon=":material/open_in_new:", width="stretch")
        else:
            st.caption("No hay un enlace registrado al portal de transparencia de este ente.")
    with b2:
        st.link_button("Consultar en la PNT", pnt_url(pnt_id), icon=":material/travel_explore:", width="stretch")
    if not pnt_id:
        st.caption(md_escape(f"En la PNT elija «Quintana Roo» y la institución «{ente.get('nombre_oficial')}»."))
