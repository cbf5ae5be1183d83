"""Frames, sentences and figures of the Verificación page (obligaciones de transparencia).

Reviewer observations are plain text: they only reach st.dataframe cells and CSV files, never Markdown or HTML.

At national scale (thousands of entes) the per-review frames, the heatmap cells and the CSV bytes are built once
and cached (review_view, ente_options), keyed like warehouse/read.py on the warehouse file's identity, so a
rerun only draws.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.csv_export import csv_bytes
from common.formatting import fecha_corta, fecha_es, law_label, md_escape, num, periodo_corto, short_name
from pages.ui.layout import shared_figure, style_figure
from pages.ui.tables import ente_label
from warehouse import read_verificacion
from warehouse.read import file_signature

NA_COLOR, SIN_EVALUAR_COLOR = "#bdbdbd", "#f2f2f2"
SCORE_COLORS = [[0.0, "#d73027"], [0.5, "#fc8d59"], [0.7, "#fee08b"], [0.9, "#91cf60"], [1.0, "#1a9850"]]
ESTADOS = {"evaluada": "Evaluada", "no_aplica": "No aplica", "sin_evaluar": "Sin evaluar"}
TIPOS = {"diagnostica": "diagnóstica", "vinculante": "vinculante", "seguimiento": "de seguimiento",
         "mensual": "mensual"}


def review_label(row) -> str:
    """'VM-2026-10 · mensual · 12/10/2026'"""
    tipo = TIPOS.get(row["tipo"], row["tipo"] or "sin tipo")
    return f"{row['verificacion_id']} · {tipo} · {pd.Timestamp(row['fecha']).strftime('%d/%m/%Y')}"


def fraccion_label(articulo: str, fraccion: str) -> str:
    return f"{articulo}-{fraccion}"


def ente_short(siglas, nombre) -> str:
    return siglas if isinstance(siglas, str) and siglas else short_name(nombre, 28)


# ---- heatmap ---------------------------------------------------------------------------------------------

def heatmap_grid(mapa: pd.DataFrame) -> dict:
    """The cells of the ente × fracción map, ready to draw (plain lists and arrays, so they can be cached):
    rows (entes) and the ente id of each, cols (fracciones), score z, cell text and hover, the 'no aplica' and
    'sin evaluar' layers, and the cells' markers that carry the click."""
    mapa = mapa.assign(col=[fraccion_label(a, f) for a, f in zip(mapa["articulo"], mapa["fraccion"])],
                       fila=[ente_short(s, n) for s, n in zip(mapa["siglas"], mapa["nombre"])])
    cols = list(dict.fromkeys(mapa.sort_values(["articulo", "orden"])["col"]))
    first_of_row = mapa.drop_duplicates("fila")
    rows, ente_ids = first_of_row["fila"].tolist(), first_of_row["ente_id"].tolist()
    score = mapa.pivot_table(index="fila", columns="col", values="puntaje", aggfunc="first").reindex(
        index=rows, columns=cols).to_numpy(dtype=float)
    estado = mapa.pivot_table(index="fila", columns="col", values="estado", aggfunc="first").reindex(
        index=rows, columns=cols).to_numpy(dtype=object)
    names = dict(zip(mapa["col"], mapa["obligacion"]))
    heads = [f" · fr. {c} ({names.get(c, '')}): " for c in cols]
    cells = [list(zip(s, e)) for s, e in zip(score.tolist(), estado.tolist())]  # plain floats, no pandas lookups
    return {  # text arrays as numpy object arrays: plotly validates them much faster than lists of lists
        "rows": rows, "ente_ids": ente_ids, "cols": cols, "z": score,
        "text": _object_grid([[_cell_text(s, e) for s, e in row] for row in cells], len(cols)),
        "hover": _object_grid([[f"{r}{h}" + _cell_hover(s, e) for h, (s, e) in zip(heads, row)]
                               for r, row in zip(rows, cells)], len(cols)),
        # the grey 'no aplica' (with N/A) and blank 'sin evaluar' layers: 1 where the cell is in that state
        "layers": {value: {"z": np.where(estado == value, 1.0, np.nan),
                           "text": np.where(estado == value, label, "").astype(object)}
                   for value, label in (("no_aplica", "N/A"), ("sin_evaluar", "")) if (estado == value).any()},
        # one invisible marker per cell, row by row (heatmap_figure): its fracción and ente, as plain lists (plotly
        # copies a figure's arrays on every view, and lists of text copy faster than numpy arrays of objects)
        "cells": {"x": cols * len(rows), "y": [r for r in rows for _ in cols]},
    }


