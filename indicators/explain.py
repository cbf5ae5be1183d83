"""«¿Por qué cambió?»: the change of the index told in plain Spanish sentences generated from the numbers.

The change of an ente's index between two periods is the sum of the changes of its components' contributions
(indice_componente.contribucion = dimension weight × component weight × score, weights normalized over what is
present), so the parts shown always add up to the change. A group's or the government's index is the mean of its
entes' index, so its change is each ente's change divided by the entes now, plus the entes that entered or left the
mean. Every paragraph is composed in SQL (indicators/sql/index/: frases.sql holds the words they share,
explicacion.sql writes an ente's, explicacion_nivel.sql a group's or the government's); here are only how much a
paragraph tells and the indicators' labels.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

from common.formatting import decimals_for
from common.names import strip_accents

EFFECTS_TOLD = 4   # a paragraph tells its largest effects, at most this many
NEGLIGIBLE = 0.05  # points: smaller contributions are not worth a sentence (and a smaller change is «se mantuvo»)
NAMED = 3          # entes named in a list of those that entered or left a mean («…; C y 2 más»)


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
