"""Read-only queries about the Unidades de Transparencia (warehouse/queries/ut_*.sql), cached like warehouse/read.py."""
from __future__ import annotations

import pandas as pd

from indicators.periods import period_bounds
from warehouse.read import query


def ut_profiles(tipo_periodo: str, periodo: str, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    """Each ente's UT at its last month with data in the period: 12-month requests, tier, staff, below its tier."""
    desde, hasta = period_bounds(tipo_periodo, periodo)
    return query("ut_perfil", desde=desde, hasta=hasta, grupo=grupo, ente=ente)


def tiers() -> pd.DataFrame:
    return query("ut_niveles")