def _object_grid(cells: list[list[str]], n_cols: int) -> np.ndarray:
    out = np.empty((len(cells), n_cols), dtype=object)  # never an array of arrays, even for 0 rows
    for i, row in enumerate(cells):
        out[i, :] = row
    return out


def heatmap_figure(grid: dict) -> go.Figure:
    """Ente × fracción (heatmap_grid): score colored red→green; 'no aplica' grey with 'N/A' (never a 0); not
    evaluated blank. Plotly sends no click of a heatmap cell to Streamlit (a heatmap has no selectable points), so
    an invisible marker sits on every cell, carrying the cell's hover text: a click on a cell selects its marker,
    whose number says the row (clicked_ente) and the page opens that ente's Ficha."""
    cols, rows = grid["cols"], grid["rows"]
    fig = go.Figure()
    fig.add_heatmap(z=grid["z"], x=cols, y=rows, zmin=0, zmax=100, colorscale=SCORE_COLORS, xgap=1, ygap=1,
                    text=grid["text"], texttemplate="%{text}", textfont=dict(size=9), hoverinfo="skip",
                    colorbar=dict(title="Puntaje", ticksuffix=" %"), name="Puntaje")
    for value, color in (("no_aplica", NA_COLOR), ("sin_evaluar", SIN_EVALUAR_COLOR)):
        layer = grid["layers"].get(value)
        if layer is not None:
            fig.add_heatmap(z=layer["z"], x=cols, y=rows, colorscale=[[0, color], [1, color]], showscale=False,
                            xgap=1, ygap=1, text=layer["text"], texttemplate="%{text}",
                            textfont=dict(size=9, color="#424242"), hoverinfo="skip", name=ESTADOS[value])
    cells = grid["cells"]
    fig.add_scatter(x=cells["x"], y=cells["y"], hovertext=grid["hover"].ravel().tolist(), hoverinfo="text",
                    mode="markers", name="Abrir la ficha", showlegend=False,
                    marker=dict(symbol="square", size=12, opacity=0),
                    selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)))
    fig.update_xaxes(type="category", side="top", tickangle=-90, tickfont=dict(size=10))
    fig.update_yaxes(type="category", autorange="reversed", tickfont=dict(size=11))
    return fig


def clicked_ente(grid: dict, point: dict | None) -> str | None:
    """The ente id of the map's row whose cell a visitor clicked (layout.clicked_point of the map): the markers are
    the figure's last trace, one per cell, row by row."""
    markers = 1 + len(grid["layers"])  # the score heatmap, its layers, then the markers
    if not point or point.get("curve_number") != markers or not isinstance(point.get("point_index"), int):
        return None
    row = point["point_index"] // max(len(grid["cols"]), 1)
    return grid["ente_ids"][row] if 0 <= row < len(grid["ente_ids"]) else None


@shared_figure
def map_figure(verificacion: str, max_entes: int) -> go.Figure:
    """The review's map as the page draws it, made once per warehouse file (layout.shared_figure)."""
    data = review_view(verificacion, max_entes)
    return style_figure(heatmap_figure(data.heatmap), height=max(360, 24 * data.entes_en_mapa + 160), legend=False)


def _cell_text(score, estado) -> str:
    # 'N/A' is drawn by the grey no-aplica layer; a cell without a score shows no number at all
    return "" if pd.isna(score) or estado != "evaluada" else f"{score:.0f}"


def _cell_hover(score, estado) -> str:
    if estado == "no_aplica":
        return "no aplica"
    if estado == "sin_evaluar" or pd.isna(score):
        return "sin evaluar en esta verificación"
    return f"{num(score, 1)} %"


