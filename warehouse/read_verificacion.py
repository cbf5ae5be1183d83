"""Read-only queries of the verification of transparency obligations, for the Verificación page and the Ficha
block. Same rules as warehouse/read.py (cached, reopened when the warehouse file changes); SQL in
warehouse/queries/verif_*.sql."""
from __future__ import annotations

import pandas as pd

from warehouse.read import query


def reviews() -> pd.DataFrame:
    """Reviews newest first: verificacion_id, tipo, periodo_evaluado, fecha, ley_version, entes, indice…"""
    return query("verif_revisiones")


def heatmap(verificacion: str, max_entes: int) -> pd.DataFrame:
    """Ente × fracción of one review for its `max_entes` entes with the lowest index, with estado evaluada /
    no_aplica / sin_evaluar."""
    return query("verif_mapa", verificacion=verificacion, max_entes=int(max_entes))


def heatmap_totals(verificacion: str) -> dict[str, int]:
    """entes, evaluadas, incumplidas, no_aplica over every ente of the review."""
    row = query("verif_mapa_resumen", verificacion=verificacion).iloc[0]
    return {k: int(v) for k, v in row.items()}


def by_fraccion(verificacion: str) -> pd.DataFrame:
    """Per fracción of one review: entes evaluated, failing, not applicable, mean score; most failed first."""
    return query("verif_fracciones", verificacion=verificacion)


def ente_indices(verificacion: str) -> pd.DataFrame:
    return query("verif_indice_entes", verificacion=verificacion)


def failing_now(ente_id: str) -> pd.DataFrame:
    return query("verif_pendientes_ente", ente=ente_id)


def latest_for_ente(ente_id: str) -> pd.DataFrame:
    """The review in force for the ente in its latest month, with the standing number of failing fracciones."""
    return query("verif_resumen_ente", ente=ente_id)


def in_force_for_ente(ente_id: str) -> pd.DataFrame:
    """Per month (periodo 'AAAA-MM'): the review in force for the ente, its tipo, fecha and meses_desde."""
    return query("verif_vigente_ente", ente=ente_id)


def entes() -> pd.DataFrame:
    """Entes with at least one verification: ente_id, nombre_oficial, siglas, grupo_pares, verificaciones, ultima."""
    return query("verif_entes")
