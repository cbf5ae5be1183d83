"""Tables and one-sentence summaries computed from the numbers a page shows (plain text, no markup)."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

from common.formatting import change_words, format_value, num, periodo_es
from indicators.semaforo import COLORS, semaforo

DEFINITION_COLUMNS = ["indicador", "nombre", "descripcion", "unidad", "direccion", "meta", "umbral_verde",
                   "umbral_amarillo", "orden"]


def _isnum(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NA


def metrics_table(definitions: pd.DataFrame, values: pd.DataFrame, tipo: str, periodo: str,
                  anterior: str) -> pd.DataFrame:
    """One row per definitions indicator with a value in `periodo`: valor, valor_anterior, cambio."""
    cur = values[values["periodo"] == periodo].set_index("indicador")
    prev = values[values["periodo"] == anterior].set_index("indicador")
    out = definitions[DEFINITION_COLUMNS].copy()
    out = out[out["indicador"].isin(cur.index)].sort_values("orden").reset_index(drop=True)
    out["valor"] = out["indicador"].map(cur["valor"]).astype("float64")
    out["numerador"] = out["indicador"].map(cur["numerador"]).astype("float64")
    out["denominador"] = out["indicador"].map(cur["denominador"]).astype("float64")
    # "Datos insuficientes" is said of a value resting on too few cases; with no cases at all it is "sin datos".
    none = out["valor"].isna() & out["denominador"].fillna(0).eq(0)
    out["suficiente"] = out["indicador"].map(cur["suficiente"]).fillna(False).astype(bool) | none
    out["valor_anterior"] = out["indicador"].map(prev["valor"]).astype("float64")
    # An index (tipo compuesto) without enough data is never shown as a number, in this period or the one before.
    if "tipo" in definitions.columns:
        compuesto = out["indicador"].map(definitions.set_index("indicador")["tipo"]).eq("compuesto")
        sufficient_before = out["indicador"].map(prev["suficiente"]).eq(True)
        out.loc[compuesto & ~out["suficiente"], "valor"] = float("nan")
        out.loc[compuesto & ~sufficient_before, "valor_anterior"] = float("nan")
    out["cambio"] = out["valor"] - out["valor_anterior"]
    return out


def metrics_export(table: pd.DataFrame, tipo: str) -> pd.DataFrame:
    """The metric grid as a table, as shown (values rounded as displayed)."""
    return pd.DataFrame({
        "Indicador": table["nombre"],
        "Unidad": table["unidad"],
        "Valor": [_round(v, u) for v, u in zip(table["valor"], table["unidad"])],
        "Valor del periodo anterior": [_round(v, u) for v, u in zip(table["valor_anterior"], table["unidad"])],
        "Cambio": [_round(v, u) for v, u in zip(table["cambio"], table["unidad"])],
        "Meta": table["meta"],
        "Semáforo": [semaforo(r.valor, r.direccion, r.umbral_verde, r.umbral_amarillo, r.suficiente)
                     for r in table.itertuples()],
        "Numerador": table["numerador"],
        "Denominador": table["denominador"],
    })


def _round(v, unidad: str):
    if not _isnum(v):
        return None
    return round(float(v), 0 if unidad in ("solicitudes", "recursos") else 1)


def government_summary(table: pd.DataFrame, tipo: str, periodo: str, anterior: str, recibidas_id: str,
                       en_plazo_id: str) -> str:
    """'En octubre de 2026 se recibieron 1,234 solicitudes (56 más que en septiembre de 2026) y se respondió
    en plazo el 91.2 % (1.3 puntos más que en septiembre de 2026).'"""
    rows = table.set_index("indicador")
    antes = periodo_es(tipo, anterior)
    parts = []
    if recibidas_id in rows.index and _isnum(rows.at[recibidas_id, "valor"]):
        r = rows.loc[recibidas_id]
        text = f"se recibieron {num(r['valor'])} solicitudes"
        if _isnum(r["cambio"]):
            text += f" ({change_words(r['cambio'], r['unidad'], antes)})"
        parts.append(text)
    if en_plazo_id in rows.index and _isnum(rows.at[en_plazo_id, "valor"]):
        r = rows.loc[en_plazo_id]
        text = f"se respondió en plazo el {format_value(r['valor'], r['unidad'])} de las que ya pueden evaluarse"
        if _isnum(r["cambio"]):
            text += f" ({change_words(r['cambio'], r['unidad'], antes)})"
        parts.append(text)
    if not parts:
        return ""
    return f"En {periodo_es(tipo, periodo)} " + " y ".join(parts) + "."


