"""Verification compares like with like (issue 22 item 10): the change against the previous review of the same type,
the standing state of each fracción, and the result in force carried over months without a review.

Rules (data/catalogos/verificacion_ponderacion.toml): tipos_indice = vinculante, diagnóstica, mensual, seguimiento;
meses_vigencia = 12. Fracción level, LTAIPQROO 2016 art. 91 (every review before 21/03/2025).

SEGOB      VD diagnóstica 15/02/2024: I 100, II 50, III 100, IV 0, V 100   → 350 / 5 = 70;      fail II, IV
           M1 mensual     12/03/2024: II 100, IV 50                          → 150 / 2 = 75
           M2 mensual     12/05/2024: IV 100, VI 0                           → 100 / 2 = 50;      variación vs M1 −25
           V1 vinculante  12/09/2024: I–V 100, VI 50                         → 550 / 6 = 91.6667; no variación (1st)
SEFIPLAN   S1 mensual     12/01/2024: I 100, II 0, III 100, IV 50, V 100     → 350 / 5 = 70;      fail II, IV
           S2 mensual     12/02/2025: I–V 100                                → 500 / 5 = 100;     variación vs S1 +30

Result in force (the index): SEGOB February–August 2024 is VD (the diagnóstica comes before the mensual: M1 and M2
never make the index while VD stands), September 2024 on V1, carried to February 2025 (5 months after). SEFIPLAN
January–December 2024 is S1; January 2025 is 12 months after S1: nothing stands, no value (the dimension drops
out, as for an ente never verified); February 2025 S2.
Standing incumplidas, SEGOB: February II, IV = 2; March II solved by M1, IV failed again = 1; May IV solved by M2,
VI failed = 1; September VI at 50 in V1 = 1 (and so to February 2025). Pooled over reviews, 2024 used to say
2 + 1 + 1 + 1 = 5; at the end of 2024 the standing state is 1. SEFIPLAN: II, IV = 2 through December 2024, nothing
in January 2025, 0 in February 2025.
"""
import pytest

from helpers import build, query, write

RESULTADOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje
VD,Diagnóstica,2023-T4,2024-02-15,SEGOB,I,100
VD,Diagnóstica,2023-T4,2024-02-15,SEGOB,II,50
VD,Diagnóstica,2023-T4,2024-02-15,SEGOB,III,100
VD,Diagnóstica,2023-T4,2024-02-15,SEGOB,IV,0
VD,Diagnóstica,2023-T4,2024-02-15,SEGOB,V,100
M1,Mensual,2024-02,2024-03-12,SEGOB,II,100
M1,Mensual,2024-02,2024-03-12,SEGOB,IV,50
M2,Mensual,2024-04,2024-05-12,SEGOB,IV,100
M2,Mensual,2024-04,2024-05-12,SEGOB,VI,0
V1,Vinculante,2024-T2,2024-09-12,SEGOB,I,100
V1,Vinculante,2024-T2,2024-09-12,SEGOB,II,100
V1,Vinculante,2024-T2,2024-09-12,SEGOB,III,100
V1,Vinculante,2024-T2,2024-09-12,SEGOB,IV,100
V1,Vinculante,2024-T2,2024-09-12,SEGOB,V,100
V1,Vinculante,2024-T2,2024-09-12,SEGOB,VI,50
S1,Mensual,2023-12,2024-01-12,SEFIPLAN,I,100
S1,Mensual,2023-12,2024-01-12,SEFIPLAN,II,0
S1,Mensual,2023-12,2024-01-12,SEFIPLAN,III,100
S1,Mensual,2023-12,2024-01-12,SEFIPLAN,IV,50
S1,Mensual,2023-12,2024-01-12,SEFIPLAN,V,100
S2,Mensual,2025-01,2025-02-12,SEFIPLAN,I,100
S2,Mensual,2025-01,2025-02-12,SEFIPLAN,II,100
S2,Mensual,2025-01,2025-02-12,SEFIPLAN,III,100
S2,Mensual,2025-01,2025-02-12,SEFIPLAN,IV,100
S2,Mensual,2025-01,2025-02-12,SEFIPLAN,V,100
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_vigente")
    write(tmp / "in" / "verificaciones" / "resultados.csv", RESULTADOS)
    return build(tmp / "in", tmp, strict=True)