def heatmap_export(mapa: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Ente": mapa["nombre"], "Siglas": mapa["siglas"].fillna(""), "Artículo": mapa["articulo"],
        "Fracción": mapa["fraccion"], "Obligación": mapa["obligacion"], "Estado": mapa["estado"].map(ESTADOS),
        "Puntaje (%)": mapa["puntaje"].round(1), "Nivel": mapa["nivel"].fillna(""),
        "Criterios": mapa["n_criterios"].astype("Int64"),
        "Promedio sustantivos": mapa["media_sustantivos"].round(3),
        "Promedio adjetivos": mapa["media_adjetivos"].round(3),
        "Observaciones": mapa["observaciones"].fillna(""),
        "Motivo (no aplica)": mapa["motivo_aplicabilidad"].where(mapa["estado"] == "no_aplica", ""),
    })


def failing_list(mapa: pd.DataFrame, entes: pd.DataFrame) -> pd.DataFrame:
    """The map as a list, for a phone: one row per fracción an ente of the map fails (below full compliance),
    the ente with the lowest index first and, within it, the lowest score first. ente_id is hidden on screen (a
    row opens the ente's Ficha)."""
    fails = mapa[(mapa["estado"] == "evaluada") & mapa["incumplida"].fillna(False).astype(bool)]
    indice = entes.set_index("ente_id")["Índice (%)"]
    fails = fails.assign(indice=fails["ente_id"].map(indice)).sort_values(["indice", "nombre", "puntaje",
                                                                            "articulo", "orden"])
    return pd.DataFrame({
        "Ente": [ente_short(s, n) for s, n in zip(fails["siglas"], fails["nombre"])],
        "Fracción": [fraccion_label(a, f) for a, f in zip(fails["articulo"], fails["fraccion"])],
        "Puntaje (%)": fails["puntaje"].round(1),
        "Obligación": fails["obligacion"],
        "Índice del ente (%)": fails["indice"].round(1),
        "ente_id": fails["ente_id"],
    }).reset_index(drop=True)


def heatmap_summary(totals: dict[str, int], review) -> str:
    return (f"En la verificación {review['verificacion_id']} del {fecha_es(pd.Timestamp(review['fecha']).date())} se "
            f"evaluaron {num(totals['evaluadas'])} fracciones de {num(totals['entes'])} entes: "
            f"{num(totals['incumplidas'])} quedaron por debajo del cumplimiento total; {num(totals['no_aplica'])} "
            "celdas no aplican al ente y no cuentan.")


# ---- per fracción and per ente ---------------------------------------------------------------------------

def fracciones_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Artículo": df["articulo"], "Fracción": df["fraccion"], "Obligación": df["obligacion"],
        "Entes evaluados": df["entes_evaluados"].astype("int64"),
        "Entes que incumplen": df["entes_incumplen"].astype("int64"),
        "% de entes que incumplen": (100 * df["entes_incumplen"] / df["entes_evaluados"]).round(1),
        "Puntaje promedio (%)": df["puntaje_promedio"].round(1),
        "Entes a los que no aplica": df["entes_no_aplica"].astype("int64"),
    })


def fracciones_figure(table: pd.DataFrame, top: int = 10) -> go.Figure:
    head = table.head(top).iloc[::-1]
    labels = [f"{fraccion_label(a, f)} {short_name(o, 40)}" for a, f, o in
              zip(head["Artículo"], head["Fracción"], head["Obligación"])]
    fig = go.Figure(go.Bar(x=head["% de entes que incumplen"], y=labels, orientation="h", marker_color="#d73027",
                           text=[f"{v:.0f} %" for v in head["% de entes que incumplen"]], textposition="outside",
                           customdata=head[["Entes que incumplen", "Entes evaluados"]].values,
                           hovertemplate="%{y}: %{customdata[0]} de %{customdata[1]} entes<extra></extra>"))
    fig.update_layout(xaxis=dict(title="% de entes evaluados que incumplen", range=[0, 110], ticksuffix=" %"),
                      yaxis=dict(title=""))
    return fig


