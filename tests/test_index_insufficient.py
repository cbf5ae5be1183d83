"""An index built from fewer than two dimensions is never drawn as a number in charts or rankings: it says
"datos insuficientes".

SEFIPLAN, September 2024: ten requests filed Mon 2 Sep and answered Tue 3 Sep (1 día hábil, all on time), and no
verification nor training: its index has one dimension (solicitudes, score 100). The index row exists (its parts
are shown) but its value is not ranked, not plotted and not shown as a number.
"""
import pytest

from conftest import run_page, table_with
from helpers import PLANTILLA_HEADER, build, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("una_dimension")
    rows = [f"2400000000001{n:02d},2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No"
            for n in range(10)]
    write(tmp / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + "\n" + "\n".join(rows) + "\n")
    return build(tmp / "in", tmp)


def test_the_index_of_one_dimension_is_flagged(db):
    assert query(db, """SELECT valor, suficiente FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                        AND indicador = 'indice_desempeno' AND periodo = '2024-09'""") == [(100.0, False)]


def test_not_a_number_in_the_ranking(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/1_Ranking.py", {"indicador": "indice_desempeno", "tipo": "mes", "periodo": "2024-09"})
    apart = table_with(at, "Situación")
    row = apart[apart["Siglas"] == "SEFIPLAN"].iloc[0]
    assert row["Situación"] == "Datos insuficientes" and row["Valor (puntos)"] in ("—", None, "")
    assert not [c for c in at.get("plotly_chart")]  # nobody to rank: no bar is drawn


def test_not_a_number_in_the_ficha_nor_its_chart(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "mes", "periodo": "2024-09",
                                                "tendencia": "indice_desempeno"})
    assert [m.value for m in at.metric if m.label == "Índice (0 a 100)"] == ["Datos insuficientes"]
    from warehouse import read
    series = read.trend("ente", "SEFIPLAN", ["indice_desempeno"], "mes")
    assert series["valor"].isna().all() and list(series["periodo"]) == ["2024-09"]
    card = table_with(at, "Cumple la meta")
    index_row = card[card["Indicador"] == "Índice de Desempeño en Transparencia"].iloc[0]
    assert index_row["Valor"] in ("—", None, "") and index_row["Cumple la meta"] == "Datos insuficientes"