def value(db, indicador, clave, periodo):
    rows = query(db, "SELECT valor, numerador, denominador FROM indicador_valor WHERE indicador = ? AND clave = ? "
                     "AND periodo = ?", [indicador, clave, periodo])
    return rows[0] if rows else None


def test_change_is_against_the_previous_review_of_the_same_type(db):
    assert query(db, "SELECT verificacion_id, ente_id, tipo, verificacion_anterior, variacion FROM indice_ente "
                     "ORDER BY ente_id, fecha") == [
        ("S1", "SEFIPLAN", "mensual", None, None), ("S2", "SEFIPLAN", "mensual", "S1", pytest.approx(30.0)),
        ("VD", "SEGOB", "diagnostica", None, None), ("M1", "SEGOB", "mensual", None, None),
        ("M2", "SEGOB", "mensual", "M1", pytest.approx(-25.0)), ("V1", "SEGOB", "vinculante", None, None)]
    assert value(db, "variacion_indice_cumplimiento", "SEGOB", "2024-05") == pytest.approx((-25.0, -25.0, 1))
    assert value(db, "variacion_indice_cumplimiento", "SEGOB", "2024-09")[0] is None  # first vinculante
    assert value(db, "variacion_indice_cumplimiento", "SEFIPLAN", "2025-02") == pytest.approx((30.0, 30.0, 1))


def test_the_result_in_force_follows_the_type_order_and_is_carried(db):
    rows = query(db, "SELECT strftime(mes, '%Y-%m'), verificacion_id, tipo, meses_desde FROM verificacion_vigente "
                     "WHERE ente_id = 'SEGOB' ORDER BY mes")
    assert rows == ([("2024-02", "VD", "diagnostica", 0)]
                    + [(f"2024-{m:02d}", "VD", "diagnostica", m - 2) for m in range(3, 9)]
                    + [(f"2024-{m:02d}", "V1", "vinculante", m - 9) for m in range(9, 13)]
                    + [("2025-01", "V1", "vinculante", 4), ("2025-02", "V1", "vinculante", 5)])
    assert value(db, "indice_cumplimiento_obligaciones", "SEGOB", "2024-03") == pytest.approx((70.0, 350, 5))
    assert value(db, "indice_cumplimiento_obligaciones", "SEGOB", "2024-06") == pytest.approx((70.0, 350, 5))
    assert value(db, "indice_cumplimiento_obligaciones", "SEGOB", "2024-10") == pytest.approx((550 / 6, 550, 6))
    # a quarter or a year: the result in force at its end
    assert value(db, "indice_cumplimiento_obligaciones", "SEGOB", "2024-T2") == pytest.approx((70.0, 350, 5))
    assert value(db, "indice_cumplimiento_obligaciones", "SEGOB", "2024") == pytest.approx((550 / 6, 550, 6))


def test_a_result_stands_twelve_months_at_most(db):
    assert value(db, "indice_cumplimiento_obligaciones", "SEFIPLAN", "2024-12") == pytest.approx((70.0, 350, 5))
    assert value(db, "indice_cumplimiento_obligaciones", "SEFIPLAN", "2025-01") is None
    assert value(db, "fracciones_incumplidas", "SEFIPLAN", "2025-01") is None
    assert value(db, "indice_cumplimiento_obligaciones", "SEFIPLAN", "2025-02") == pytest.approx((100.0, 500, 5))
    assert value(db, "fracciones_incumplidas", "SEFIPLAN", "2025-02")[0] == 0


@pytest.mark.parametrize("periodo, esperado", [("2024-02", 2), ("2024-03", 1), ("2024-04", 1), ("2024-05", 1),
                                               ("2024-09", 1), ("2024-T1", 1), ("2024", 1), ("2025-02", 1)])
def test_incumplidas_are_the_standing_state(db, periodo, esperado):
    assert value(db, "fracciones_incumplidas", "SEGOB", periodo)[0] == esperado


def test_the_index_dimension_does_not_drop_in_months_without_a_review(db):
    # SEGOB October 2024 has no review: the verification dimension scores the vinculante of September.
    assert query(db, "SELECT valor, puntaje FROM indice_componente WHERE ente_id = 'SEGOB' AND tipo_periodo = 'mes' "
                     "AND periodo = '2024-10' AND dimension = 'verificacion'") == [
        (pytest.approx(550 / 6), pytest.approx(550 / 6))]
