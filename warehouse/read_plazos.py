"""The deadline calculator's page data: one request's deadline from the served warehouse, computed by the same
function and calendar that gave every solicitud its fecha_limite (indicators/plazos.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from indicators.plazos import Plazo, calcular_plazo
from warehouse.read import query, with_read_only


def deadline(presentada: dt.datetime | dt.date, tipo_solicitud: str, *, ambito: str = "estatal",
             ampliacion: bool = False, prevencion: dt.date | None = None, desahogo: dt.date | None = None) -> Plazo:
    """Raises indicators.plazos.PlazoError (a Spanish message) when the dates or the catalog do not allow it."""
    return with_read_only(lambda con: calcular_plazo(con, presentada, tipo_solicitud, ambito=ambito,
                                                     ampliacion=ampliacion, prevencion=prevencion, desahogo=desahogo))


def last_declared_day() -> dt.date | None:
    """The last day of data/catalogos/calendario_inhabil.csv: after it, no holiday is declared yet."""
    value = query("calendario_ultimo")["ultimo"].iloc[0]
    return None if pd.isna(value) else pd.Timestamp(value).date()
