"""Page frame: config, access gate, Spanish menu, warehouse check, 'Datos al …', URL-backed filters, charts."""
from __future__ import annotations

import functools
import re
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from access.policy import can_open
from common.formatting import (TIPOS_PERIODO, fecha_corta, fecha_es, md_escape, periodo_corto, periodo_es, periodo_label,
                               sentence)
from indicators.period_status import PeriodStates
from indicators.periods import period_bounds
from pages.ui import gate, plotly_es
from pages.ui.charts import escape_figure
from warehouse import read

ROOT = Path(__file__).resolve().parents[2]
APP_TITLE = "Tablero de Indicadores de Transparencia"


class Page(NamedTuple):
    label: str
    icon: str
    audiencia: str   # who may open it: "publica" or an internal audience of access/policy.py AUDIENCIAS


# Every page: path relative to app.py, Spanish label, icon and audience. This table is the one declaration of
# which pages are public ("publica": everyone, no login) and which are internal ("entes": SABGOB, SEFIPLAN and
# each ente's enlace and titular, who see only their own ente; "coordinacion": SABGOB and SEFIPLAN; "sabgob").
# A file in pages/ missing here gets a label from its name and the "coordinacion" audience (closed by default).
PAGES = {
    "app.py": Page("Inicio", ":material/home:", "publica"),
    "pages/1_Ranking.py": Page("Ranking", ":material/leaderboard:", "publica"),
    "pages/2_Ficha_del_ente.py": Page("Ficha del ente", ":material/account_balance:", "publica"),
    "pages/3_Solicitudes.py": Page("Solicitudes", ":material/mail:", "publica"),
    "pages/4_Plazos_en_riesgo.py": Page("Plazos en riesgo", ":material/alarm:", "entes"),
    "pages/5_Datos_abiertos.py": Page("Datos abiertos", ":material/dataset:", "publica"),
    "pages/6_Verificacion.py": Page("Verificación", ":material/fact_check:", "publica"),
    "pages/7_Capacitacion.py": Page("Capacitación", ":material/school:", "publica"),
    "pages/8_Metodologia.py": Page("Metodología", ":material/menu_book:", "publica"),
    "pages/9_Estado_de_los_datos.py": Page("Estado de los datos", ":material/database:", "coordinacion"),
    "pages/10_Evaluar_una_obligacion.py": Page("Evaluar una obligación", ":material/rate_review:", "publica"),
    "pages/11_Moderacion.py": Page("Moderación", ":material/gavel:", "sabgob"),
    "pages/12_Guia_para_solicitar.py": Page("Guía para solicitar información", ":material/help:", "publica"),
    # Internal: a follow-up list of the UTs to reinforce, on tiers that are a working proposal (por confirmar), for
    # SABGOB and SEFIPLAN; each ente's enlace and titular see their own UT. The Ficha (public) says each ente's own
    # tier and staff, marked por confirmar, as issue 19 asks.
    "pages/13_Unidades_de_Transparencia.py": Page("Unidades de Transparencia", ":material/groups:", "entes"),
}
UNDECLARED_AUDIENCE = "coordinacion"
# Spanish toolbar, tooltips and date formats (pages/ui/plotly_es.py); no logo, no lasso or box selection.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                 "locale": plotly_es.LOCALE, "locales": plotly_es.LOCALES}
TODOS = "todos"
# Every chart is styled in the browser by Streamlit's theme (st.plotly_chart's theme="streamlit"), like the rest of
# the page. A plotly template built in Python for each figure (plotly express applies the default one, style_figure
# used to set plotly_white) cost about 0.1 s of server time per chart and was most of each chart's bytes.
px.defaults.template = go.layout.Template()


def page_of(path: str) -> Page:
    """The declaration of a page (path relative to app.py); an undeclared one is internal."""
    if path in PAGES:
        return PAGES[path]
    return Page(re.sub(r"^\d+_", "", Path(path).stem).replace("_", " "), ":material/description:", UNDECLARED_AUDIENCE)


