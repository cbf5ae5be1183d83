"""Semáforo (traffic light) and ranking rules, driven by the indicators' definitions (thresholds, direction)."""
from __future__ import annotations

import math

import pandas as pd

# A shape plus the word: geometric shapes render in every font (emoji render as boxes without an emoji font), the
# shape tells the colour apart without colour vision, and pages colour it (pages/ui/indicadores.py, semaforo_md).
VERDE, AMARILLO, ROJO = "● Verde", "◆ Amarillo", "■ Rojo"
SIN_SEMAFORO, SIN_DATO, INSUFICIENTE = "○ Sin semáforo", "○ Sin dato", "○ Datos insuficientes"
COLORS = {VERDE: "#1a9850", AMARILLO: "#f2b701", ROJO: "#d73027",
          SIN_SEMAFORO: "#7f8c8d", SIN_DATO: "#bdc3c7", INSUFICIENTE: "#bdc3c7"}


def is_missing(x) -> bool:
    """None, NaN or pandas' NA: a value a page shows as "sin dato"."""
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def semaforo(valor, direccion: str, verde, amarillo, suficiente: bool = True) -> str:
    """'● Verde' when at or better than umbral_verde, '◆ Amarillo' when at or better than umbral_amarillo,
    '■ Rojo' otherwise; neutral indicators or ones without thresholds have no semáforo."""
    if not suficiente:
        return INSUFICIENTE
    if is_missing(valor):
        return SIN_DATO
    if direccion not in ("mayor_es_mejor", "menor_es_mejor") or is_missing(verde):
        return SIN_SEMAFORO
    better_or_equal = (lambda a, b: a >= b) if direccion == "mayor_es_mejor" else (lambda a, b: a <= b)
    if better_or_equal(valor, verde):
        return VERDE
    if not is_missing(amarillo) and better_or_equal(valor, amarillo):
        return AMARILLO
    return ROJO


def delta_color(direccion: str) -> str:
    """st.metric delta_color: green when the change is an improvement."""
    return {"mayor_es_mejor": "normal", "menor_es_mejor": "inverse"}.get(direccion, "off")


def rank_entes(df: pd.DataFrame, direccion: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split into (ranked, apart). Ranked: suficiente and with a value, best first, ties share the
    place (method 'min'); for neutral indicators the order is from highest to lowest.
    Apart: datos insuficientes or without value, not ranked."""
    ok = df["suficiente"].fillna(False).astype(bool) & df["valor"].notna()
    ranked = df[ok].copy()
    apart = df[~ok].copy()
    ascending = direccion == "menor_es_mejor"
    key = ranked["valor"].astype(float).round(9)
    ranked["lugar"] = key.rank(method="min", ascending=ascending).astype("int64")
    ranked = ranked.sort_values(["lugar", "nombre"]).reset_index(drop=True)
    return ranked, apart.sort_values("nombre").reset_index(drop=True)
