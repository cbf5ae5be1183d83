"""Read-only queries of the citizens' evaluations in the warehouse (what the last build counted), for the pages
"Evaluar una obligación", Verificación and the Ficha. Same rules as warehouse/read.py; SQL in
warehouse/queries/eval_*.sql. What citizens write now (the store) is read through participacion/, not here."""
from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.read import query


def entes(hoy: date) -> pd.DataFrame:
    """Entes in force on `hoy`: ente_id, nombre_oficial, siglas, id_sujeto_obligado_pnt, url_portal_transparencia."""
    return query("eval_entes", hoy=hoy)


def obligations(ente_id: str, hoy: date) -> pd.DataFrame:
    """The fracciones of the law in force on `hoy` that apply to the ente, in the law's order."""
    return query("eval_obligaciones", ente=ente_id, hoy=hoy)


def months() -> list[date]:
    """Reference months with a comparison of citizens and verifiers, newest first."""
    return [pd.Timestamp(m).date() for m in query("eval_meses")["mes"]]


def ente_comparison(ente_id: str, mes: date) -> pd.DataFrame:
    return query("eval_comparacion_ente", ente=ente_id, mes=mes)


def disagreements(mes: date) -> pd.DataFrame:
    return query("eval_desacuerdos", mes=mes)


def ente_summary(ente_id: str, tipo: str, periodo: str) -> pd.DataFrame:
    return query("eval_resumen_ente", ente=ente_id, tipo_periodo=tipo, periodo=periodo)


def names() -> tuple[dict[str, str], dict[str, str]]:
    """({ente_id: siglas or name}, {'LGTAIP2025 65-VIII': short name of the obligation})."""
    data = query("eval_nombres")
    split = {t: dict(zip(part["clave"], part["nombre"])) for t, part in data.groupby("tipo")}
    return split.get("ente", {}), split.get("obligacion", {})