def _menu_entries() -> list[tuple[str, Page]]:
    def order(path: str) -> tuple[int, str]:
        m = re.match(r"pages/(\d+)_", path)
        return (int(m.group(1)) if m else (0 if path == "app.py" else 99), path)

    paths = {p for p in PAGES if (ROOT / p).exists()}
    paths |= {f"pages/{f.name}" for f in (ROOT / "pages").glob("*.py") if not f.name.startswith("_")}
    return [(path, page_of(path)) for path in sorted(paths, key=order)]


def menu(visitor) -> None:
    """Spanish navigation menu in the sidebar (the automatic one is off in .streamlit/config.toml): only the
    pages this visitor may open."""
    with st.sidebar:
        # One element for both lines: every element costs each page view in the browser.
        st.markdown(f"**{md_escape(APP_TITLE)}**  \n:gray[:small[Gobierno del Estado de Quintana Roo]]")
        for path, page in _menu_entries():
            if can_open(visitor, page.audiencia):
                st.page_link(path, label=page.label, icon=page.icon)


def _calling_page() -> str:
    """The page script that called start_page, relative to app.py (Streamlit runs each page with its __file__)."""
    caller = sys._getframe(2).f_globals.get("__file__", "")
    try:
        return Path(caller).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return caller


def start_page(title: str, intro: str | None = None) -> date | None:
    """Config, access gate, menu, title and data cut-off date. Stops the page with a Spanish prompt when the visitor
    may not open it (before anything is read), or with a Spanish message when the warehouse is missing or
    unreadable. Returns fecha_corte."""
    st.set_page_config(page_title=f"{title} · {APP_TITLE}", page_icon=":material/bar_chart:", layout="wide")
    pagina = _calling_page()
    # Which page ran last: the first run of another page takes its filters from the URL (_arrived).
    st.session_state["_pagina_llegada"] = None if st.session_state.get("_pagina_corrida") == pagina else pagina
    st.session_state["_pagina_corrida"] = pagina
    visitor, problems = gate.current_visitor()
    menu(visitor)
    gate.sidebar_session(visitor, problems)
    gate.local_banner(visitor)
    gate.admit(visitor, pagina, page_of(pagina).audiencia, title)
    st.title(title)
    problem = read.warehouse_problem()
    if problem is not None:
        st.warning(md_escape(problem), icon=":material/warning:")
        st.caption("Mientras tanto no hay datos que mostrar en esta página.")
        st.stop()
    corte = read.cutoff_date()
    built = read.metadata().get("construido_en")
    caption = f"Datos al {fecha_es(corte)}"
    if built:
        caption += f" · actualizado el {fecha_corta(str(built))}"
    st.caption(md_escape(caption))
    if intro:
        st.text(intro)
    return corte


def no_data(message: str) -> None:
    """Say there is nothing to show (e.g. a source not loaded yet) and stop the page."""
    st.info(md_escape(message), icon=":material/info:")
    st.stop()


def summary(text: str) -> None:
    """One-sentence summary of a chart, computed from the numbers, as plain text: it reads the same as Markdown and
    nothing in it (names from data) is ever parsed, and a browser draws a text element for a fraction of a Markdown
    one's cost (about 10 ms each in chromium, measured with 30 of each)."""
    st.text(sentence(text))


def period_states():
    """Which periods are preliminary and which is the last closed one (indicators.period_status)."""
    return PeriodStates.from_frame(read.period_state_rows())


