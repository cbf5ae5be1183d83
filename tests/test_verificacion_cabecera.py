"""A review's own record (verificacion): type, evaluated period, date and law, decided from its rows.

Rows of one review may disagree on its type or period as written. The value most rows carry wins; a tie goes to
the first in alphabetical order, whatever order the rows come in, so two builds of the same files agree.
  VT (2 + 2): Vinculante, Vinculante, Diagnóstica, Diagnóstica → diagnostica; 2024-T2 ×2, 2024-T1 ×2 → 2024-T1.
  VM (1 + 3): Seguimiento once, then Mensual three times → mensual; 2024-02 three times, 2024-2 once → 2024-02.
"""
import pytest

from helpers import build, query, write

FRACCIONES = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje
VT,Vinculante,2024-T2,2024-05-20,SEFIPLAN,I,100
VT,Vinculante,2024-T2,2024-05-20,SEFIPLAN,II,90
VT,Diagnóstica,2024-T1,2024-05-20,SEFIPLAN,III,80
VT,Diagnóstica,2024-T1,2024-05-20,SEFIPLAN,IV,70
VM,Seguimiento,2024-2,12/03/2024,SEGOB,I,100
VM,Mensual,2024-02,12/03/2024,SEGOB,II,100
VM,Mensual,2024-02,12/03/2024,SEGOB,III,100
VM,Mensual,2024-02,12/03/2024,SEGOB,IV,100
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_cabecera")
    write(tmp / "in" / "verificaciones" / "fracciones.csv", FRACCIONES)
    return build(tmp / "in", tmp, strict=True)


def test_review_record_from_its_rows(db):
    assert query(db, "SELECT verificacion_id, tipo, periodo_evaluado, fecha::VARCHAR, mes::VARCHAR, ley_version "
                     "FROM verificacion ORDER BY fecha") == [
        ("VM", "mensual", "2024-02", "2024-03-12", "2024-03-01", "LTAIPQROO2016"),
        ("VT", "diagnostica", "2024-T1", "2024-05-20", "2024-05-01", "LTAIPQROO2016"),
    ]


def test_every_row_is_a_result(db):
    assert query(db, "SELECT verificacion_id, count(*) FROM verificacion_resultado GROUP BY ALL ORDER BY 1") == [
        ("VM", 4), ("VT", 4)]
