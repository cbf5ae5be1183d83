"""Ranking page against the real sample warehouse."""
from __future__ import annotations

import pandas as pd

from conftest import all_text, run_page, table_with
from indicators.semaforo import AMARILLO, INSUFICIENTE, ROJO, VERDE, rank_entes, semaforo
from pages.ui.stats import movement

PAGE = "pages/1_Ranking.py"


def test_ranking_default_is_the_index(app_db):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert at.selectbox(key="f_indicador").value == "indice_desempeno"
    assert "Intervalo 95 %: inferior" not in table_with(at, "Lugar").columns  # an index is not a proportion


def test_ranking_pct_en_plazo_matches_sql_with_intervals_and_movement(app_db, sql):
    at = run_page(PAGE, {"indicador": "pct_en_plazo", "tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert at.title[0].value == "Ranking de entes"
    table = table_with(at, "Lugar")
    expected = sql("""SELECT v.clave, round(v.valor, 1), RANK() OVER (ORDER BY round(v.valor, 9) DESC)
                      FROM indicador_valor v WHERE nivel = 'ente' AND indicador = 'pct_en_plazo'
                        AND tipo_periodo = 'anio' AND periodo = '2025' AND suficiente AND valor IS NOT NULL""")
    assert len(table) == len(expected)
    value_col = next(c for c in table.columns if c.startswith("Valor"))
    assert sorted(table["Lugar"].tolist()) == sorted(r[2] for r in expected)
    assert table[value_col].iloc[0] == max(r[1] for r in expected)
    assert table["Semáforo"].isin([VERDE, AMARILLO, ROJO]).all()
    # every proportion carries its 95 % Wilson interval, which contains the value shown
    for value, lo, hi in zip(table[value_col], table["Intervalo 95 %: inferior"], table["Intervalo 95 %: superior"]):
        assert lo <= value <= hi
    # movement against 2024, ranked the same way: the entes ranked in 2025, each valued in 2024 through its
    # predecessors (SABGOB, SECOES until 2025, keeps SECOES's place to compare with)
    before = dict(sql("""SELECT v.nombre, RANK() OVER (ORDER BY round(v.valor, 9) DESC) FROM indicador_valor v
                         WHERE nivel IN ('ente', 'linaje') AND indicador = 'pct_en_plazo' AND tipo_periodo = 'anio'
                           AND periodo = '2024' AND suficiente AND valor IS NOT NULL
                           AND clave IN (SELECT clave FROM indicador_valor WHERE nivel = 'ente' AND tipo_periodo = 'anio'
                                         AND indicador = 'pct_en_plazo' AND periodo = '2025')"""))
    for ente, lugar, move in zip(table["Nombre completo"], table["Lugar"], table["Cambio vs. 2024"]):
        assert move == movement(int(lugar), before.get(ente))
    # entes below the minimum denominator are listed apart, not ranked
    apart = sql("""SELECT count(*) FROM indicador_valor WHERE nivel = 'ente' AND indicador = 'pct_en_plazo'
                   AND tipo_periodo = 'anio' AND periodo = '2025' AND NOT (suficiente AND valor IS NOT NULL)""")[0][0]
    if apart:
        assert len(table_with(at, "Situación")) == apart
    assert "Datos al" in all_text(at)
    assert len(at.get("download_button")) == 2 + (1 if apart else 0)


def test_ranking_peer_group_and_indicator_from_url(app_db, sql):
    grupo = sql("SELECT grupo_pares FROM ente GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    at = run_page(PAGE, {"indicador": "dias_respuesta_promedio", "tipo": "anio", "periodo": "2025", "grupo": grupo})
    assert not at.exception
    assert at.selectbox(key="f_grupo").value == grupo
    table = table_with(at, "Lugar")
    assert (table["Grupo de pares"] == grupo).all()
    value_col = next(c for c in table.columns if c.startswith("Valor"))
    assert table[value_col].is_monotonic_increasing          # menor_es_mejor: fewest days first
    best = sql("""SELECT min(round(valor, 1)) FROM indicador_valor WHERE nivel = 'ente'
                  AND indicador = 'dias_respuesta_promedio' AND tipo_periodo = 'anio' AND periodo = '2025'
                  AND grupo_pares = ? AND suficiente""", [grupo])[0][0]
    assert table[value_col].iloc[0] == best


def test_rank_ties_share_place_and_insufficient_apart():
    df = pd.DataFrame({
        "ente_id": list("ABCDE"), "nombre": list("ABCDE"),
        "valor": [90.0, 95.0, 90.0, 80.0, 99.0], "suficiente": [True, True, True, True, False],
    })
    ranked, apart = rank_entes(df, "mayor_es_mejor")
    assert dict(zip(ranked["ente_id"], ranked["lugar"])) == {"B": 1, "A": 2, "C": 2, "D": 4}
    assert apart["ente_id"].tolist() == ["E"]
    ranked, _ = rank_entes(df, "menor_es_mejor")
    assert dict(zip(ranked["ente_id"], ranked["lugar"])) == {"D": 1, "A": 2, "C": 2, "B": 4}


def test_semaforo_thresholds_and_direction():
    assert semaforo(95, "mayor_es_mejor", 95, 85) == VERDE
    assert semaforo(85, "mayor_es_mejor", 95, 85) == AMARILLO
    assert semaforo(84.9, "mayor_es_mejor", 95, 85) == ROJO
    assert semaforo(10, "menor_es_mejor", 10, 15) == VERDE
    assert semaforo(15.1, "menor_es_mejor", 10, 15) == ROJO
    assert semaforo(50, "mayor_es_mejor", 95, 85, suficiente=False) == INSUFICIENTE


def test_ranking_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)
