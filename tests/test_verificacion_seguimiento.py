"""Follow-up of failed fracciones: solventada (100 in the next review of that ente that evaluates it) or
reincidente (still below 100); with no later evaluation, pendiente.

SEGOB, LTAIPQROO 2016, art. 91 (fracción level):
            R1 12/03/2024   R2 12/04/2024   R3 13/05/2024
  fr. I          50             100              —        → R1: solventada in R2
  fr. II         60              70             100       → R1: reincidente in R2; R2: solventada in R3
  fr. III        80              —              100       → R1: solventada in R3 (R2 did not evaluate it)
  fr. IV        100              —               —        → never failed: no follow-up
  fr. V          —               —                0       → R3: pendiente
% solventadas (month of the deciding review): April 1/2 = 50 %; May 2/2 = 100 %; 2024: 3/4 = 75 %.
Index: R1 (50+60+80+100)/4 = 72.5; R2 (100+70)/2 = 85 (+12.5); R3 (100+100+0)/3 = 66.67 (−18.33).
"""
import pytest

from helpers import build, query, write

RESULTADOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje
R1,Mensual,2024-02,2024-03-12,SEGOB,I,50
R1,Mensual,2024-02,2024-03-12,SEGOB,II,60
R1,Mensual,2024-02,2024-03-12,SEGOB,III,80
R1,Mensual,2024-02,2024-03-12,SEGOB,IV,100
R2,Mensual,2024-03,2024-04-12,SEGOB,I,100
R2,Mensual,2024-03,2024-04-12,SEGOB,II,70
R3,Mensual,2024-04,2024-05-13,SEGOB,II,100
R3,Mensual,2024-04,2024-05-13,SEGOB,III,100
R3,Mensual,2024-04,2024-05-13,SEGOB,V,0
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_seg")
    write(tmp / "in" / "verificaciones" / "mensuales.csv", RESULTADOS)
    return build(tmp / "in", tmp, strict=True)


def test_each_failure_is_followed(db):
    assert query(db, """SELECT verificacion_id, fraccion, verificacion_siguiente, estado FROM seguimiento_fraccion
                        ORDER BY verificacion_id, fraccion""") == [
        ("R1", "I", "R2", "solventada"), ("R1", "II", "R2", "reincidente"), ("R1", "III", "R3", "solventada"),
        ("R2", "II", "R3", "solventada"), ("R3", "V", None, "pendiente")]


@pytest.mark.parametrize("periodo, esperado", [("2024-04", (50.0, 1, 2)), ("2024-05", (100.0, 2, 2)),
                                               ("2024", (75.0, 3, 4))])
def test_percentage_solved(db, periodo, esperado):
    assert query(db, """SELECT valor, numerador, denominador FROM indicador_valor
                        WHERE indicador = 'pct_observaciones_solventadas' AND clave = 'SEGOB' AND periodo = ?""",
                 [periodo]) == [pytest.approx(esperado)]


def test_variation_against_the_previous_review(db):
    rows = query(db, "SELECT verificacion_id, indice, verificacion_anterior, variacion FROM indice_ente ORDER BY fecha")
    assert rows == [("R1", 72.5, None, None), ("R2", 85.0, "R1", 12.5),
                    ("R3", pytest.approx(200 / 3), "R2", pytest.approx(200 / 3 - 85))]


def test_what_fails_now(db):
    from pathlib import Path
    import duckdb
    sql = (Path(__file__).resolve().parent.parent / "warehouse" / "queries" / "verif_pendientes_ente.sql").read_text()
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"SELECT fraccion, puntaje, reincidente FROM ({sql})", {"ente": "SEGOB"}).fetchall()
    assert rows == [("V", 0.0, False)]
