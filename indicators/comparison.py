"""Citizens and verifiers side by side (Verificación page, Ficha, PDF fichas): the rule, as data, and its table.

For an ente, a fracción and a reference month, both sides pool the VENTANA_MESES months that end with that month:
the citizens' evaluations of the fracción (their counts added up; a value only from the catalog's minimum number
of evaluations) and the verifiers' scores of it in every review of those months (averaged). They disagree when
the citizens' % encontrada and the verifiers' score (both 0–100, «parcialmente» and a partial criterion both
worth half) differ by UMBRAL_DESACUERDO points or more; the fracciones where they disagree most are those with the
largest difference, either way. indicators/reglas.toml states the same rule for Metodología and the README.
"""
from __future__ import annotations

from datetime import date, timedelta

import duckdb

from indicators import sql
from indicators.periods import period_bounds

VENTANA_MESES = 12
UMBRAL_DESACUERDO = 25.0
MINIMO_DE = "evaluacion_ciudadana_pct_encontrada"   # the indicator whose denominador_minimo is the minimum count


def compute_comparison(con: duckdb.DuckDBPyConnection) -> None:
    """Fills comparacion_ciudadana, after the base tables (evaluacion_ciudadana_fraccion_mes) and the catalog."""
    minimo = con.execute("SELECT denominador_minimo FROM indicador WHERE indicador = ?", [MINIMO_DE]).fetchone()[0]
    con.execute(sql("values/comparacion_ciudadana.sql"), {"ventana": VENTANA_MESES, "minimo": minimo,
                                                    "umbral": UMBRAL_DESACUERDO})


def reference_month(tipo: str, periodo: str) -> date:
    """The month whose window a period's comparison uses: the period's last month ('2026-T3' → 2026-09-01)."""
    last_day = period_bounds(tipo, periodo)[1] - timedelta(days=1)
    return last_day.replace(day=1)
