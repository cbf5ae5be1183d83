"""A fracción that does not apply to an ente is "no aplica": never a 0, never in the index, shown as N/A.

CGC is an órgano desconcentrado: art. 91 fr. XXII (deuda pública) does not apply to it
(data/catalogos/aplicabilidad_obligaciones.csv). Its review: fr. I 100 and fr. II 50 → index 75, not
(100 + 50 + 0) / 3 = 50. The specific obligations of art. 92 apply only to the entes listed (SEFIPLAN has
92 I-a); for CGC they are "no aplica" too.
"""
from pathlib import Path

import duckdb
import pytest

from helpers import build, query, write

ROOT = Path(__file__).resolve().parent.parent
RESULTADOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,articulo,fraccion,porcentaje,observacion
VM-2024-05,Mensual,2024-04,2024-05-13,CGC,91,I,100,
VM-2024-05,Mensual,2024-05,2024-05-13,CGC,91,II,50,incompleta
VM-2024-05,Mensual,2024-04,2024-05-13,SEFIPLAN,92,I-a,100,
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_na")
    write(tmp / "in" / "verificaciones" / "mayo.csv", RESULTADOS)
    return build(tmp / "in", tmp, strict=True)


def test_index_ignores_fracciones_that_do_not_apply(db):
    assert query(db, "SELECT indice, fracciones_evaluadas, fracciones_aplicables FROM indice_ente "
                     "WHERE ente_id = 'CGC'") == [(75.0, 2, 46)]


def test_applicability_table_has_the_rule_and_the_exceptions(db):
    rows = dict(query(db, """SELECT ente_id || ' ' || articulo || '-' || fraccion, aplica FROM aplicabilidad
                             WHERE ley_version = 'LTAIPQROO2016' AND ente_id IN ('CGC', 'SEFIPLAN')
                               AND fraccion IN ('XXII', 'I-a')"""))
    assert rows == {"CGC 91-XXII": False, "SEFIPLAN 91-XXII": True, "CGC 92-I-a": False, "SEFIPLAN 92-I-a": True}


def test_heatmap_query_marks_no_aplica_without_a_score(db):
    sql = (ROOT / "warehouse" / "queries" / "verif_mapa.sql").read_text(encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        cells = {(r[0], r[1], r[2]): (r[3], r[4]) for r in con.execute(
            f"SELECT ente_id, articulo, fraccion, estado, puntaje FROM ({sql})", {"verificacion": "VM-2024-05", "max_entes": 60}
        ).fetchall()}
    assert cells[("CGC", "91", "XXII")] == ("no_aplica", None)
    assert cells[("CGC", "92", "I-a")] == ("no_aplica", None)
    assert cells[("CGC", "91", "II")] == ("evaluada", 50.0)
    assert cells[("CGC", "91", "III")] == ("sin_evaluar", None)
    assert cells[("SEFIPLAN", "92", "I-a")] == ("evaluada", 100.0)
