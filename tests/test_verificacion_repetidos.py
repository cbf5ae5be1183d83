"""A verification result seen again is one result: the row of the newest file wins, and within a file the later row.

Files are ranked by the newest date they carry (etl/staging/file_order.py): anterior.csv holds only the diagnóstica
of 15/02/2024; corregido.csv holds it again and the mensual of 12/03/2024, so it is the newer file.
  SEGOB fr. I:  80 in anterior.csv; 60, then 40 in corregido.csv → 40 (newest file, its later row)
  SEGOB fr. II: 100 in anterior.csv only → 100
  → VD-2024 SEGOB index = (40 + 100) / 2 = 70 (both fracciones weigh 1), two fracciones evaluated, not four.
Only the repeated keys are ranked (etl/sql/facts/verificacion.sql); the others pass as they are.
"""
import pytest
from helpers import build, query, write

CABECERA = "verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje,observacion\n"
ANTERIOR = CABECERA + """VD-2024,Diagnóstica,2023-T4,2024-02-15,SEGOB,I,80,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEGOB,II,100,
"""
CORREGIDO = CABECERA + """VD-2024,Diagnóstica,2023-T4,2024-02-15,SEGOB,I,60,primera corrección
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEGOB,I,40,segunda corrección
VM-2024-03,Mensual,2024-02,2024-03-12,SEGOB,I,100,
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_repetidos")
    # names sort the other way on purpose: the dates rank the files, not their names
    write(tmp / "in" / "verificaciones" / "z_anterior.csv", ANTERIOR)
    write(tmp / "in" / "verificaciones" / "a_corregido.csv", CORREGIDO)
    return build(tmp / "in", tmp)


def test_newest_file_and_its_later_row_win(db):
    assert query(db, """SELECT fraccion, porcentaje, observacion, archivo, fila FROM verificacion_resultado
                        WHERE verificacion_id = 'VD-2024' ORDER BY fraccion""") == [
        ("I", 40.0, "segunda corrección", "a_corregido.csv", 3),
        ("II", 100.0, None, "z_anterior.csv", 3)]


def test_the_index_counts_each_fraccion_once(db):
    assert query(db, """SELECT indice, fracciones_evaluadas FROM indice_ente
                        WHERE verificacion_id = 'VD-2024' AND ente_id = 'SEGOB'""") == [(70.0, 2)]