@shared_figure
def fracciones_chart(verificacion: str, max_entes: int) -> go.Figure:
    """fracciones_figure of the review as the page draws it, made once per warehouse file."""
    return style_figure(fracciones_figure(review_view(verificacion, max_entes).fracciones), height=420, legend=False)


def fracciones_summary(table: pd.DataFrame) -> str:
    if table.empty or table["Entes que incumplen"].max() == 0:
        return "Ninguna fracción quedó incumplida en esta verificación."
    top = table.iloc[0]
    return (f"La fracción más incumplida es la {top['Fracción']} del art. {top['Artículo']} "
            f"({top['Obligación']}): la incumplen {num(top['Entes que incumplen'])} de "
            f"{num(top['Entes evaluados'])} entes evaluados.")


VARIACION = "Variación contra la anterior del mismo tipo (puntos)"


def entes_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Ente": df["nombre"], "Siglas": df["siglas"].fillna(""), "Grupo de pares": df["grupo_pares"],
        "Índice (%)": df["indice"].round(1), VARIACION: df["variacion"].round(1),
        "Fracciones evaluadas": df["fracciones_evaluadas"].astype("int64"),
        "Fracciones incumplidas": df["fracciones_incumplidas"].astype("int64"),
        "Fracciones que le aplican": df["fracciones_aplicables"].astype("int64"),
        "Suma de puntajes": df["suma_puntaje"].round(2), "Suma de pesos": df["peso_evaluado"].round(2),
        "ente_id": df["ente_id"],  # hidden on screen (the row opens the ente's Ficha); a key in the CSV
    })


def entes_summary(table: pd.DataFrame) -> str:
    if table.empty:
        return "Ningún ente tiene resultados en esta verificación."
    best, worst = table.iloc[0], table.iloc[-1]
    return (f"{len(table)} entes tienen resultados: el índice va de {num(worst['Índice (%)'], 1)} % "
            f"({ente_short(worst['Siglas'], worst['Ente'])}) a {num(best['Índice (%)'], 1)} % "
            f"({ente_short(best['Siglas'], best['Ente'])}).")


# ---- one ente over time ------------------------------------------------------------------------------------

def trend_frame(own: pd.DataFrame, government: pd.DataFrame, in_force: pd.DataFrame) -> pd.DataFrame:
    """Monthly index of the ente (the review in force, named with its type and date) and of the whole government."""
    gob = government.set_index("periodo")["valor"]
    own = own.sort_values("periodo_inicio")
    vigente = {r["periodo"]: in_force_label(r) for r in in_force.to_dict("records")}
    return pd.DataFrame({
        "Mes": own["periodo"].tolist(),
        "Índice del ente (%)": own["valor"].round(1).tolist(),
        "Verificación vigente": [vigente.get(p, "") for p in own["periodo"]],
        "Fracciones evaluadas": own["denominador"].tolist(),
        "Índice del gobierno (%)": [round(gob.get(p), 1) if pd.notna(gob.get(p)) else None for p in own["periodo"]],
    })


def in_force_label(row) -> str:
    """'mensual del 12/10/2025' or, carried, 'vinculante del 12/09/2025 (hace 1 mes)'."""
    tipo = TIPOS.get(row["tipo"], row["tipo"] or "sin tipo").lower()
    text = f"{tipo} del {pd.Timestamp(row['fecha']).strftime('%d/%m/%Y')}"
    meses = int(row["meses_desde"])
    return text if meses == 0 else text + f" (hace {meses} {'mes' if meses == 1 else 'meses'})"


