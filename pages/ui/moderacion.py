"""Frames and the decision form of the Moderación page (internal, SABGOB): the comments waiting, a decision
(approve, or reject with a reason), the decisions log and the attempts the limits stopped.

Comments are outside text: they reach only dataframe cells and st.text, never Markdown nor HTML."""
from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from common.formatting import md_escape
from pages.ui import gate, layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from participacion import config, moderation
from participacion.abuse import HORA_QROO
from participacion.access_log import utc_now
from participacion.evaluations import ACTUALIZADA, ENCONTRADA, StoreError
from participacion.moderation import BLOQUEOS, DECISIONES, MOTIVOS_RECHAZO, ModerationError
from warehouse import read_evaluaciones

OTRO = "Otro"
_DONE = "_moderacion_resultado"


def local_time(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column).dt.tz_localize("UTC").dt.tz_convert(HORA_QROO).dt.strftime("%d/%m/%Y %H:%M")


def evaluations_table(data: pd.DataFrame) -> pd.DataFrame:
    """Evaluations with their comment, labelled for people (Quintana Roo time)."""
    entes, obligations = read_evaluaciones.names()
    keys = data["ley_version"] + " " + data["articulo"] + "-" + data["fraccion"]
    return pd.DataFrame({
        "Recibida": local_time(data["registrada_en"]), "Ente": data["ente_id"].map(lambda e: entes.get(e, e)),
        "Obligación": [f"{obligations.get(k, k)} (art. {a}, fr. {f})" for k, a, f in
                       zip(keys, data["articulo"], data["fraccion"])],
        "¿La encontró?": data["encontrada"].map(ENCONTRADA), "¿Actualizada?": data["actualizada"].map(ACTUALIZADA),
        "¿Se entiende?": data["comprension"].astype("int64"), "Comentario": data["comentario"],
        "Estado": data["estado"].map(lambda e: DECISIONES.get(e, "Pendiente")),
        "Id": data["evaluacion_id"].str[:8],
    })


def history_table(data: pd.DataFrame) -> pd.DataFrame:
    entes, _ = read_evaluaciones.names()
    return pd.DataFrame({
        "Decidida": local_time(data["decidida_en"]), "Decisión": data["decision"].map(DECISIONES),
        "Motivo": data["motivo"], "Quién": data["quien"], "Ente": data["ente_id"].map(lambda e: entes.get(e, e)),
        "Id": data["evaluacion_id"].str[:8],
    })


def blocked_table(data: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"Motivo": data["motivo"].map(lambda m: BLOQUEOS.get(m, m)),
                         "Intentos": data["intentos"].astype("int64")})


def table_section(title: str, shown: pd.DataFrame | None, empty: str, filename: str, key: str) -> None:
    """A titled table with its CSV, or a line saying there is nothing."""
    layout.subheader(title)
    if shown is None:
        st.caption(empty)
        return
    show_table(shown, key=f"tabla_{key}")
    download_csv(shown, filename, key=f"csv_{key}")


def blocked_since(days: int) -> pd.DataFrame:
    return moderation.blocked(gate.store(), utc_now() - timedelta(days=days))


def decision_form(data: pd.DataFrame, table: pd.DataFrame, key: str, quien: str, label: str) -> None:
    """Pick one evaluation of `data` (its rows labelled by `table`), read its comment, decide."""
    shown = st.session_state.pop(_DONE, None)
    if shown:
        st.success(md_escape(shown), icon=":material/check_circle:")
    labels = {i: f"{r['Id']} · {r['Ente']} · {r['Obligación']} · {r['Recibida']}"
              for i, (_, r) in zip(data["evaluacion_id"], table.iterrows())}
    chosen = st.selectbox(label, list(labels), format_func=labels.get, key=f"{key}_elegida")
    row = data.set_index("evaluacion_id").loc[chosen]
    st.caption("Comentario (tal como se guardó, con los datos personales ya ocultos):")
    st.text(row["comentario"])
    with st.form(f"{key}_form", border=True, enter_to_submit=False):
        options = [d for d in DECISIONES if d != row["estado"]]
        decision = st.radio("Decisión", options, format_func=lambda d: {"aprobada": "Aprobar y publicar",
                                                                          "rechazada": "Rechazar"}[d],
                            horizontal=True, key=f"{key}_decision")
        motivo = st.selectbox("Motivo del rechazo", MOTIVOS_RECHAZO, index=None, key=f"{key}_motivo",
                              placeholder="Elija el motivo (solo al rechazar)")
        detalle = st.text_input("Detalle del motivo (opcional; obligatorio con «Otro»)", key=f"{key}_detalle")
        sent = st.form_submit_button("Guardar decisión", type="primary", icon=":material/gavel:")
    if not sent:
        return
    reason = None
    if decision == "rechazada":
        if motivo is None or (motivo == OTRO and not detalle.strip()):
            st.warning("Para rechazar elija el motivo (y, con «Otro», escriba el detalle).", icon=":material/edit:")
            return
        reason = motivo if motivo != OTRO else detalle.strip()
        if motivo != OTRO and detalle.strip():
            reason = f"{motivo}: {detalle.strip()}"
    try:
        moderation.decide(gate.store(), chosen, decision, quien, motivo=reason, estado_visto=row["estado"])
    except (ModerationError, StoreError, config.StoreConfigError) as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        return
    st.session_state[_DONE] = (f"Evaluación {chosen[:8]}: {DECISIONES[decision].lower()}. Queda registrado quién y "
                               "cuándo decidió; cuenta en los indicadores desde la próxima actualización del tablero."
                               if decision == "aprobada" else
                               f"Evaluación {chosen[:8]}: rechazada ({reason}). No se publica ni cuenta en los "
                               "indicadores.")
    st.rerun()
