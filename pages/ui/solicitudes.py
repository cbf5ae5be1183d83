"""Solicitudes: answers by business-day band and by type of answer, with their sentences."""
from __future__ import annotations

import pandas as pd

from common.formatting import num, periodo_es


BANDS = {1: "0–5", 2: "6–10", 3: "11–20", 4: "21–30", 5: "Más de 30"}
RESPONSE_TYPES = {"resp_entrega": "Entrega de información", "resp_inexistencia": "Inexistencia",
                  "resp_incompetencia": "Notoria incompetencia", "resp_clasificada": "Información clasificada"}
OTHER_TYPES = "Otras respuestas finales"


def _pct(part, whole) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def band_totals(bands: pd.DataFrame) -> pd.DataFrame:
    """Días hábiles band, solicitudes, % of the answered ones (every band present, in order)."""
    sums = bands.groupby("banda")["solicitudes"].sum()
    total = int(sums.sum())
    rows = [{"Días hábiles": label, "Solicitudes": int(sums.get(k, 0)), "Porcentaje (%)": _pct(sums.get(k, 0), total)}
            for k, label in BANDS.items()]
    return pd.DataFrame(rows)


def band_summary(totals: pd.DataFrame, tipo: str, periodo: str) -> str:
    total = int(totals["Solicitudes"].sum())
    fast = totals.iloc[0]
    slow = totals.iloc[-1]
    return (f"En {periodo_es(tipo, periodo)}, de {num(total)} solicitudes respondidas, "
            f"el {num(fast['Porcentaje (%)'], 1)} % "
            f"se respondió en 5 días hábiles o menos y el {num(slow['Porcentaje (%)'], 1)} % "
            f"({num(slow['Solicitudes'])}) tardó más de 30.")


def band_table(bands: pd.DataFrame) -> pd.DataFrame:
    """Ente × band counts, plus total; the ente with most answered requests first (a long table shows its first
    rows)."""
    wide = bands.pivot_table(index="ente_id", columns="banda", values="solicitudes", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(BANDS), fill_value=0).astype("int64")
    wide.columns = [f"{BANDS[c]} días" for c in wide.columns]
    wide["Total respondidas"] = wide.sum(axis=1)
    names = bands.drop_duplicates("ente_id").set_index("ente_id")
    head = pd.DataFrame({"Ente": names["nombre"], "Siglas": names["siglas"].fillna(""),
                         "Grupo de pares": names["grupo_pares"]})
    return (head.join(wide, how="inner").sort_values(["Total respondidas", "Ente"], ascending=[False, True],
                                                      kind="stable").reset_index(drop=True))


def type_totals(types: pd.DataFrame) -> pd.DataFrame:
    total = int(types["con_respuesta_final"].sum())
    rows = [(label, int(types[col].sum())) for col, label in RESPONSE_TYPES.items()]
    other = max(total - sum(n for _, n in rows), 0)
    rows.append((OTHER_TYPES, other))
    return pd.DataFrame([{"Tipo de respuesta": label, "Solicitudes": n, "Porcentaje (%)": _pct(n, total)}
                         for label, n in rows])


def type_summary(totals: pd.DataFrame, tipo: str, periodo: str) -> str:
    total = int(totals["Solicitudes"].sum())
    main = totals[totals["Tipo de respuesta"] != OTHER_TYPES].sort_values("Solicitudes", ascending=False)
    parts = [f"{r['Tipo de respuesta'].lower()} en el {num(r['Porcentaje (%)'], 1)} %"
             for _, r in main.head(3).iterrows()]
    return (f"En {periodo_es(tipo, periodo)} hubo {num(total)} solicitudes con respuesta final: "
            + ", ".join(parts) + ".")


NO_CAUSE = "Sin causa en la fuente"


def cause_table(causes: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"Causa": causes["causa"], "Recursos": causes["recursos"].astype("int64"),
                         "Modifican o revocan": causes["modifican_revocan"].astype("int64"),
                         "Fundamento": causes["fundamento"].fillna("")})


def cause_summary(shown: pd.DataFrame) -> str:
    """Which cause leads, among appeals whose source says it; or that no source says any."""
    known = shown[shown["Causa"] != NO_CAUSE]
    total = int(shown["Recursos"].sum())
    if known.empty:
        return (f"Hubo {num(total)} recursos de revisión; ninguna fuente dice su causa (la plantilla de recursos la "
                "trae en la columna causa)")
    top = known.iloc[0]
    return (f"De {num(int(known['Recursos'].sum()))} recursos con causa conocida, la más frecuente es "
            f"«{top['Causa'].lower()}» ({num(int(top['Recursos']))}, {num(_pct(int(top['Recursos']), int(known['Recursos'].sum())), 1)} %)"
            + (f"; {num(total - int(known['Recursos'].sum()))} sin causa en la fuente" if len(known) < len(shown) else ""))


def type_table(types: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({"Ente": types["nombre"], "Siglas": types["siglas"], "Grupo de pares": types["grupo_pares"]})
    for col, label in RESPONSE_TYPES.items():
        out[label] = types[col].fillna(0).astype("int64")
    final = types["con_respuesta_final"].fillna(0).astype("int64")
    out[OTHER_TYPES] = (final - out[list(RESPONSE_TYPES.values())].sum(axis=1)).clip(lower=0)
    out["Total con respuesta final"] = final
    out = out[final > 0]  # the ente with most final answers first (a long table shows its first rows)
    return out.sort_values(["Total con respuesta final", "Ente"], ascending=[False, True], kind="stable").reset_index(
        drop=True)