def trend_summary(trend: pd.DataFrame, corte: date | None) -> str:
    """Columns: Mes, <recibidas>, <% en plazo>."""
    rec, pct = trend.columns[1], trend.columns[2]
    first, last = trend["Mes"].iloc[0], trend["Mes"].iloc[-1]
    text = (f"De {periodo_es('mes', first)} a {periodo_es('mes', last)} se recibieron "
            f"{num(trend[rec].sum())} solicitudes")
    if trend[rec].notna().any():
        top = trend.loc[trend[rec].idxmax()]
        text += f"; el mes con más fue {periodo_es('mes', top['Mes'])} ({num(top[rec])})"
    gaps = int(trend[rec].isna().sum())
    if gaps:
        text += f"; {gaps} {'mes no tiene' if gaps == 1 else 'meses no tienen'} datos"
    valid = trend.dropna(subset=[pct])
    if not valid.empty:
        lo, hi = valid.loc[valid[pct].idxmin()], valid.loc[valid[pct].idxmax()]
        text += (f". El porcentaje en plazo fue más bajo en {periodo_es('mes', lo['Mes'])} "
                 f"({num(lo[pct], 1)} %) y más alto en {periodo_es('mes', hi['Mes'])} ({num(hi[pct], 1)} %)")
    return text + "."


def ranking_summary(ranked: pd.DataFrame, apart: pd.DataFrame, nombre: str, unidad: str, tipo: str,
                    periodo: str, counts: dict[str, int]) -> str:
    when = periodo_es(tipo, periodo)
    if ranked.empty:
        return f"En {when} ningún ente tiene datos suficientes para ordenar por «{nombre}»."
    best, worst = ranked.iloc[0], ranked.iloc[-1]
    text = (f"En {when}, {len(ranked)} entes tienen datos suficientes en «{nombre}»: el primer lugar es "
            f"{_label(best)} con {format_value(best['valor'], unidad)} y el último {_label(worst)} con "
            f"{format_value(worst['valor'], unidad)}")
    light = [f"{n} en {k.split(' ', 1)[1].lower()}" for k, n in counts.items() if n]
    if light:
        text += " (" + ", ".join(light) + ")"
    if len(apart):
        text += f"; {len(apart)} con datos insuficientes no se ordenan"
    return text + "."


def _label(row) -> str:
    siglas = row.get("siglas")
    return f"{row['nombre']} ({siglas})" if isinstance(siglas, str) and siglas and siglas != row["nombre"] \
        else str(row["nombre"])


def semaforo_counts(labels: pd.Series) -> dict[str, int]:
    keys = [k for k in COLORS if k.startswith(("🟢", "🟡", "🔴"))]
    return {k: int((labels == k).sum()) for k in keys}