def preliminary_banner(states, tipo: str, periodo: str, corte: date | None, ente: str | None = None) -> bool:
    """A clear warning when the period is preliminary (some of its requests are still within their legal deadline,
    or the data do not cover it whole): its figures look better than they will end. True when shown."""
    state = states.state(tipo, periodo)
    if state is None or not state.preliminar:
        return False
    when, al = periodo_es(tipo, periodo), fecha_es(corte)
    parts = []
    if state.abiertas_en_plazo:
        parts.append(f"{state.abiertas_en_plazo:,} de {state.recibidas:,} solicitudes recibidas en {when} siguen en "
                     f"trámite dentro de su plazo legal al {al}")
    if ente:
        abiertas, recibidas = read.in_process(*period_bounds(tipo, periodo), ente)
        parts.append(f"de este ente, {abiertas:,} de {recibidas:,}")
    if not state.completo:
        parts.append(f"los datos llegan al {al}, antes del fin del periodo")
    last = states.last_closed(tipo)
    st.warning(md_escape(
        "Cifras preliminares: " + "; ".join(parts) + ". Las respuestas rápidas ya están y las lentas todavía no, así "
        "que estas cifras se ven mejor de lo que terminarán; los movimientos en el ranking y «¿Por qué cambió?» "
        "también son preliminares." + (f" El último periodo cerrado es {periodo_es(tipo, last)}." if last else "")),
        icon=":material/warning:")
    return True


# Keys of lazy expanders start with this: a test opens every one of a page to read what they hold.
LAZY_PREFIX = "abrir_"


def lazy_expander(label: str, key: str):
    """A collapsed expander whose content is drawn only while it is open: `.open` says whether to draw it (opening
    or closing it reruns the page). A collapsed st.expander's content is still run, sent and put in the page, and a
    browser pays for every element it is sent (Inicio's 25 further cards were ~120 of its ~200 elements)."""
    return st.expander(label, key=LAZY_PREFIX + key, on_change="rerun")


def subheader(text: str) -> None:
    st.subheader(md_escape(sentence(text)), anchor=False)


# ---- filters backed by the URL --------------------------------------------------------------------------

# What a URL parameter names, for the message when the value it carries does not exist.
PARAM_NOUNS = {"ente": "El ente", "periodo": "El periodo", "tipo": "El tipo de periodo", "indicador": "El indicador",
               "grupo": "El grupo de pares", "verificacion": "La verificación", "anio": "El año"}


def _arrived() -> bool:
    """True on the first run of a page after another (a link, the menu, a drill-down): then the URL's filters win
    over what the session remembers from before; on later runs of the same page the widgets hold the truth."""
    return st.session_state.get("_pagina_llegada") == st.session_state.get("_pagina_corrida")


def _init_state(key: str, param: str, options: list[str], default: str, format_func=str) -> None:
    from_url = st.query_params.get(param)
    if from_url in options and (_arrived() or st.session_state.get(key) not in options):
        st.session_state[key] = from_url
        return
    if st.session_state.get(key) in options:
        return
    chosen = default if default in options else options[0]
    st.session_state[key] = chosen
    if from_url:
        not_found(param, from_url, format_func(chosen))


def choose(values: dict[str, str]) -> None:
    """Button callback: set URL-backed filters (param → value) before the next run draws them."""
    for param, value in values.items():
        st.session_state[f"f_{param}"] = value
        st.query_params[param] = value


def not_found(param: str, value: str, shown: str) -> None:
    """'El ente «XYZ» no existe en el tablero (o no tiene datos aquí); se muestra …' instead of silently showing
    another."""
    noun = PARAM_NOUNS.get(param, f"El valor «{param}»")
    st.warning(md_escape(f"{noun} «{value[:80]}» no existe en el tablero o no tiene datos en esta vista; se muestra "
                         f"{shown}."), icon=":material/search_off:")


def url_selectbox(label: str, options: list[str], param: str, default: str, *, format_func=str,
                  radio: bool = False, help: str | None = None) -> str:
    """A selectbox (or horizontal radio) whose value is read from and written to ?param=…; a value in the URL
    that is not among the options is said, not silently replaced."""
    key = f"f_{param}"
    _init_state(key, param, options, default, format_func)
    if radio:
        value = st.radio(label, options, key=key, format_func=format_func, horizontal=True, help=help)
    else:
        value = st.selectbox(label, options, key=key, format_func=format_func, help=help)
    st.query_params[param] = value
    return value


