"""Metodología's long texts as plain text, a few elements per section: the rules and each dimension's indicators.

Measured in chromium at national scale: a Streamlit element costs the browser far more than its text (an expander,
its label and its body per rule or indicator were 0.3 s of a first visit), and Markdown costs more than plain
text, so each section is one st.text (never Markdown: the texts come from the catalogs)."""
from __future__ import annotations

import pandas as pd


def rules_text(reglas: pd.DataFrame) -> str:
    """Every rule as its title on one line and what it says below, a blank line between rules."""
    return "\n\n".join(f"{r['titulo']}\n{r['texto']}" for r in reglas.to_dict("records"))


def indicator_text(row: dict) -> str:
    """One indicator's whole definition (a row of the page's indicator table, Spanish column names)."""
    target = f"Meta: {row['Meta']:g}" if pd.notna(row["Meta"]) else f"Sin meta: {row['Sin meta porque']}"
    thresholds = (f" · Verde: {row['Umbral verde']:g} · Amarillo: {row['Umbral amarillo']:g}"
                  if pd.notna(row["Umbral verde"]) else "")
    return (f"{row['Indicador']} · {row['Id']}\n{row['Descripción']}\nFórmula: {row['Fórmula']}\n"
            f"Numerador: {row['Numerador']} · Denominador: {row['Denominador']} · Unidad: {row['Unidad']} · "
            f"{row['Dirección']}\n{target}{thresholds} · Denominador mínimo: {row['Denominador mínimo']:g}\n"
            f"Fuente: {row['Fuente']} · Versión {row['Versión']}")


def indicators_text(part: pd.DataFrame) -> str:
    """The definitions of a dimension's indicators, a blank line between them."""
    return "\n\n".join(indicator_text(row) for row in part.to_dict("records"))
