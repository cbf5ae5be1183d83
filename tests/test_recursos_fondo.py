"""Appeal outcomes are judged over the appeals resolved on the merits: a desechamiento or a sobreseimiento never
judged the ente's answer (LGTAIP 2015, art. 151).

SEFIPLAN, appeals filed in March 2025 with no folio (they count in the month they were filed):
  Confirma ×3, Modifica, Revoca  → 5 resolved on the merits, 2 modify or revoke
  Desecha ×2, Sobresee            → reported apart
  one still En trámite            → not resolved
Modifican o revocan = 100 × 2 / 5 = 40 % (before: 2 / 8 resolved = 25 %); desechados 2, sobreseídos 1.
"""
import pytest

from helpers import build, query, write

HEADER = "expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido\n"
SENTIDOS = ["Confirma", "Confirma", "Confirma", "Modifica", "Revoca", "Desecha", "Desechado", "Sobresee", ""]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("recursos")
    rows = [f"RR/{n:04d}-2025,,SEFIPLAN,2025-03-{n + 3:02d},{'2025-04-20' if s else ''},{s}"
            for n, s in enumerate(SENTIDOS, start=1)]
    write(tmp / "in" / "recursos" / "recursos.csv", HEADER + "\n".join(rows) + "\n")
    return build(tmp / "in", tmp)


def test_outcomes_over_appeals_resolved_on_the_merits(db):
    assert query(db, """SELECT recursos, recursos_resueltos, recursos_fondo, recursos_modifican_revocan,
                               recursos_desechados, recursos_sobreseidos
                        FROM base_solicitud_mes WHERE ente_id = 'SEFIPLAN' AND mes = DATE '2025-03-01'""") == [
        (9, 8, 5, 2, 2, 1)]
    values = dict(query(db, """SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                               AND tipo_periodo = 'mes' AND periodo = '2025-03'
                               AND indicador IN ('pct_recursos_modifican_revocan', 'recursos_desechados',
                                                 'recursos_sobreseidos')"""))
    assert values == {"pct_recursos_modifican_revocan": pytest.approx(40.0), "recursos_desechados": 2,
                      "recursos_sobreseidos": 1}
