"""The citizen's form of "Evaluar una obligación": three questions, an optional comment and a field people never
see (a honeypot), sent to the participación store under the abuse limits (participacion/evaluations.py).

Everything that comes from outside (the comment, the published comments) is drawn as plain text: a caption or a
dataframe cell, never Markdown nor HTML. Errors of the store answer in Spanish, never with a traceback.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import md_escape
from common.secret import secret
from pages.ui import gate
from participacion import config, evaluations
from participacion.abuse import HORA_QROO, MAX_COMENTARIO, LimitsError, client_key, load_limits
from participacion.access_log import utc_now
from participacion.evaluations import ACTUALIZADA, ENCONTRADA, Answers, Origin, StoreError

COMPRENSION = {n: str(n) for n in range(1, 6)}
_GENERATION = "_evaluacion_generacion"   # a new generation gives the form fresh, empty widgets after a send
_OUTCOME = "_evaluacion_resultado"


def render_form(obligation: dict, ente_id: str) -> None:
    """The form for one obligation of one ente; on send, stores it and says what happened."""
    gen = st.session_state.setdefault(_GENERATION, 0)
    shown = st.session_state.pop(_OUTCOME, None)
    if shown:
        (st.success if shown["guardada"] else st.warning)(md_escape(shown["mensaje"]),
                                                           icon=":material/check_circle:" if shown["guardada"]
                                                           else ":material/block:")
    with st.form(f"evaluacion_{gen}", border=True, enter_to_submit=False):
        encontrada = st.radio("¿La encontró?", list(ENCONTRADA), format_func=ENCONTRADA.get, index=None,
                              horizontal=True, key=f"eval_encontrada_{gen}")
        actualizada = st.radio("¿Está actualizada?", list(ACTUALIZADA), format_func=ACTUALIZADA.get, index=None,
                               horizontal=True, key=f"eval_actualizada_{gen}",
                               help="Con la fecha del periodo que informa y la de su última actualización.")
        comprension = st.radio("¿Se entiende? (1: nada · 5: muy bien)", list(COMPRENSION), format_func=COMPRENSION.get,
                               index=None, horizontal=True, key=f"eval_comprension_{gen}")
        comentario = st.text_area(f"Comentario (opcional, hasta {MAX_COMENTARIO} caracteres)", max_chars=MAX_COMENTARIO,
                                  key=f"eval_comentario_{gen}", height=90,
                                  placeholder="Qué encontró o qué falta. No escriba su nombre, correo ni teléfono.")
        # The honeypot: a 1-pixel box a person never sees nor reaches; a program filling every field fills it.
        with st.container(height=1, width=1, border=False, gap=None, key="campo_trampa"):
            trampa = st.text_input("Deje este campo vacío", key=f"eval_sitio_{gen}", autocomplete="off")
        sent = st.form_submit_button("Enviar evaluación", type="primary", icon=":material/send:", width="stretch")
    st.caption("No se pide nombre, correo ni cuenta. Su comentario se publica solo después de que la SABGOB lo revisa, "
               "y los correos, teléfonos, CURP y RFC que escriba se ocultan antes de guardarlo.")
    if sent:
        answers = Answers(ente_id, obligation["ley_version"], obligation["articulo"], obligation["fraccion"],
                          encontrada or "", actualizada or "", comprension or 0, comentario or None)
        _send(answers, trampa or "")


def _send(answers: Answers, trampa: str) -> None:
    problem = answers.problem()
    if problem:  # the answers stay on screen to be completed
        st.warning(md_escape(problem), icon=":material/edit:")
        return
    try:
        now = utc_now()
        origin = Origin(gate.session_id(), client_key(st.context.ip_address, secret(), now), trampa)
        outcome = evaluations.submit(gate.store(), answers, origin, load_limits(), now=now)
    except (StoreError, config.StoreConfigError, LimitsError) as exc:
        st.error(md_escape(f"No pudimos guardar su evaluación: {exc}"), icon=":material/error:")
        return
    st.session_state[_OUTCOME] = {"guardada": outcome.estado in ("registrada", "trampa"), "mensaje": outcome.mensaje}
    if outcome.estado in ("registrada", "trampa", "repetida"):
        st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1   # an empty form for the next one
    st.rerun()


def published_comments(ente_id: str, obligation: dict) -> pd.DataFrame | None:
    """The approved comments on the obligation, newest first, as a table of plain text (None: store unavailable)."""
    try:
        data = evaluations.published_comments(gate.store(), ente_id, obligation["ley_version"],
                                              obligation["articulo"], obligation["fraccion"])
    except (StoreError, config.StoreConfigError):
        return None
    sent = pd.to_datetime(data["registrada_en"]).dt.tz_localize("UTC").dt.tz_convert(HORA_QROO)
    return pd.DataFrame({
        "Fecha": sent.dt.strftime("%d/%m/%Y"),
        "¿La encontró?": data["encontrada"].map(ENCONTRADA), "¿Actualizada?": data["actualizada"].map(ACTUALIZADA),
        "¿Se entiende? (1 a 5)": data["comprension"].astype("int64"), "Comentario": data["comentario"],
    })
