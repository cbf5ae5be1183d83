"""The deadline calculator's page data: one request's deadline from the served warehouse, computed by the same
function and calendar that gave every solicitud its fecha_limite (indicators/plazos.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from indicators.plazos import Plazo, calcular_plazo
from warehouse.read import file_signature, query, with_read_only


def deadline(presentada: dt.datetime | dt.date, tipo_solicitud: str, *, ambito: str = "estatal",
             ampliacion: bool = False, prevencion: dt.date | None = None, desahogo: dt.date | None = None) -> Plazo:
    """Raises indicators.plazos.PlazoError (a Spanish message) when the dates or the catalog do not allow it.
    Cached until the warehouse file changes: the calculator shows the same inputs on every view of its page."""
    return _deadline(presentada, tipo_solicitud, ambito, ampliacion, prevencion, desahogo, file_signature())


@st.cache_data(max_entries=500, ttl=24 * 3600, show_spinner=False)
def _deadline(presentada, tipo_solicitud: str, ambito: str, ampliacion: bool, prevencion, desahogo,
              signature) -> Plazo:
    del signature  # only part of the cache key: a rebuilt warehouse gives a new one
    return with_read_only(lambda con: calcular_plazo(con, presentada, tipo_solicitud, ambito=ambito,
                                                     ampliacion=ampliacion, prevencion=prevencion, desahogo=desahogo))


def last_declared_day() -> dt.date | None:
    """The last day of data/catalogos/calendario_inhabil.csv: after it, no holiday is declared yet."""
    value = query("calendario_ultimo")["ultimo"].iloc[0]
    return None if pd.isna(value) else pd.Timestamp(value).date()
