"""Read-only queries of the training pages (warehouse/queries/capacitacion_*.sql), cached like warehouse/read.py."""
from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.read import query


def counts() -> dict:
    row = query("capacitacion_conteos").iloc[0]
    return row.to_dict()


def periods(tipo_periodo: str) -> list[str]:
    return query("capacitacion_periodos", tipo_periodo=tipo_periodo)["periodo"].tolist()


def rules() -> dict[str, float]:
    df = query("capacitacion_regla")
    return dict(zip(df["clave"], df["valor"].astype(float)))


def coverage(tipo_periodo: str, periodo: str, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    return query("capacitacion_cobertura", tipo_periodo=tipo_periodo, periodo=periodo, grupo=grupo, ente=ente)


def courses(desde: date, hasta: date, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    return query("capacitacion_cursos", desde=desde, hasta=hasta, grupo=grupo, ente=ente)


def events(desde: date, hasta: date) -> pd.DataFrame:
    return query("capacitacion_eventos", desde=desde, hasta=hasta)