def trend_figure(trend: pd.DataFrame, meta: float | None, ente: str) -> go.Figure:
    labels = [periodo_corto("mes", m) for m in trend["Mes"]]
    fig = go.Figure()
    fig.add_scatter(x=labels, y=trend["Índice del ente (%)"], mode="lines+markers", name=ente,
                    customdata=trend["Verificación vigente"], line=dict(color="#7b1e3a", width=3),
                    hovertemplate="%{x}: %{y:.1f} % · verificación %{customdata}<extra></extra>")
    fig.add_scatter(x=labels, y=trend["Índice del gobierno (%)"], mode="lines", name="Gobierno del Estado",
                    line=dict(color="#8a9bb0", width=2, dash="dash"), hovertemplate="%{x}: %{y:.1f} %<extra></extra>")
    if meta is not None and pd.notna(meta):
        fig.add_scatter(x=[labels[0], labels[-1]], y=[meta, meta], mode="lines", name=f"Meta ({meta:.0f} %)",
                        line=dict(color="#1a9850", width=1.5, dash="dot"), hoverinfo="skip")
    fig.update_layout(xaxis=dict(title="Mes (índice de la verificación vigente)", type="category"),
                      yaxis=dict(title="Índice de cumplimiento", range=[0, 105], ticksuffix=" %"))
    return fig


@shared_figure
def trend_chart(trend: pd.DataFrame, meta: float | None) -> go.Figure:
    """trend_figure of an ente (trend_frame) as the page draws it, made once per warehouse file and ente."""
    return style_figure(trend_figure(trend, meta, "Este ente"), legend_title="Comparación")


def trend_summary(trend: pd.DataFrame, ente: str) -> str:
    first, last = trend.iloc[0], trend.iloc[-1]
    text = (f"El índice de {ente} pasó de {num(first['Índice del ente (%)'], 1)} % en "
            f"{periodo_corto('mes', first['Mes'])} a {num(last['Índice del ente (%)'], 1)} % en "
            f"{periodo_corto('mes', last['Mes'])}")
    if last["Verificación vigente"]:
        text += f" (verificación {last['Verificación vigente']})"
    if pd.notna(last["Índice del gobierno (%)"]):
        text += f"; el gobierno en conjunto tuvo {num(last['Índice del gobierno (%)'], 1)} % ese mes"
    return text + "."


def failing_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        # What fails and the reviewer's note first: the note is what the ente acts on (visible without scrolling).
        "Fracción": [f"Art. {a} fr. {f}" for a, f in zip(df["articulo"], df["fraccion"])],
        "Obligación": df["obligacion"], "Puntaje (%)": df["puntaje"].round(1),
        "Observaciones del verificador": df["observaciones"].fillna(""),
        "Situación": ["Reincidente" if r else "Incumplida" for r in df["reincidente"]],
        "Verificación": df["verificacion_id"], "Fecha": df["fecha"].map(fecha_corta),
        "Ley": df["ley_version"].map(law_label),
    })


def failing_summary(table: pd.DataFrame, ente: str) -> str:
    if table.empty:
        return f"{ente} no tiene fracciones incumplidas en su última evaluación de cada fracción."
    reincidentes = int((table["Situación"] == "Reincidente").sum())
    return (f"{ente} tiene {num(len(table))} fracciones por corregir según su última evaluación; "
            f"{num(reincidentes)} ya estaban incumplidas en la evaluación anterior (reincidentes).")


# ---- what the page shows of one review, built once per warehouse file -------------------------------------

@dataclass(frozen=True)
class ReviewView:
    totals: dict[str, int]          # heatmap_totals over every ente of the review
    heatmap: dict                   # heatmap_grid of the entes shown in the map
    entes_en_mapa: int
    fallas: pd.DataFrame            # failing_list: the map as a list of what fails per ente
    mapa_csv: bytes                 # the CSV files are built here, once, not on every rerun
    entes: pd.DataFrame             # entes_table
    entes_csv: bytes
    fracciones: pd.DataFrame        # fracciones_table
    fracciones_top_csv: bytes       # the data of the chart (the 10 most failed)
    fracciones_csv: bytes


CACHE = dict(max_entries=20, ttl=24 * 3600, show_spinner=False)


def review_view(verificacion: str, max_entes: int, top: int = 10) -> ReviewView:
    """Frames, heatmap cells and CSV bytes of one review; cached until the warehouse file changes."""
    return _review_view(verificacion, int(max_entes), int(top), file_signature())