def url_multiselect(label: str, options: list[str], param: str, default: list[str], *, format_func=str,
                    max_selections: int | None = None) -> list[str]:
    """Multiselect stored as ?param=a,b,c"""
    key = f"f_{param}"
    current = st.session_state.get(key)
    raw = st.query_params.get(param)
    if _arrived() or not isinstance(current, list) or any(v not in options for v in current):
        asked = [v for v in raw.split(",") if v] if raw else []
        chosen = [v for v in asked if v in options]
        if _arrived() and isinstance(current, list) and not asked:
            chosen = [v for v in current if v in options]
        st.session_state[key] = chosen or [v for v in default if v in options]
        unknown = [v for v in asked if v not in options]
        if unknown:
            not_found(param, ", ".join(unknown), ", ".join(format_func(v) for v in st.session_state[key]) or "nada")
    value = st.multiselect(label, options, key=key, format_func=format_func, max_selections=max_selections)
    st.query_params[param] = ",".join(value)
    return value


def url_int_slider(label: str, min_value: int, max_value: int, param: str, default: int,
                   help: str | None = None) -> int:
    key = f"f_{param}"
    if not isinstance(st.session_state.get(key), int):
        try:
            value = int(st.query_params.get(param, default))
        except ValueError:
            value = default
        st.session_state[key] = min(max(value, min_value), max_value)
    value = st.slider(label, min_value, max_value, key=key, help=help)
    st.query_params[param] = str(value)
    return value


def preliminary_months_note(months: list[str]) -> None:
    """Under a monthly chart: which of its months are still preliminary (their last points will move)."""
    states = period_states()
    open_months = [m for m in months if states.is_preliminary("mes", m)]
    if open_months:
        st.caption(md_escape("Meses preliminares (con solicitudes aún dentro de su plazo o sin cubrir completos): "
                             + ", ".join(periodo_corto("mes", m) for m in open_months)
                             + "; sus valores pueden empeorar cuando lleguen las respuestas lentas."))


def period_filters(periods_for, corte: date | None, containers=None, *, radio: bool = True,
                   ente: str | None = None) -> tuple[str, str] | None:
    """Tipo de periodo (radio) + periodo (selectbox), defaulting to the last closed period; a preliminary period,
    when chosen, is marked in the list and gets the "Cifras preliminares" banner (for `ente` too, when given).
    periods_for(tipo) -> list of periodo strings, newest first. containers: two places to draw them."""

    first, second = containers or (st.container(), st.container())
    with first:
        tipo = url_selectbox("Tipo de periodo", list(TIPOS_PERIODO), "tipo", "mes",
                             format_func=TIPOS_PERIODO.get, radio=radio)
    options = periods_for(tipo)
    if not options:
        return None
    states = period_states()
    with second:
        periodo = url_selectbox("Periodo", options, "periodo", states.default(tipo, options),
                                format_func=lambda p: periodo_label(tipo, p)
                                + (" (preliminar)" if states.is_preliminary(tipo, p) else ""))
    preliminary_banner(states, tipo, periodo, corte, ente)
    return tipo, periodo


# ---- charts ---------------------------------------------------------------------------------------------

def style_figure(fig: go.Figure, *, height: int = 420, legend: bool = True, legend_title: str | None = None
                 ) -> go.Figure:
    """Common look: Spanish-friendly separators (12,345.6), horizontal legend on top with its title (the one plotly
    express gave it, e.g. the colour's column, or legend_title), compact margins. Each part is assigned once,
    merged into what the figure already had as fig.update_layout would: update_layout goes through plotly's whole
    update machinery, 4–16 ms a chart on every run, against under 1 ms."""
    layout = fig.layout
    layout.height, layout.separators, layout.showlegend = height, ".,", bool(legend)
    for part, values in (("legend", dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0)),
                         ("margin", dict(l=10, r=10, t=40, b=10)), ("hoverlabel", dict(namelength=-1)),
                         ("font", dict(family="Source Sans Pro, sans-serif", size=13))):
        layout[part] = {**layout[part].to_plotly_json(), **values}
    if legend_title is not None:
        title = {**layout.legend.title.to_plotly_json(), "text": legend_title}
        layout.legend = {**layout.legend.to_plotly_json(), "title": title}
    return fig


