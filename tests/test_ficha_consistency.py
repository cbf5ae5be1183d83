"""The Ficha agrees with itself: an indicator with "datos insuficientes" neither meets nor misses its target and
is not counted in "cumple la meta en N de M"; "sin datos" is said only when there are none; an index from one
dimension is never a number.

A scorecard of four indicators with a target (hand-made catalog rows):
  A  en plazo 100 % of 20 requests, meta 100, mayor es mejor           → cumple: Sí
  B  prevención 0 % of 3 requests (minimum 10), meta 5, menor es mejor → Datos insuficientes (it would say Sí)
  C  días 12 of 20 requests, meta 10, menor es mejor                   → No
  D  recursos que modifican: no resolved appeal at all (0 / 0), meta 0 → Sin datos
  → "cumple la meta en 1 de 2 indicadores con meta y datos suficientes"; one with datos insuficientes.
"""
import pandas as pd

from conftest import run_page, table_with
from helpers import PLANTILLA_HEADER, build, write
from pages.ui.ficha import scorecard, scorecard_summary
from pages.ui.indicadores import metrics_table

CATALOG = pd.DataFrame([
    # indicador, nombre, descripcion, unidad, direccion, meta, verde, amarillo, orden, tipo
    ("a", "A", "", "%", "mayor_es_mejor", 100, 95, 85, 1, "razon"),
    ("b", "B", "", "%", "menor_es_mejor", 5, 5, 10, 2, "razon"),
    ("c", "C", "", "días hábiles", "menor_es_mejor", 10, 10, 15, 3, "razon"),
    ("d", "D", "", "%", "menor_es_mejor", 0, 10, 20, 4, "razon"),
], columns=["indicador", "nombre", "descripcion", "unidad", "direccion", "meta", "umbral_verde", "umbral_amarillo",
            "orden", "tipo"])
VALUES = pd.DataFrame([
    ("2024-09", "a", 100.0, 20, 20, True), ("2024-09", "b", 0.0, 0, 3, False), ("2024-09", "c", 12.0, 240, 20, True),
    ("2024-09", "d", None, 0, 0, False),
], columns=["periodo", "indicador", "valor", "numerador", "denominador", "suficiente"])


def test_insufficient_data_neither_meets_nor_misses_the_target():
    card = scorecard(metrics_table(CATALOG, VALUES, "mes", "2024-09", "2024-08"))
    assert list(card["Cumple la meta"]) == ["Sí", "Datos insuficientes", "No", "Sin datos"]
    assert list(card["Semáforo"]) == ["● Verde", "○ Datos insuficientes", "◆ Amarillo", "○ Sin dato"]
    assert scorecard_summary(card, "mes", "2024-09") == (
        "En septiembre de 2024, 1 en verde, 1 en amarillo y 1 con datos insuficientes; cumple la meta en 1 de 2 "
        "indicadores con meta y datos suficientes.")


def test_the_ficha_page_never_says_an_insufficient_value_meets_its_target(tmp_path, monkeypatch):
    # SEGOB, September 2024: three requests answered the next day: 100 % on time, but of 3 (minimum 10).
    entrega = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
    rows = [f"24000000000000{n},2024-09-02,,SEGOB,Información pública,,,Terminada,{entrega},2024-09-03,No,No"
            for n in range(3)]
    write(tmp_path / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + "\n" + "\n".join(rows) + "\n")
    monkeypatch.setenv("TABLERO_DB", str(build(tmp_path / "in", tmp_path)))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEGOB", "tipo": "mes", "periodo": "2024-09"})
    card = table_with(at, "Cumple la meta")
    en_plazo = card[card["Indicador"] == "Respondidas en plazo"].iloc[0]
    assert (en_plazo["Valor"], en_plazo["Cumple la meta"]) == ("100.0 %", "Datos insuficientes")
    assert not ((card["Semáforo"] == "○ Datos insuficientes") & (card["Cumple la meta"].isin(["Sí", "No"]))).any()
    # no indicator of the index has enough data: there is no index at all, and that is what it says
    assert any("no tiene datos para calcular el índice" in c.value for c in at.caption)
    assert [m.value for m in at.metric if m.label.startswith("Lugar")] == ["Sin datos", "Sin datos"]