@st.cache_data(**CACHE)
def _review_view(verificacion: str, max_entes: int, top: int, signature) -> ReviewView:
    del signature  # only part of the cache key: a rebuilt warehouse gives a new one
    mapa = read_verificacion.heatmap(verificacion, max_entes)
    entes = entes_table(read_verificacion.ente_indices(verificacion))
    fracciones = fracciones_table(read_verificacion.by_fraccion(verificacion))
    return ReviewView(
        totals=read_verificacion.heatmap_totals(verificacion), heatmap=heatmap_grid(mapa),
        entes_en_mapa=int(mapa["ente_id"].nunique()), fallas=failing_list(mapa, entes),
        mapa_csv=csv_bytes(heatmap_export(mapa)),
        entes=entes, entes_csv=csv_bytes(entes), fracciones=fracciones,
        fracciones_top_csv=csv_bytes(fracciones.head(top)), fracciones_csv=csv_bytes(fracciones))


def ente_options() -> tuple[list[str], dict[str, str]]:
    """Ids of the entes with verifications (picker order) and their labels; cached like review_view."""
    return _ente_options(file_signature())


@st.cache_data(**CACHE)
def _ente_options(signature) -> tuple[list[str], dict[str, str]]:
    del signature
    entes = read_verificacion.entes()
    label = ente_label(entes)
    ids = entes["ente_id"].tolist()
    return ids, {ente_id: label(ente_id) for ente_id in ids}


def download(data: bytes, filename: str, *, key: str, label: str = "Descargar CSV") -> None:
    """Download button for CSV bytes built by review_view (pages.ui.export.csv_bytes: formulas neutralized)."""
    st.download_button(label, data=data, file_name=filename, mime="text/csv", key=key, icon=":material/download:")


# ---- the block of the Ficha del ente ------------------------------------------------------------------------

PAGE = "pages/6_Verificacion.py"


def render_ente_block(ente_id: str) -> None:
    """The Ficha del ente's block: the ente's latest verification, metrics and a link only (no table or chart), so
    the Ficha keeps its own exports; the detail and its CSV files are on the Verificación page."""
    st.subheader("Verificación de obligaciones de transparencia", anchor=False)
    latest = read_verificacion.latest_for_ente(ente_id)
    if latest.empty:
        st.caption("Este ente aún no tiene verificaciones de obligaciones de transparencia cargadas.")
        return
    row = latest.iloc[0]
    fecha = pd.Timestamp(row["fecha"]).date()
    tipo = TIPOS.get(row["tipo"], row["tipo"] or "sin tipo").lower()
    c1, c2, c3 = st.columns(3)
    delta = None if pd.isna(row["variacion"]) else f"{row['variacion']:+.1f} pts"
    c1.metric(f"Índice de cumplimiento (verificación {tipo})", f"{num(row['indice'], 1)} %", delta=delta,
              delta_description=f"vs. la verificación {tipo} anterior" if delta else None, border=True)
    c2.metric("Fracciones incumplidas hoy", num(row["fracciones_incumplidas"]), border=True,
              help="Cada fracción por su última evaluación de los últimos 12 meses, en cualquier verificación.")
    c3.metric("Fracciones evaluadas", f"{num(row['fracciones_evaluadas'])} de {num(row['fracciones_aplicables'])}",
              border=True, help="Fracciones que le aplican al ente según la tabla de aplicabilidad.")
    meses = int(row["meses_desde"])
    vigente = "" if meses == 0 else f", vigente {meses} {'mes' if meses == 1 else 'meses'} después (sin otra de su tipo)"
    st.markdown(md_escape(
        f"Índice de la verificación {tipo} {row['verificacion_id']} del {fecha_es(fecha)}{vigente}: "
        f"{num(row['indice'], 1)} %. Hoy fallan {num(row['fracciones_incumplidas'])} fracciones por su última "
        "evaluación."))
    st.page_link(PAGE, label="Ver el detalle y las observaciones en Verificación", icon=":material/fact_check:",
                 query_params={"ente": ente_id})
