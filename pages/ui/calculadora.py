"""The deadline calculator (Guía para solicitar información and Plazos en riesgo): a filing date and time, the type
of request, an extension and a prevención in; the official receipt, the deadlines and every non-working day skipped
out, from the one deadline function the indicators use (warehouse/read_plazos.py → indicators/plazos.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from common.formatting import fecha_es, md_escape
from indicators.plazos import Plazo, PlazoError
from pages.ui.tables import show_table
from warehouse import read_plazos

TIPOS = {"informacion_publica": "Información pública", "datos_personales": "Datos personales (derechos ARCOP)"}
AMBITOS = {"estatal": "Dependencia o entidad del Gobierno del Estado", "federal": "Institución federal"}
FIRST, LAST = dt.date(2017, 1, 1), dt.date(2031, 12, 31)


def _d(d: dt.date | None) -> str:
    return "—" if d is None else f"{d:%d/%m/%Y}"


def explanation(presentada: dt.datetime, p: Plazo) -> str:
    """The calculation in words, as a citizen checks it."""
    when = f"Presentada el {fecha_es(presentada.date())} a las {presentada:%H:%M}"
    if p.fuera_de_horario:
        when += ", después de la hora de cierre de la oficina"
    text = f"{when}, se tiene por recibida el {fecha_es(p.recepcion)}."
    ley = f"{p.ley_nombre or p.ley_version}{'' if p.ley_confirmada else ' (plazos por confirmar)'}"
    if p.interrumpido:
        return (text + f" Con la {ley}, el plazo está interrumpido por la prevención: vuelve a correr al día siguiente "
                       "de que usted la responda.")
    if p.inicio != p.recepcion:
        text += f" La prevención interrumpió el plazo: se cuenta desde el día siguiente al {fecha_es(p.inicio)}."
    total = p.dias_respuesta + p.dias_ampliacion
    text += (f" Con la {ley}, la respuesta vence el {fecha_es(p.fecha_limite_ordinaria)} ({p.dias_respuesta} días "
             f"hábiles) y, si el ente amplió el plazo, el {fecha_es(p.fecha_limite_ampliada)} ({total} días hábiles).")
    return text


def skipped_table(p: Plazo) -> pd.DataFrame:
    return pd.DataFrame({
        "Fecha": [_d(d.fecha) for d in p.inhabiles], "Motivo": [d.motivo for d in p.inhabiles],
        "Estado": ["Confirmado" if d.confirmado else "Por confirmar" for d in p.inhabiles],
        "Fuente": [d.fuente or "" for d in p.inhabiles]})


def _inputs(key: str, default: dt.date) -> dict:
    c1, c2, c3, c4 = st.columns([2, 1, 2, 3])
    fecha = c1.date_input("Fecha de presentación", value=min(max(default, FIRST), LAST), min_value=FIRST,
                          max_value=LAST, format="DD/MM/YYYY", key=f"{key}_fecha")
    hora = c2.time_input("Hora", value=dt.time(10, 0), step=dt.timedelta(minutes=15), key=f"{key}_hora",
                         help="Una solicitud presentada después de la hora de cierre de la oficina se tiene por "
                              "recibida el siguiente día hábil (hora en data/catalogos/horario_oficina.csv, por "
                              "confirmar).")
    tipo = c3.selectbox("Tipo de solicitud", list(TIPOS), format_func=TIPOS.get, key=f"{key}_tipo")
    ambito = c4.selectbox("¿A quién la presentó?", list(AMBITOS), format_func=AMBITOS.get, key=f"{key}_ambito")
    c5, c6 = st.columns(2)
    ampliacion = c5.checkbox("El ente amplió el plazo (ampliación)", key=f"{key}_ampliacion")
    hubo_prevencion = c6.checkbox("Me previnieron para aclarar la solicitud (prevención)", key=f"{key}_prevencion")
    prevencion = desahogo = None
    if hubo_prevencion:
        p1, p2, p3 = st.columns(3)
        prevencion = p1.date_input("Fecha de la prevención", value=fecha, min_value=FIRST, max_value=LAST,
                                   format="DD/MM/YYYY", key=f"{key}_fecha_prevencion")
        if p2.checkbox("Ya respondí la prevención", value=True, key=f"{key}_desahogada"):
            desahogo = p3.date_input("Fecha en que la respondí", value=prevencion, min_value=FIRST, max_value=LAST,
                                     format="DD/MM/YYYY", key=f"{key}_fecha_desahogo")
    return {"presentada": dt.datetime.combine(fecha, hora), "tipo_solicitud": tipo, "ambito": ambito,
            "ampliacion": ampliacion, "prevencion": prevencion, "desahogo": desahogo}


def render_calculator(key: str, default: dt.date | None = None) -> None:
    """The calculator's inputs and results; `key` keeps two calculators' widgets apart."""
    values = _inputs(key, default or dt.date.today())
    try:
        p = read_plazos.deadline(**values)
    except PlazoError as err:
        st.warning(md_escape(str(err)), icon=":material/warning:")
        return
    m1, m2, m3 = st.columns(3)
    m1.metric("Recepción oficial", _d(p.recepcion), border=True)
    m2.metric("Vence la respuesta", _d(p.fecha_limite_ordinaria), border=True)
    m3.metric("Vence con ampliación", _d(p.fecha_limite_ampliada), border=True)
    st.markdown(md_escape(explanation(values["presentada"], p)))
    if p.inhabiles:
        st.caption(md_escape(f"Días inhábiles que el cálculo saltó hasta el vencimiento que aplica ("
                             f"{'con' if p.ampliacion else 'sin'} ampliación), además de sábados y domingos: "
                             f"{len(p.inhabiles)}."))
        show_table(skipped_table(p), key=f"{key}_inhabiles")
    else:
        st.caption("El cálculo solo saltó sábados y domingos: no hubo días inhábiles declarados en ese lapso.")
    if p.por_confirmar:
        st.warning("Algunos días inhábiles de este cálculo están por confirmar con el acuerdo anual del órgano garante: "
                   "la fecha puede moverse si el acuerdo publicado es distinto.", icon=":material/warning:")
    last = read_plazos.last_declared_day()
    end = p.fecha_limite_ampliada or p.recepcion
    if last is not None and end.year > last.year:
        st.warning(md_escape(f"El calendario de días inhábiles solo llega a {last.year}: después de esa fecha el "
                             "cálculo no conoce los días festivos ni los periodos vacacionales."),
                   icon=":material/warning:")
