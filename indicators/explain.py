"""«¿Por qué cambió?»: the change of the index told in plain Spanish sentences generated from the numbers.

The change of an ente's index between two periods is the sum of the changes of its components' contributions
(indice_componente.contribucion = dimension weight × component weight × score, weights normalized over what is
present), so the parts shown always add up to the change.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from common.names import strip_accents
from common.formatting import format_value, periodo_es, sentence

TOP = 3           # components named in a sentence
NEGLIGIBLE = 0.05  # points: smaller contributions are not worth a sentence


class Part(NamedTuple):
    """One component's change (a tuple: the index builds millions of them)."""
    dimension: str
    indicador: str
    valor_anterior: float | None
    valor: float | None
    delta: float              # total change of this component's contribution
    efecto_valor: float = 0.0  # part due to its own score moving
    efecto_peso: float = 0.0   # part due to re-weighting (something without data in one of the periods)


@functools.lru_cache(maxsize=None)  # a handful of indicator names, sorted hundreds of thousands of times
def _alphabetical(text: str) -> str:
    return strip_accents(text).casefold()


def _signed(points: float) -> str:
    return ("+" if points >= 0 else "−") + f"{abs(points):.1f}"


def part_sentence(part: Part, names: dict[str, str], units: dict[str, str]) -> str:
    """The effect of a component's own score: '−6.2 puntos: Respondidas en plazo pasó de 95.0 % a 80.0 %'."""
    name, unit = names.get(part.indicador, part.indicador), units.get(part.indicador, "")
    return (f"{_signed(part.efecto_valor)} puntos: {name} pasó de {format_value(part.valor_anterior, unit)} "
            f"a {format_value(part.valor, unit)}")


def reweighting_sentence(parts: list[Part], names: dict[str, str], units: dict[str, str]) -> str | None:
    """Components with data in only one of the periods move every weight: one sentence says so."""
    total = sum(p.efecto_peso for p in parts)
    if abs(total) < NEGLIGIBLE:
        return None
    # In alphabetical order (Índice among the I's), never in the order rows happened to arrive.
    listed = sorted(parts, key=lambda p: _alphabetical(names.get(p.indicador, p.indicador)))
    gone = [f"{names.get(p.indicador, p.indicador)} (antes {format_value(p.valor_anterior, units.get(p.indicador, ''))})"
            for p in listed if p.valor is None]
    new = [names.get(p.indicador, p.indicador) for p in listed if p.valor_anterior is None]
    why = []
    if gone:
        why.append("sin datos suficientes en este periodo: " + ", ".join(gone))
    if new:
        why.append("con datos ahora y no antes: " + ", ".join(new))
    reason = "; ".join(why) or "cambió qué indicadores tienen datos"
    return f"{_signed(total)} puntos por el reparto de pesos ({reason})"


def _head(subject: str, tipo: str, periodo: str, periodo_anterior: str, indice: float, indice_anterior: float) -> str:
    """'El índice bajó 3.4 puntos, de 72.2 a 68.8, entre septiembre de 2026 y octubre de 2026'."""
    change = indice - indice_anterior
    antes, ahora = periodo_es(tipo, periodo_anterior), periodo_es(tipo, periodo)
    if abs(change) < NEGLIGIBLE:
        return f"{subject} se mantuvo en {indice:.1f} entre {antes} y {ahora}"
    verb = "subió" if change > 0 else "bajó"
    return f"{subject} {verb} {abs(change):.1f} puntos, de {indice_anterior:.1f} a {indice:.1f}, entre {antes} y {ahora}"


def explain(tipo: str, periodo: str, periodo_anterior: str, indice: float, indice_anterior: float,
            parts: Iterable[Part], names: dict[str, str], units: dict[str, str],
            details: dict[str, list[tuple[float, str]]] | None = None) -> str:
    """One paragraph: the change, then the components that moved it most, largest first."""
    head = _head("El índice", tipo, periodo, periodo_anterior, indice, indice_anterior)
    # In a fixed order first, so that equal effects are told in the same order whatever order the rows came in.
    parts = sorted(parts, key=lambda p: (p.dimension, p.indicador))
    # Ranked, then worded: only the TOP + 1 largest effects are told.
    items: list[tuple[float, Part | None]] = [(p.efecto_valor, p) for p in parts if abs(p.efecto_valor) >= NEGLIGIBLE]
    reweight = reweighting_sentence(parts, names, units)
    if reweight:
        items.append((sum(p.efecto_peso for p in parts), None))
    ranked = sorted(items, key=lambda item: -abs(item[0]))[:TOP + 1]
    texts = [sentence(head) + "."]
    for _, p in ranked:
        if p is None:
            text = reweight
        else:
            text = part_sentence(p, names, units)
            # Details (e.g. fracciones) that moved the same way as the component, so they explain it.
            extra = [t for d, t in (details or {}).get(p.indicador, []) if (d > 0) == (p.efecto_valor > 0)]
            if extra:
                text += " (" + "; ".join(extra) + ")"
        texts.append(sentence(text) + ".")
    return " ".join(texts)


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
