"""Ranking: the sentence over the ranked entes and the rule behind each indicator's semáforo."""
from __future__ import annotations

import pandas as pd

from common.formatting import format_value, num, periodo_es, without_paths
from indicators.semaforo import is_missing
from pages.ui.tables import name_with_siglas


def ranking_summary(ranked: pd.DataFrame, apart: pd.DataFrame, nombre: str, unidad: str, tipo: str,
                    periodo: str, counts: dict[str, int]) -> str:
    when = periodo_es(tipo, periodo)
    if ranked.empty:
        return f"En {when} ningún ente tiene datos suficientes para ordenar por «{nombre}»."
    best, worst = ranked.iloc[0], ranked.iloc[-1]
    text = (f"En {when}, {len(ranked)} entes tienen datos suficientes en «{nombre}»: el primer lugar es "
            f"{name_with_siglas(best)} con {format_value(best['valor'], unidad)} y el último "
            f"{name_with_siglas(worst)} con {format_value(worst['valor'], unidad)}")
    light = [f"{n} en {k.split(' ', 1)[1].lower()}" for k, n in counts.items() if n]
    if light:
        text += " (" + ", ".join(light) + ")"
    if len(apart):
        text += f"; {len(apart)} con datos insuficientes no se ordenan"
    return text + "."


def indicator_rule(ind) -> str:
    """Plain-text rule of an indicator's semáforo and ranking, from the definitions row."""
    unidad, direccion = ind["unidad"], ind["direccion"]
    verde, amarillo, minimo = ind["umbral_verde"], ind["umbral_amarillo"], ind["denominador_minimo"]
    text = without_paths(str(ind["descripcion"]).strip())
    text = (text if text.endswith((".", "!", "?")) else text + ".") + " "
    if direccion in ("mayor_es_mejor", "menor_es_mejor") and not is_missing(verde):
        better, worse = ("o más", "menos de") if direccion == "mayor_es_mejor" else ("o menos", "más de")
        text += f"{'Mayor' if direccion == 'mayor_es_mejor' else 'Menor'} es mejor. "
        text += f"Verde: {format_value(verde, unidad)} {better}"
        if not is_missing(amarillo):
            amarillo_text = format_value(amarillo, unidad)
            text += f"; amarillo: {amarillo_text} {better}; rojo: {worse} {amarillo_text}"
        else:
            text += f"; rojo: {worse} {format_value(verde, unidad)}"
        text += "."
    else:
        text += "Indicador sin semáforo; el orden es de mayor a menor."
    if not is_missing(minimo) and minimo > 0:
        text += f" Solo se ordenan los entes con al menos {num(minimo)} casos en el denominador."
    return text
