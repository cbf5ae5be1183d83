"""The same data gives the same numbers, to the last bit, whatever order its rows come in.

Floating-point addition is not associative: (10.1 + 20.2) + 30.3 = 60.599999999999994 but 30.3 + (20.2 + 10.1)
= 60.6. DuckDB adds a column's values in the order its threads happen to deliver them, so a DOUBLE sum could
differ between two builds of the same files; shown with one decimal, 72.25 then reads 72.2 in one build and 72.3
in the next, and two entes tied in the ranking stop being tied. Fractional sums are therefore exact (DECIMAL).
"""
import pytest

from helpers import build, query, write

HEADER = "verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje\n"
ROWS = ["VD,Diagnóstica,2024-T1,2024-05-20,SEFIPLAN,I,10.1", "VD,Diagnóstica,2024-T1,2024-05-20,SEFIPLAN,II,20.2",
        "VD,Diagnóstica,2024-T1,2024-05-20,SEFIPLAN,III,30.3"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    dbs = []
    for name, rows in (("en_orden", ROWS), ("al_reves", ROWS[::-1])):
        tmp = tmp_path_factory.mktemp(name)
        write(tmp / "in" / "verificaciones" / "fracciones.csv", HEADER + "\n".join(rows) + "\n")
        dbs.append(build(tmp / "in", tmp, strict=True))
    return dbs


def test_review_sums_are_exact(builds):
    for db in builds:
        assert query(db, "SELECT suma_puntaje, peso_evaluado, indice FROM indice_ente") == [(60.6, 3.0, 20.2)]


def test_every_verification_value_is_the_same_in_both_orders(builds):
    sql = ("SELECT nivel, clave, tipo_periodo, periodo, indicador, valor, numerador, denominador FROM indicador_valor "
           "WHERE indicador IN ('indice_cumplimiento_obligaciones', 'indice_desempeno') OR indicador LIKE 'puntaje%' "
           "ORDER BY ALL")
    first, second = (query(db, sql) for db in builds)
    assert first and first == second
