"""Plazos en riesgo: open requests per ente by how close (or past) their deadline is, and the folios."""
from __future__ import annotations

from datetime import date

import pandas as pd

from common.formatting import fecha_es, num
from pages.ui.tables import name_with_siglas


def due_column(dias: int) -> str:
    return f"Vencen en 1 a {dias} días hábiles"


def deadline_columns(dias: int) -> list[str]:
    return ["Vencidas", "Vencen hoy", due_column(dias)]


def deadline_colors(dias: int) -> dict[str, str]:
    return dict(zip(deadline_columns(dias), ["#b2182b", "#ef8a62", "#f2b701"]))


def deadline_table(open_requests: pd.DataFrame, dias: int) -> pd.DataFrame:
    """Per ente: vencidas, vencen hoy, vencen en 1..dias días hábiles, total; most overdue first."""
    situation = {"vencida": "Vencidas", "vence_hoy": "Vencen hoy", "por_vencer": due_column(dias)}
    df = open_requests.assign(col=open_requests["situacion"].map(situation))
    wide = df.pivot_table(index="ente_id", columns="col", values="folio", aggfunc="count", fill_value=0)
    wide = wide.reindex(columns=deadline_columns(dias), fill_value=0).astype("int64")
    wide["Total"] = wide.sum(axis=1)
    names = df.drop_duplicates("ente_id").set_index("ente_id")
    head = pd.DataFrame({"Ente": names["nombre"], "Siglas": names["siglas"].fillna(""),
                         "Grupo de pares": names["grupo_pares"]})
    out = head.join(wide, how="inner")
    return out.sort_values(["Vencidas", "Total", "Ente"], ascending=[False, False, True]).reset_index(drop=True)


def deadline_summary(per_ente: pd.DataFrame, dias: int, corte: date) -> str:

    v, h, p = (int(per_ente[c].sum()) for c in deadline_columns(dias))
    text = (f"Al {fecha_es(corte)} hay {num(v)} solicitudes abiertas ya vencidas, {num(h)} que vencen hoy y "
            f"{num(p)} que vencen en los próximos {dias} días hábiles, en {len(per_ente)} entes")
    if v:
        top = per_ente.iloc[0]
        who = name_with_siglas({"nombre": top["Ente"], "siglas": top["Siglas"]})
        text += f"; el ente con más vencidas es {who} ({num(top['Vencidas'])})"
    return text + "."


def deadline_folios(open_requests: pd.DataFrame) -> pd.DataFrame:
    """Folio list: no request text, only identifiers and dates."""
    situation = {"vencida": "Vencida", "vence_hoy": "Vence hoy", "por_vencer": "Por vencer"}
    return pd.DataFrame({
        "Folio": open_requests["folio"].astype(str),
        "Ente": open_requests["nombre"],
        "Siglas": open_requests["siglas"].fillna(""),
        "Fecha de recepción": open_requests["fecha_recepcion"].astype(str),
        "Fecha límite": open_requests["fecha_limite"].astype(str),
        "Días hábiles restantes": open_requests["dias_habiles_restantes"].astype("int64"),
        "Situación": open_requests["situacion"].map(situation),
    }).sort_values(["Días hábiles restantes", "Ente", "Folio"]).reset_index(drop=True)
