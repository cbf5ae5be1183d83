"""An ente's series follows it through its predecessors: the Ficha's monthly values and trend, the ranking's
movement and the PDF fichas; an ente that ended is not offered (nor ranked) for the periods after its end.

SECOES became SABGOB on 11 Feb 2025 (ente_sucesion.csv). 2016 state law: 10 días hábiles. Requests:
  SECOES  Dec 2024: 10 filed Mon 2 Dec, answered 3 Dec (1 día)                      → 10/10 en plazo = 100 %
          Jan 2025: 10 filed Mon 13 Jan: 8 answered 14 Jan, 2 answered 31 Jan (14 días) →  8/10 = 80 %
          Feb 2025:  5 filed Tue 4 Feb (3 Feb a holiday), answered 5 Feb             →  5/5
  SABGOB  Feb 2025:  5 filed Mon 17 Feb: 3 answered 18 Feb, 2 answered 7 Mar (14 días) → 3/5
          Mar 2025: 10 filed Mon 3 Mar, answered 4 Mar                               → 10/10 = 100 %
  SEGOB   Dec 10/10 = 100 %; Jan 9/10 = 90 %; Feb (filed 17 Feb) 7/10 = 70 %; Mar 10/10 = 100 %.
SABGOB's series: Dec 100 (SECOES), Jan 80 (SECOES), Feb (5 + 3)/(5 + 5) = 80 (both, SECOES's first ten days
counted once), Mar 100.
Ranking, % en plazo: Jan 2025 (in force on 31 Jan: SECOES, SEGOB): SEGOB 1st, SECOES 2nd. Feb 2025 (in force on
28 Feb: SABGOB, SEGOB; SECOES ended on 10 Feb): SABGOB 80 1st, SEGOB 70 2nd. Movement against January, each ente
through its predecessors: SABGOB was 2nd (as SECOES) → ▲ 1; SEGOB 1st → ▼ 1 (never "nuevo").
"""
import duckdb
import pytest
from pypdf import PdfReader

from conftest import run_page, table_with
from helpers import PLANTILLA_HEADER, build, query, write
from indicators.fichas import write_fichas

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def rows(ente: str, filed: str, answers: list[str], start: int) -> list[str]:
    return [f"25000000000{start + n:04d},{filed},,{ente},Información pública,,,Terminada,{ENTREGA},{a},No,No"
            for n, a in enumerate(answers)]


REQUESTS = (rows("SECOES", "2024-12-02", ["2024-12-03"] * 10, 0)
            + rows("SECOES", "2025-01-13", ["2025-01-14"] * 8 + ["2025-01-31"] * 2, 100)
            + rows("SECOES", "2025-02-04", ["2025-02-05"] * 5, 200)
            + rows("SABGOB", "2025-02-17", ["2025-02-18"] * 3 + ["2025-03-07"] * 2, 300)
            + rows("SABGOB", "2025-03-03", ["2025-03-04"] * 10, 400)
            + rows("SEGOB", "2024-12-02", ["2024-12-03"] * 10, 500)
            + rows("SEGOB", "2025-01-13", ["2025-01-14"] * 9 + ["2025-01-31"], 600)
            + rows("SEGOB", "2025-02-17", ["2025-02-18"] * 7 + ["2025-03-07"] * 3, 700)
            + rows("SEGOB", "2025-03-03", ["2025-03-04"] * 10, 800))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("linaje")
    write(tmp / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + "\n" + "\n".join(REQUESTS) + "\n")
    return build(tmp / "in", tmp)


def test_the_series_follows_the_ente_through_its_predecessor(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    from warehouse import read
    series = read.trend("ente", "SABGOB", ["pct_en_plazo"], "mes")
    assert dict(zip(series["periodo"], series["valor"])) == {"2024-12": 100.0, "2025-01": 80.0, "2025-02": 80.0,
                                                            "2025-03": 100.0}


def test_the_ficha_compares_with_the_predecessors_month(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SABGOB", "tipo": "mes", "periodo": "2025-02"})
    assert not at.exception
    card = table_with(at, "Cumple la meta")
    row = card[card["Indicador"] == "Respondidas en plazo"].iloc[0]
    assert (row["Valor"], row["Valor en enero de 2025"]) == ("80.0 %", "80.0 %")


def test_an_ente_that_ended_is_not_offered_after_its_end(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SECOES", "tipo": "mes"})
    assert at.selectbox(key="f_periodo").options == ["Enero 2025", "Diciembre 2024"]


def test_the_ranking_movement_follows_the_predecessor(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/1_Ranking.py", {"indicador": "pct_en_plazo", "tipo": "mes", "periodo": "2025-02"})
    table = table_with(at, "Lugar", without="Situación")
    moves = dict(zip(table["Ente"], zip(table["Lugar"], table["Cambio vs. ene 2025"])))
    assert moves == {"SABGOB": (1, "▲ 1"), "SEGOB": (2, "▼ 1")}


def test_the_pdf_ficha_draws_the_index_through_the_predecessors(tablero_db, tmp_path):
    # The session sample renames SECOES to SABGOB on 11 Feb 2025: SABGOB's ficha for March 2025 draws its index
    # over the 12 months before, SECOES's months included (with one month per label: 'Abr24' … 'Mar25').
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        months = [p for (p,) in con.execute("""SELECT periodo FROM indicador_valor WHERE clave = 'SABGOB'
            AND indicador = 'indice_desempeno' AND tipo_periodo = 'mes' AND suficiente
            AND periodo BETWEEN '2024-04' AND '2025-03' ORDER BY periodo""").fetchall()]
    assert months[0] < "2025-02"   # SABGOB's own index starts in February 2025: the earlier ones are SECOES's
    (pdf,) = write_fichas(tablero_db, "2025-03", tmp_path, ente="SABGOB", progress=None)
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Abr24" in text and "Ene25" in text and "Mar25" in text