def indicator_rule(ind) -> str:
    """Plain-text rule of an indicator's semáforo and ranking, from the definitions row."""
    unidad, direccion = ind["unidad"], ind["direccion"]
    verde, amarillo, minimo = ind["umbral_verde"], ind["umbral_amarillo"], ind["denominador_minimo"]
    text = str(ind["descripcion"]).strip()
    text = (text if text.endswith((".", "!", "?")) else text + ".") + " "
    if direccion in ("mayor_es_mejor", "menor_es_mejor") and _isnum(verde):
        better, worse = ("o más", "menos de") if direccion == "mayor_es_mejor" else ("o menos", "más de")
        text += f"{'Mayor' if direccion == 'mayor_es_mejor' else 'Menor'} es mejor. "
        text += f"Verde: {format_value(verde, unidad)} {better}"
        if _isnum(amarillo):
            amarillo_text = format_value(amarillo, unidad)
            text += f"; amarillo: {amarillo_text} {better}; rojo: {worse} {amarillo_text}"
        else:
            text += f"; rojo: {worse} {format_value(verde, unidad)}"
        text += "."
    else:
        text += "Indicador sin semáforo; el orden es de mayor a menor."
    if _isnum(minimo) and minimo > 0:
        text += f" Solo se ordenan los entes con al menos {num(minimo)} casos en el denominador."
    return text


# ---- ficha del ente -------------------------------------------------------------------------------------

def ente_position(ente_id: str, all_values: pd.DataFrame, group_values: pd.DataFrame, direccion: str) -> dict:
    """Place of one ente in the ranking overall and in its group: {'general': '5 de 30', 'grupo': '2 de 16',
    'lugar_general': 5, 'total_general': 30, 'lugar_grupo': 2, 'total_grupo': 16, 'insuficiente': False}."""
    from indicators.semaforo import rank_entes

    out: dict = {"insuficiente": False}
    for name, df in (("general", all_values), ("grupo", group_values)):
        ranked, apart = rank_entes(df, direccion)
        hit = ranked[ranked["ente_id"] == ente_id]
        out[f"total_{name}"] = len(ranked)
        if hit.empty:
            out[f"lugar_{name}"] = None
            out[name] = "Sin lugar" if ente_id in set(apart["ente_id"]) else "Sin datos"
            out["insuficiente"] = True
        else:
            out[f"lugar_{name}"] = int(hit["lugar"].iloc[0])
            out[name] = f"{out[f'lugar_{name}']} de {len(ranked)}"
    return out


def position_summary(pos: dict, nombre: str, tipo: str, periodo: str, grupo: str) -> str:
    when = periodo_es(tipo, periodo)
    if pos["lugar_general"] is None:
        return (f"En {when} este ente no entra en el ranking de «{nombre}»: no tiene datos suficientes para "
                "compararlo con certeza (por ejemplo, pocas solicitudes o una sola dimensión del índice).")
    return (f"En {when} este ente ocupa el lugar {pos['lugar_general']} de {pos['total_general']} entes en "
            f"«{nombre}» y el {pos['lugar_grupo']} de {pos['total_grupo']} en su grupo de pares ({grupo}).")


def meets_target(valor, meta, direccion: str, suficiente: bool = True) -> str:
    """'Sí' / 'No' against the target; '—' without a target or a direction, and 'Datos insuficientes' when the
    value rests on too few cases: such a value neither meets nor misses a target."""
    if not (_isnum(meta) and direccion in ("mayor_es_mejor", "menor_es_mejor")):
        return "—"
    if not suficiente:
        return "Datos insuficientes"
    if not _isnum(valor):
        return "Sin datos"
    ok = valor >= meta if direccion == "mayor_es_mejor" else valor <= meta
    return "Sí" if ok else "No"


def scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of the ente vs its meta and semáforo, rounded as displayed."""
    return pd.DataFrame({
        "Indicador": table["nombre"],
        "Unidad": table["unidad"],
        "Valor": [_round(v, u) for v, u in zip(table["valor"], table["unidad"])],
        "Periodo anterior": [_round(v, u) for v, u in zip(table["valor_anterior"], table["unidad"])],
        "Meta": table["meta"],
        "Cumple la meta": [meets_target(v, m, d, s) for v, m, d, s in
                           zip(table["valor"], table["meta"], table["direccion"], table["suficiente"])],
        "Semáforo": [semaforo(r.valor, r.direccion, r.umbral_verde, r.umbral_amarillo, r.suficiente)
                     for r in table.itertuples()],
        "Numerador": table["numerador"],
        "Denominador": table["denominador"],
    })


def scorecard_summary(card: pd.DataFrame, tipo: str, periodo: str) -> str:
    """'cumple la meta en N de M' counts only the indicators with a target and enough data: one with datos
    insuficientes neither meets nor misses it, and is counted apart."""
    counts = semaforo_counts(card["Semáforo"])
    light = [f"{n} en {k.split(' ', 1)[1].lower()}" for k, n in counts.items() if n]
    judged = card["Cumple la meta"].isin(["Sí", "No"])
    text = f"En {periodo_es(tipo, periodo)}"
    text += ", " + ", ".join(light) if light else ", ningún indicador con semáforo"
    insuf = int(card["Semáforo"].str.contains("insuficientes").sum())
    if insuf:
        text += f" y {insuf} con datos insuficientes"
    if judged.any():
        text += (f"; cumple la meta en {int((card['Cumple la meta'] == 'Sí').sum())} de "
                 f"{int(judged.sum())} indicadores con meta y datos suficientes")
    return text + "."


def main_indicators(definitions: pd.DataFrame, primary: str, limit: int = 4) -> list[str]:
    """Default trend indicators: the primary one, then the first (by orden) of each other unit."""
    chosen = [primary] if primary in set(definitions["indicador"]) else []
    units = set(definitions.loc[definitions["indicador"].isin(chosen), "unidad"])
    for row in definitions.sort_values("orden").itertuples(index=False):
        if row.unidad not in units:
            chosen.append(row.indicador)
            units.add(row.unidad)
    return chosen[:limit]


def trend_long(own: pd.DataFrame, peers: pd.DataFrame, by_id: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    """Mes × indicator with the ente's value and its peer group's, as plotted."""
    if own.empty:
        return pd.DataFrame(columns=["Mes", "Indicador", "Unidad", "Este ente", "Grupo de pares", "Meta"])
    peer = peers.set_index(["periodo", "indicador"])["valor"]
    rows = []
    for r in own.sort_values(["periodo_inicio"]).itertuples(index=False):
        unidad = by_id.at[r.indicador, "unidad"]
        p = peer.get((r.periodo, r.indicador))
        rows.append({"Mes": r.periodo, "indicador": r.indicador, "Indicador": by_id.at[r.indicador, "nombre"],
                     "Unidad": unidad, "Este ente": _round(r.valor, unidad), "Grupo de pares": _round(p, unidad),
                     "Meta": by_id.at[r.indicador, "meta"]})
    out = pd.DataFrame(rows)
    out["orden"] = out["indicador"].map({k: i for i, k in enumerate(chosen)})
    return out.sort_values(["orden", "Mes"]).drop(columns=["orden", "indicador"]).reset_index(drop=True)


def ente_trend_summary(long: pd.DataFrame, first_id: str, by_id: pd.DataFrame) -> str:
    nombre, unidad = by_id.at[first_id, "nombre"], by_id.at[first_id, "unidad"]
    rows = long[(long["Indicador"] == nombre) & long["Este ente"].notna()]
    if rows.empty:
        return f"Este ente no tiene valores mensuales de «{nombre}»."
    a, b = rows.iloc[0], rows.iloc[-1]
    text = (f"«{nombre}» de este ente pasó de {format_value(a['Este ente'], unidad)} en "
            f"{periodo_es('mes', a['Mes'])} a {format_value(b['Este ente'], unidad)} en {periodo_es('mes', b['Mes'])}")
    if _isnum(b["Grupo de pares"]):
        text += f"; su grupo de pares tuvo {format_value(b['Grupo de pares'], unidad)} ese mes"
    return text + "."


# ---- solicitudes ----------------------------------------------------------------------------------------

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
    """Ente × band counts, plus total."""
    wide = bands.pivot_table(index="ente_id", columns="banda", values="solicitudes", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(BANDS), fill_value=0).astype("int64")
    wide.columns = [f"{BANDS[c]} días" for c in wide.columns]
    wide["Total respondidas"] = wide.sum(axis=1)
    names = bands.drop_duplicates("ente_id").set_index("ente_id")
    head = pd.DataFrame({"Ente": names["nombre"], "Siglas": names["siglas"].fillna(""),
                         "Grupo de pares": names["grupo_pares"]})
    return head.join(wide, how="inner").sort_values("Ente").reset_index(drop=True)


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


def type_table(types: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({"Ente": types["nombre"], "Siglas": types["siglas"], "Grupo de pares": types["grupo_pares"]})
    for col, label in RESPONSE_TYPES.items():
        out[label] = types[col].fillna(0).astype("int64")
    final = types["con_respuesta_final"].fillna(0).astype("int64")
    out[OTHER_TYPES] = (final - out[list(RESPONSE_TYPES.values())].sum(axis=1)).clip(lower=0)
    out["Total con respuesta final"] = final
    return out[final > 0].reset_index(drop=True)


# ---- plazos en riesgo -----------------------------------------------------------------------------------

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
    from common.formatting import fecha_es

    v, h, p = (int(per_ente[c].sum()) for c in deadline_columns(dias))
    text = (f"Al {fecha_es(corte)} hay {num(v)} solicitudes abiertas ya vencidas, {num(h)} que vencen hoy y "
            f"{num(p)} que vencen en los próximos {dias} días hábiles, en {len(per_ente)} entes")
    if v:
        top = per_ente.iloc[0]
        who = _label({"nombre": top["Ente"], "siglas": top["Siglas"]})
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


# ---- estado de los datos --------------------------------------------------------------------------------

LOAD_COUNT_COLUMNS = ["Filas leídas", "Filas cargadas", "Filas rechazadas", "Filas duplicadas"]
SOURCES = {"solicitud": "solicitudes", "recurso_revision": "recursos de revisión", "asistencia": "capacitación",
           "verificacion_resultado": "verificaciones", "solicitud_estadistica": "estadística trimestral publicada"}


def empty_sources(counts: dict[str, int]) -> list[str]:
    return [label for table, label in SOURCES.items() if counts.get(table, 0) == 0]


def loads_table(loads: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Fuente": loads["fuente"], "Archivo": loads["archivo"], "Formato": loads["layout"],
        "Filas leídas": loads["filas_leidas"].astype("int64"),
        "Filas cargadas": loads["filas_cargadas"].astype("int64"),
        "Filas rechazadas": loads["filas_rechazadas"].astype("int64"),
        "Filas duplicadas": loads["filas_duplicadas"].astype("int64"),
        "SHA-256 (inicio)": loads["sha256_corto"],
        "Cargado el": pd.to_datetime(loads["inicio"]).dt.strftime("%Y-%m-%d %H:%M"),
    })


def loads_summary(table: pd.DataFrame) -> str:
    read_, loaded, rejected, dup = (int(table[c].sum()) for c in LOAD_COUNT_COLUMNS)
    return (f"Se leyeron {num(read_)} filas de {len(table)} archivos: {num(loaded)} cargadas, {num(rejected)} "
            f"rechazadas y {num(dup)} duplicadas (el mismo folio visto de nuevo; cuenta su copia más avanzada).")


SUPERSEDED_RULES = {
    "estado_terminal": "La copia conservada está terminada y la descartada seguía abierta",
    "fecha_posterior": "La copia conservada tiene una fecha de respuesta o de término posterior",
    "archivo_reciente": "Mismo estado y fecha: se conserva la del archivo más reciente",
    "misma_exportacion": "Fila repetida en el mismo archivo: se conserva la posterior",
}


def superseded_table(copies: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Regla": copies["regla"].map(SUPERSEDED_RULES).fillna(copies["regla"]),
        "Archivo de la copia descartada": copies["archivo_descartado"],
        "Archivo de la copia conservada": copies["archivo_ganador"],
        "Folios": copies["folios"].astype("int64"), "Copias descartadas": copies["filas"].astype("int64"),
    })


SUPERSEDED_REASONS = {
    "estado_terminal": "la conservada está terminada y la descartada seguía abierta",
    "fecha_posterior": "la conservada tiene una fecha de respuesta o de término posterior",
    "archivo_reciente": "la conservada viene del archivo más reciente",
    "misma_exportacion": "la conservada es una fila posterior del mismo archivo",
}


def superseded_summary(copies: pd.DataFrame, folios: int) -> str:
    by_rule = copies.groupby("regla")["filas"].sum()
    parts = [f"{num(by_rule[r])} porque {reason}" for r, reason in SUPERSEDED_REASONS.items() if r in by_rule]
    return (f"{num(folios)} folios aparecen en más de un archivo o fila; de cada uno se conserva la copia más avanzada "
            f"y se descartaron {num(int(copies['filas'].sum()))} copias: " + "; ".join(parts) + ".")


def rejects_table(rejects: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Archivo": rejects["archivo"], "Fila": rejects["fila"].astype("Int64"), "Columna": rejects["columna"],
        "Valor": rejects["valor"], "Motivo": rejects["motivo"],
    })


def rejects_summary(rejects: pd.DataFrame, total: int, limit: int) -> str:
    if rejects.empty:
        return "No hay filas rechazadas con este filtro."
    top = rejects["Columna"].fillna("(sin columna)").value_counts()
    text = f"Hay {num(total)} filas rechazadas; la columna con más rechazos es «{top.index[0]}» ({num(top.iloc[0])})"
    if total > limit:
        text += f". Se muestran las primeras {num(limit)}; elija un archivo para acotar"
    return text + "."


def reporting_matrix(monthly: pd.DataFrame, entes: pd.DataFrame, anio: int, corte: date | None) -> pd.DataFrame:
    """Ente × month of `anio`: '✓' when it received requests, '' when none, 'n/a' after the cut-off date."""
    from common.formatting import MESES_CORTOS

    has = monthly[monthly["recibidas"] > 0].groupby("ente_id")["mes"].apply(set)
    # entes in force during the year, plus any with data that year
    vig = entes[(entes["vigente_hasta"].isna()) |
                (pd.to_datetime(entes["vigente_hasta"]).dt.year >= anio)]
    ids = list(dict.fromkeys([*vig["ente_id"], *has.index]))
    info = entes.set_index("ente_id")
    rows = []
    for ente_id in ids:
        months = has.get(ente_id, set())
        row = {"Siglas": info.at[ente_id, "siglas"] if ente_id in info.index else "",
               "Ente": info.at[ente_id, "nombre_oficial"] if ente_id in info.index else ente_id}
        for m in range(1, 13):
            future = corte is not None and date(anio, m, 1) > corte
            row[MESES_CORTOS[m - 1].capitalize()] = "n/a" if future else ("✓" if m in months else "")
        row["Meses con datos"] = len(months)
        row["Grupo de pares"] = info.at[ente_id, "grupo_pares"] if ente_id in info.index else ""
        rows.append(row)
    out = pd.DataFrame(rows)
    out["Siglas"] = out["Siglas"].fillna("")
    return out.sort_values("Ente").reset_index(drop=True)


def reporting_summary(matrix: pd.DataFrame, anio: int) -> str:
    month_cols = matrix.columns[2:14]
    possible = (matrix[month_cols] != "n/a").sum(axis=1)
    complete = int((matrix["Meses con datos"] >= possible).sum())
    none = int((matrix["Meses con datos"] == 0).sum())
    return (f"En {anio}, {complete} de {len(matrix)} entes tienen solicitudes en todos los meses transcurridos; "
            f"{none} no tienen ninguna solicitud registrada en el año.")