def goal_line(fig: go.Figure, value: float, label: str, *, axis: str = "x", color: str = "#1a9850") -> go.Figure:
    """The goal (meta) as a dotted line across the plot, named in the legend rather than by a label on the plot,
    where it would sit on top of bars or points."""
    line = dict(color=color, width=1.5, dash="dot")
    if axis == "x":
        fig.add_vline(x=value, line=line)
    else:
        fig.add_hline(y=value, line=line)
    fig.add_scatter(x=[None], y=[None], mode="lines", line=line, name=label, hoverinfo="skip", showlegend=True)
    return fig


class SharedFigure(NamedTuple):
    """A figure built, styled and escaped once and shared by every visitor (shared_figure); nothing changes it."""
    figure: go.Figure


_SHARED_BUILDERS: dict[str, object] = {}


def shared_figure(build):
    """Decorator for a figure that is the same for every visitor until the warehouse changes (a review's map, an
    ente's monthly chart): `build(*args)` makes and styles it; it is escaped and kept once per warehouse file and
    arguments, shared by every session (st.cache_resource: never copied, so nothing may change it afterwards; show_figure
    only reads it). Plotly checks every property and every array as a figure is built, styled and escaped: the
    Verificación map of 2 880 cells cost ~50 ms of server time on each page view, the small charts 5–30 ms each."""
    name = f"{build.__module__}.{build.__qualname__}"
    _SHARED_BUILDERS[name] = build

    @functools.wraps(build)
    def figure(*args) -> SharedFigure:
        return _shared_figure(name, read.file_signature(), *args)
    return figure


@st.cache_resource(max_entries=64, ttl=24 * 3600, show_spinner=False)
def _shared_figure(name: str, signature, *args) -> SharedFigure:
    del signature  # only part of the cache key: a rebuilt warehouse gives a new one
    return SharedFigure(escape_figure(_SHARED_BUILDERS[name](*args)))


def show_figure(fig: go.Figure | SharedFigure, key: str, *, clickable: bool = False):
    """Every chart is drawn here, with its labels from data escaped (plotly would render them as markup; a
    SharedFigure was escaped when it was made). clickable: a click on a point or bar selects it (clicked_point reads
    it) and reruns the page."""
    fig = fig.figure if isinstance(fig, SharedFigure) else escape_figure(fig)
    if clickable:
        return st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key, on_select="rerun",
                               selection_mode="points")
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key)
    return None


def on_phone() -> bool:
    """Whether the browser says it is a phone ('Mobi' in its User-Agent, the test MDN recommends): the server
    cannot read the screen's width, so a page offers both forms of a wide view and opens this one first."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def clicked_point(event) -> dict | None:
    """The point or bar a visitor clicked in a clickable chart (its customdata, x, y), or None."""
    points = (getattr(event, "selection", None) or {}).get("points") or []
    return points[0] if points else None


FICHA = "pages/2_Ficha_del_ente.py"


def open_ficha(ente_id: str, tipo: str, periodo: str) -> None:
    """Drill-down: the ente's Ficha with the same period (its filters come from the URL on arrival)."""
    st.switch_page(FICHA, query_params={"ente": ente_id, "tipo": tipo, "periodo": periodo})


def count_axis(max_value) -> dict:
    """Axis settings for counts: thousands separators and no fractional ticks for small numbers."""
    axis = {"tickformat": ",d", "rangemode": "tozero"}
    if max_value is not None and float(max_value) <= 10:
        axis["dtick"] = 1
    return axis
