"""Spanish formatting: dates, periods, numbers (Mexican convention: 12,345.6), safe markdown."""
from __future__ import annotations

import math
import re
from datetime import date

MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
MESES_CORTOS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
TRIMESTRES = ["primer", "segundo", "tercer", "cuarto"]
TIPOS_PERIODO = {"mes": "Mes", "trimestre": "Trimestre", "anio": "Año"}
COUNT_UNITS = {"solicitudes", "recursos", "personas", "entes", "fracciones", "cursos", "horas-persona", "asistentes", "eventos",
               "evaluaciones"}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=^&\"'])")


def md_escape(text: object) -> str:
    """Backslash-escape everything Markdown (and Streamlit's :color[]/:icon: and $math$) could interpret."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ").replace("\r", " ")


def fecha_es(d: date | None) -> str:
    """date(2026, 10, 31) -> '31 de octubre de 2026'."""
    if d is None:
        return "fecha no registrada"
    return f"{d.day} de {MESES[d.month - 1]} de {d.year}"


def periodo_es(tipo: str, periodo: str) -> str:
    """Long Spanish phrase: '2026-10' -> 'octubre de 2026', '2026-T3' -> 'el tercer trimestre de 2026',
    '2026' -> 'el año 2026'. Use contract()/sentence() on text built with it."""
    if tipo == "mes":
        y, m = periodo.split("-")
        return f"{MESES[int(m) - 1]} de {y}"
    if tipo == "trimestre":
        y, q = periodo.split("-T")
        return f"el {TRIMESTRES[int(q) - 1]} trimestre de {y}"
    return f"el año {periodo}" if tipo == "anio" else periodo


_DE_A_EL = re.compile(r"\b([Dd]e|[Aa]) el\b")


def contract(text: str) -> str:
    """Spanish contractions after pasting phrases: 'de el' -> 'del', 'a el' -> 'al'."""
    if " el" not in text:  # most sentences: the index words hundreds of thousands of them
        return text
    return _DE_A_EL.sub(lambda m: m.group(1)[0] + ("el" if m.group(1).lower() == "de" else "l"), text)


def sentence(text: str) -> str:
    """Contracted, first letter upper-case."""
    text = contract(text)
    return text[:1].upper() + text[1:]


def periodo_label(tipo: str, periodo: str) -> str:
    """Label for selectors: 'Octubre 2026', 'T3 2026 (jul–sep)', '2026'."""
    if tipo == "mes":
        y, m = periodo.split("-")
        return f"{MESES[int(m) - 1].capitalize()} {y}"
    if tipo == "trimestre":
        y, q = periodo.split("-T")
        q = int(q)
        return f"T{q} {y} ({MESES_CORTOS[3 * q - 3]}–{MESES_CORTOS[3 * q - 1]})"
    return periodo


def periodo_corto(tipo: str, periodo: str) -> str:
    """Axis label: 'oct 2026', 'T3 2026', '2026'."""
    if tipo == "mes":
        y, m = periodo.split("-")
        return f"{MESES_CORTOS[int(m) - 1]} {y}"
    if tipo == "trimestre":
        y, q = periodo.split("-T")
        return f"T{q} {y}"
    return periodo


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def num(x, decimals: int = 0) -> str:
    """12345.67 -> '12,345.7' (decimals=1). Missing -> '—'."""
    if _missing(x):
        return "—"
    return f"{float(x):,.{decimals}f}"


def decimals_for(unidad: str) -> int:
    return 0 if unidad in COUNT_UNITS else 1


def format_value(x, unidad: str) -> str:
    """Indicator value with its unit: '91.2 %', '1,234', '8.3'."""
    if _missing(x):
        return "—"
    text = num(x, decimals_for(unidad))
    return f"{text} %" if unidad == "%" else text


def format_delta(d, unidad: str) -> str | None:
    """Signed change for st.metric: '+1.3 pts', '-12', '+0.4'. None when unknown."""
    if _missing(d):
        return None
    dec = decimals_for(unidad)
    text = f"{float(d):+,.{dec}f}"
    if text.lstrip("+-").strip("0.,") == "":
        text = f"{0:.{dec}f}"
    return f"{text} pts" if unidad == "%" else text


def change_words(d, unidad: str, antes: str) -> str:
    """'1.3 puntos más que en septiembre de 2026' / '12 menos que …' / 'igual que …'."""
    if _missing(d):
        return ""
    dec = decimals_for(unidad)
    magnitude = num(abs(d), dec)
    if float(magnitude.replace(",", "")) == 0:
        return f"igual que en {antes}"
    units = " puntos" if unidad == "%" else ""
    return f"{magnitude}{units} {'más' if d > 0 else 'menos'} que en {antes}"


def short_name(name: str, limit: int = 32) -> str:
    """Chart label for an ente without siglas: cut at a word boundary with '…'."""
    name = str(name)
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def chart_text(text: object) -> str:
    """Text for plotly labels and hovers: plotly reads a few HTML tags (<a>, <b>, <br>) in them, so < and >
    coming from data are shown literally."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
