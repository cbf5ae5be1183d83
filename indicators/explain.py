"""«¿Por qué cambió?»: the change of the index told in plain Spanish sentences generated from the numbers.

The change of an ente's index between two periods is the sum of the changes of its components' contributions
(indice_componente.contribucion = dimension weight × component weight × score, weights normalized over what is
present), so the parts shown always add up to the change. An ente's paragraph is composed in SQL
(indicators/sql/index/explicacion.sql: hundreds of thousands of them at national scale) with the labels made here;
a group's or the government's (a few hundred) here, in the same words.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

from common.formatting import decimals_for, periodo_es, sentence
from common.names import strip_accents

TOP = 3            # effects told in a paragraph
NEGLIGIBLE = 0.05  # points: smaller contributions are not worth a sentence


@functools.lru_cache(maxsize=None)
def _alphabetical(text: str) -> str:
    return strip_accents(text).casefold()


def indicator_labels(rows: Iterable[tuple[str, str | None, str | None]]) -> list[tuple[str, str, int, str, int]]:
    """What index/explicacion.sql needs to word each indicator, from (indicador, nombre, unidad) rows: its name (its
    id when it has none), the decimals and suffix of its values (as format_value writes them) and its place in
    alphabetical order as a reader expects it (Índice among the I's, not after Z as code points would put it)."""
    rows = [(ind, ind if nombre is None else nombre, unidad or "") for ind, nombre, unidad in rows]
    places = {key: n for n, key in enumerate(sorted({_alphabetical(nombre) for _, nombre, _ in rows}), start=1)}
    return [(ind, nombre, decimals_for(unidad), " %" if unidad == "%" else "", places[_alphabetical(nombre)])
            for ind, nombre, unidad in rows]


def _signed(points: float) -> str:
    return ("+" if points >= 0 else "−") + f"{abs(points):.1f}"


def _head(subject: str, tipo: str, periodo: str, periodo_anterior: str, indice: float, indice_anterior: float) -> str:
    """'El índice bajó 3.4 puntos, de 72.2 a 68.8, entre septiembre de 2026 y octubre de 2026'."""
    change = indice - indice_anterior
    antes, ahora = periodo_es(tipo, periodo_anterior), periodo_es(tipo, periodo)
    if abs(change) < NEGLIGIBLE:
        return f"{subject} se mantuvo en {indice:.1f} entre {antes} y {ahora}"
    verb = "subió" if change > 0 else "bajó"
    return f"{subject} {verb} {abs(change):.1f} puntos, de {indice_anterior:.1f} a {indice:.1f}, entre {antes} y {ahora}"


NAMED = 3  # entes named in a list of those that entered or left a mean


def _names(names: list[str] | None) -> str:
    names = list(names or [])
    shown = "; ".join(names[:NAMED])
    return shown + (f" y {len(names) - NAMED} más" if len(names) > NAMED else "")


def explain_level(nivel: str, clave: str, tipo: str, periodo: str, periodo_anterior: str, indice: float,
                  indice_anterior: float, n: int, n_anterior: int, partes: list[dict] | None,
                  suma_efectos: float, entraron: list[str] | None, salieron: list[str] | None) -> str:
    """Why a group's (or the government's) index moved: it is the mean of its entes' index, so the change is each
    ente's change divided by the entes now, plus the entes that entered or left the mean (the rest, exactly)."""
    who = "El índice del gobierno" if nivel == "gobierno" else f"El índice del grupo «{clave}»"
    change = indice - indice_anterior
    head = (_head(who, tipo, periodo, periodo_anterior, indice, indice_anterior)
            + f": es el promedio de {int(n)} entes con datos suficientes (antes {int(n_anterior)})")
    items: list[tuple[float, str]] = [
        (p["efecto"], f"{_signed(p['efecto'])} puntos: {p['nombre']} pasó de {p['antes']:.1f} a {p['ahora']:.1f}")
        for p in (partes or []) if abs(p["efecto"]) >= NEGLIGIBLE]
    composicion = change - suma_efectos
    if abs(composicion) >= NEGLIGIBLE or entraron or salieron:
        why = []
        if entraron:
            why.append(f"entraron: {_names(entraron)}")
        if salieron:
            why.append(f"salieron: {_names(salieron)}")
        items.append((composicion, f"{_signed(composicion)} puntos por los entes que entraron o salieron del promedio"
                                   + (f" ({'; '.join(why)})" if why else "")))
    ranked = sorted(items, key=lambda item: -abs(item[0]))[:TOP + 1]
    return " ".join([sentence(head) + "."] + [sentence(text) + "." for _, text in ranked])
