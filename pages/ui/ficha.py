"""Ficha del ente: its place in the ranking, what to fix first, its scorecard against the targets and its trend
beside its peers."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import format_value, md_escape, num, periodo_es
from indicators.acciones import Accion
from indicators.semaforo import is_missing, rank_entes, semaforo
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.indicadores import round_as_shown, semaforo_counts
from warehouse import read

TOP_ACTIONS = 3


def ente_position(ente_id: str, all_values: pd.DataFrame, group_values: pd.DataFrame, direccion: str) -> dict:
    """Place of one ente in the ranking overall and in its group: {'general': '5 de 30', 'grupo': '2 de 16',
    'lugar_general': 5, 'total_general': 30, 'lugar_grupo': 2, 'total_grupo': 16, 'insuficiente': False}."""

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
    if is_missing(meta) or direccion not in ("mayor_es_mejor", "menor_es_mejor"):
        return "—"
    if not suficiente:
        return "Datos insuficientes"
    if is_missing(valor):
        return "Sin datos"
    ok = valor >= meta if direccion == "mayor_es_mejor" else valor <= meta
    return "Sí" if ok else "No"


def scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of the ente vs its meta and semáforo, rounded as displayed."""
    # The value, its semáforo and its change first: what a titular reads (and a phone shows) before scrolling.
    return pd.DataFrame({
        "Indicador": table["nombre"],
        "Valor": [round_as_shown(v, u) for v, u in zip(table["valor"], table["unidad"])],
        "Semáforo": [semaforo(r.valor, r.direccion, r.umbral_verde, r.umbral_amarillo, r.suficiente)
                     for r in table.itertuples()],
        "Cambio": [round_as_shown(v, u) for v, u in zip(table["cambio"], table["unidad"])],
        "Meta": table["meta"],
        "Cumple la meta": [meets_target(v, m, d, s) for v, m, d, s in
                           zip(table["valor"], table["meta"], table["direccion"], table["suficiente"])],
        "Periodo anterior": [round_as_shown(v, u) for v, u in zip(table["valor_anterior"], table["unidad"])],
        "Unidad": table["unidad"],
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
                     "Unidad": unidad, "Este ente": round_as_shown(r.valor, unidad),
                     "Grupo de pares": round_as_shown(p, unidad), "Meta": by_id.at[r.indicador, "meta"]})
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
    if not is_missing(b["Grupo de pares"]):
        text += f"; su grupo de pares tuvo {format_value(b['Grupo de pares'], unidad)} ese mes"
    return text + "."


# ---- what to fix first ------------------------------------------------------------------------------------

def actions_frame(actions: list[Accion], tipo: str, periodo: str) -> pd.DataFrame:
    """The ranked actions as a table (and its CSV): the gain first, then what, where and about what."""
    return pd.DataFrame({
        "Orden": range(1, len(actions) + 1),
        "Puntos que sumaría al índice": [round(a.ganancia, 2) for a in actions],
        "Qué hacer": [a.texto for a in actions],
        "Dónde": [a.donde for a in actions],
        "Indicador o fracción": [a.concierne for a in actions],
        "Observaciones del verificador": [a.observacion or "" for a in actions],
        "periodo": periodo, "tipo_periodo": tipo,
    })


def actions_summary(actions: list[Accion]) -> str:
    if not actions:
        return "No hay nada que corregir en el índice de este periodo: sus indicadores con datos alcanzan su meta."
    top = actions[:TOP_ACTIONS]
    text = (f"Estas {len(top)} acciones sumarían {num(sum(a.ganancia for a in top), 1)} puntos al índice"
            if len(top) > 1 else f"Esta acción sumaría {num(top[0].ganancia, 1)} puntos al índice")
    if len(actions) > len(top):
        text += (f"; corregir las {len(actions)} acciones, {num(sum(a.ganancia for a in actions), 1)} puntos")
    return text + "."


def render_actions(ente_id: str, tipo: str, periodo: str) -> None:
    """«Qué corregir primero»: the three actions that add most to the index, each with where to act and a link to
    its detail; the others behind an expander, and all of them in a CSV."""
    layout.subheader("Qué corregir primero")
    actions = read.actions(ente_id, periodo)
    layout.summary(actions_summary(actions))
    for n, action in enumerate(actions[:TOP_ACTIONS], start=1):
        with st.container(border=True):
            st.markdown(f"**{n}. {md_escape(action.texto)}**")
            st.caption(md_escape(f"Suma {num(action.ganancia, 1)} puntos al índice · Dónde: {action.donde}"))
            if action.observacion:
                st.caption(md_escape(f"Observación del verificador: {action.observacion[:300]}"))
            params = {"ente": ente_id}
            if action.pagina != "pages/6_Verificacion.py":
                params |= {"tipo": tipo, "periodo": periodo}
            st.page_link(action.pagina, label="Ver el detalle", icon=":material/arrow_forward:",
                         query_params=params)
    if len(actions) > TOP_ACTIONS:
        with st.expander(f"Las demás acciones ({len(actions) - TOP_ACTIONS})"):
            for n, action in enumerate(actions[TOP_ACTIONS:], start=TOP_ACTIONS + 1):
                st.markdown(md_escape(f"{n}. {action.texto} (+{num(action.ganancia, 1)} puntos)"))
    if actions:
        download_csv(actions_frame(actions, tipo, periodo), f"acciones_{ente_id}_{periodo}.csv", key="csv_acciones",
                     label="Descargar todas las acciones (CSV)", periodo=periodo)


REQUEST_TYPES = {"ambos": "Ambos tipos", "informacion_publica": "Información pública",
                 "datos_personales": "ARCOP (datos personales)"}
INSUFICIENTE = "datos insuficientes"


def by_request_type(values: pd.DataFrame) -> pd.DataFrame:
    """One row per request indicator: its value for both types together, información pública and ARCOP, as text
    with its unit; «datos insuficientes» under the catalog's minimum, «—» without data."""
    out = pd.DataFrame({"Indicador": values["nombre"]})
    for key, label in REQUEST_TYPES.items():
        out[label] = [INSUFICIENTE if not is_missing(v) and not is_missing(s) and not bool(s) else format_value(v, u)
                      for v, s, u in zip(values[key], values[f"{key}_suficiente"], values["unidad"])]
    return out


def request_type_summary(values: pd.DataFrame, tipo: str, periodo: str) -> str:
    """The share of ARCOP in what the ente received, or that it received none."""
    row = values[values["indicador"] == "solicitudes_recibidas"]
    if row.empty:
        return f"Los indicadores de solicitudes de {periodo_es(tipo, periodo)}, por tipo de solicitud"
    total, arcop = row["ambos"].iloc[0], row["datos_personales"].iloc[0]
    arcop = 0 if is_missing(arcop) else int(arcop)
    if is_missing(total) or int(total) == 0:
        return f"No hubo solicitudes recibidas en {periodo_es(tipo, periodo)}"
    return (f"De {num(int(total))} solicitudes recibidas en {periodo_es(tipo, periodo)}, {num(arcop)} fueron de "
            f"derechos ARCOP (datos personales): {num(100 * arcop / int(total), 1)} %")
