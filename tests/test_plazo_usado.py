"""Days score relative to the law: pct_plazo_usado = 100 × business days used / business days allowed, summed over
the answered requests, so a 10-day and a 20-day law are judged alike.

SEFIPLAN, template rows (all answered):
  October 2024 (LTAIPQROO 2016, 10 days): filed Mon 7 Oct, answered Fri 18 Oct → 9 days (8–11, 14–18 Oct);
      filed Mon 7 Oct, answered Tue 8 Oct → 1 day. Used 10 of 20 → 50 %.
  January 2026 (LTAIPQROO 2025, 20 + 10 days): filed Mon 12 Jan, answered Fri 23 Jan → 9 days (13–16, 19–23 Jan);
      filed Mon 12 Jan with ampliación, answered Mon 26 Jan → 10 days of 30. Used 19 of 50 → 38 %.
The index scores 50 % as (100 − 50) / 75 × 100 = 66.7 and 38 % as 82.7.
"""
import pytest

from helpers import PLANTILLA_HEADER, build, index_warehouse, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ROWS = f"""
500000000000001,2024-10-07,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-18,No,No
500000000000002,2024-10-07,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-08,No,No
500000000000003,2026-01-12,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2026-01-23,No,No
500000000000004,2026-01-12,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2026-01-26,Sí,No
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plazo_usado")
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + ROWS)
    return build(tmp / "in", tmp)


def test_share_of_the_legal_term_used(db):
    got = query(db, """SELECT mes::VARCHAR, suma_dias, suma_plazo FROM base_solicitud_mes
                       WHERE ente_id = 'SEFIPLAN' ORDER BY mes""")
    assert got == [("2024-10-01", 10, 20), ("2026-01-01", 19, 50)]
    values = dict(query(db, """SELECT periodo, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                               AND tipo_periodo = 'mes' AND indicador = 'pct_plazo_usado'"""))
    assert values == {"2024-10": pytest.approx(50.0), "2026-01": pytest.approx(38.0)}


def test_the_index_scores_the_share_not_the_days(tmp_path):
    # 100 % → 0 and 25 % → 100: 50 % scores (100 − 50) / 75 × 100 = 66.7, 38 % scores 62 / 75 × 100 = 82.7.
    con = index_warehouse(tmp_path / "i.duckdb", [("SEFIPLAN", "2024-10", "pct_plazo_usado", 50, True),
                                                  ("SEGOB", "2024-10", "pct_plazo_usado", 38, True)])
    scores = dict(con.execute("""SELECT ente_id, round(puntaje, 1) FROM indice_componente
                                 WHERE indicador = 'pct_plazo_usado'""").fetchall())
    assert scores == {"SEFIPLAN": 66.7, "SEGOB": 82.7}
