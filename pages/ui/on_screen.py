"""What part of a long frame a page draws, and the sentence that says where the rest is.

At national scale a table has thousands of rows (8 000 entes) and a chart would have thousands of bars: every row is
sent to every browser on every view (a megabyte per table) and nobody reads past the first screens. A page draws
the rows that matter most (the frame comes sorted by what matters) and says how many it draws, of how many, and
where the full list is: the table's CSV always has every row, and a table of entes has a search box that finds any
of them. Small frames (the sample data, a group, one ente) are drawn whole, without a sentence.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import md_escape, num
from common.names import strip_accents
from pages.ui.layout import url_selectbox

TABLE_ROWS = 100    # rows of a table on screen; its CSV has all
CHART_ENDS = 25     # bars at each end of a long ranked chart; the table and its CSV have all
FULL_LIST = "el CSV de la tabla tiene la lista completa"


def rows_on_screen(df: pd.DataFrame, *, element: str, noun: str, head: int, tail: int = 0, which: str = "",
                   rest: str = FULL_LIST) -> pd.DataFrame:
    """The first `head` rows (and the last `tail`) of `df` when it has more than head + tail, with one caption:
    '{element} muestra {n} de {total} {noun} ({which}); {rest}.' (element: 'La tabla', 'La gráfica', 'El
    mapa'). The index is kept (a row clicked on screen maps back to the frame). `df` itself is what its CSV exports."""
    if len(df) <= head + tail:
        return df
    shown = pd.concat([df.head(head), df.tail(tail)]) if tail else df.head(head)
    say_shown(element, len(shown), len(df), noun, which, rest)
    return shown


def say_shown(element: str, shown: int, total: int, noun: str, which: str = "", rest: str = FULL_LIST) -> None:
    """The caption of rows_on_screen, for a page whose query already chose the rows it draws."""
    detail = f" ({which})" if which else ""
    st.caption(md_escape(f"{element} muestra {num(shown)} de {num(total)} {noun}{detail}; {rest}."))


def chart_rows(df: pd.DataFrame, *, noun: str, which: str, head: int = CHART_ENDS, tail: int = CHART_ENDS,
               rest: str = "la tabla y su CSV tienen la lista completa") -> pd.DataFrame:
    """A long ranked chart's bars: the first `head` and last `tail` rows (rows_on_screen)."""
    return rows_on_screen(df, element="La gráfica", noun=noun, head=head, tail=tail, which=which, rest=rest)


def table_rows(df: pd.DataFrame, *, key: str, noun: str, which: str, search: list[str] | None = None,
               head: int = TABLE_ROWS, tail: int = 0, rest: str = FULL_LIST) -> pd.DataFrame:
    """A long table's rows on screen (rows_on_screen). With `search` (columns such as Ente and Siglas) and more rows
    than fit, a search box above the table finds any row by those columns (accents and case ignored), so every
    ente stays reachable on screen too."""
    if len(df) <= head + tail:
        return df
    if search:
        query = st.text_input("Buscar en la tabla", key=f"buscar_{key}", placeholder="Nombre o siglas del ente",
                              help="Muestra las filas cuyo nombre o siglas contienen este texto.")
        if query.strip():
            found = df[_matches(df, search, query)]
            shown = rows_on_screen(found, element="La tabla", noun=f"{noun} que contienen «{query.strip()}»",
                                   head=head)
            if len(found) <= head:
                st.caption(md_escape(f"{num(len(found))} de {num(len(df))} {noun} contienen «{query.strip()}»."))
            return shown
        rest += "; el buscador encuentra cualquier otro"
    return rows_on_screen(df, element="La tabla", noun=noun, head=head, tail=tail, which=which, rest=rest)


def _fold(text: str) -> str:
    return strip_accents(text.casefold())


def _matches(df: pd.DataFrame, columns: list[str], query: str) -> pd.Series:
    needle = _fold(query.strip())
    hit = pd.Series(False, index=df.index)
    for col in columns:
        if col in df.columns:
            hit |= df[col].astype(object).fillna("").map(lambda v: needle in _fold(str(v))).astype(bool)
    return hit


PICKER_OPTIONS = 200  # entes a picker offers at once; a search box above it finds the others


def ente_picker(label: str, options: list[str], param: str, default: str, *, format_func,
                pinned: tuple[str, ...] = (), help: str | None = None) -> str:
    """layout.url_selectbox of entes. With more than PICKER_OPTIONS entes (a national catalog: 8 000, whose labels
    are 0.36 MB sent to the browser on every view and slow to draw), a search box above it narrows the list: the
    picker offers `pinned` options (e.g. «Todos»), the ente chosen now (or named in the URL), and the first
    PICKER_OPTIONS entes whose name or siglas contain the text typed (all entes in order when nothing is typed)."""
    if len(options) <= PICKER_OPTIONS + len(pinned):
        return url_selectbox(label, options, param, default, format_func=format_func, help=help)
    entes = [o for o in options if o not in pinned]
    query = st.text_input(f"Buscar {label.lower()}", key=f"buscar_{param}", placeholder="Nombre o siglas",
                          help=f"Hay {num(len(entes))} entes: escriba parte del nombre o de las siglas y elija "
                               "abajo entre los que lo contienen.")
    if query.strip():
        needle = _fold(query.strip())
        found = [o for o in entes if needle in _fold(f"{format_func(o)} {o}")]
    else:
        found = entes
    known = set(options)
    current = [v for v in (st.query_params.get(param), st.session_state.get(f"f_{param}"), default)
               if v in known and v not in pinned]
    offered = list(dict.fromkeys([*pinned, *current, *found[:PICKER_OPTIONS]]))
    if query.strip():
        st.caption(md_escape(f"{num(len(found))} de {num(len(entes))} entes contienen «{query.strip()}»"
                             + (f"; se ofrecen los primeros {num(PICKER_OPTIONS)}." if len(found) > PICKER_OPTIONS
                                else ".")))
    return url_selectbox(label, offered, param, default, format_func=format_func, help=help)
