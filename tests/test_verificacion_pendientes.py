"""What fails now ("Lo que falla ahora") when two fracciones of the 2016 law continue in one of the 2025 law.

Art. 91 fr. V and fr. VI (LTAIPQROO 2016) both continue in art. 65 fr. V (LGTAIP 2025), and fr. XIX and XX both in
65-XVIII (data/catalogos/equivalencia_obligaciones.csv), so they share a clave_historica. Until a review under the
2025 law evaluates 65-V they are two obligations: each one that fails must be listed, whatever the row order.

Reviews: A 14/05/2024 and B 13/08/2024 (2016 law, art. 91); C 22/04/2025 (2025 law, art. 65);
D-1 and D-2 both on 10/06/2024 (2016 law).

  SEGOB     A: 91-V 50, 91-VI 25                → both fail now: VI 25, V 50 (from A, not reincidentes)
  SEFIPLAN  A: 91-V 40, 91-VI 0 (I–IV 100)      → VI 0 from A (B did not evaluate VI: still pendiente);
            B: 91-V 70 (I–IV 100)                 V 70 from B, reincidente (40 in A)
  SESA      A: 91-V 0, 91-VI 0, 91-XIX 20, 91-XX 30
            C: 65-V 60, 65-XVIII 100            → only 65-V 60, reincidente (V and VI failed in A);
                                                  65-XVIII 100 clears both XIX and XX
  OM        D-1: 91-I 50; D-2: 91-II 30         → both fail now (different fracciones): II 30, I 50.
                                                  The last review of the day is D-2 (date, then id), for the
                                                  Ficha as for the Verificación page.

Why SEFIPLAN's index moved in 2024-T3 (A → B): 91-V went from 40 to 70. 91-VI (0 in A) is another fracción of
the same law, so "fr. V pasó de 0 a 70" would be false.
"""
from pathlib import Path

import duckdb
import pytest

from conftest import all_text, run_page, table_with
from helpers import build, query, write

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/6_Verificacion.py"
HEADER = ("verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,articulo,fraccion,porcentaje,"
          "observacion\n")
# A and B of one type: the index moves from one to the other only within a type (test_verificacion_vigente.py)
A, B = "A,Vinculante,2024-T1,2024-05-14", "B,Vinculante,2024-T2,2024-08-13"
C = "C,Vinculante,2025-T1,2025-04-22"
RESULTADOS = HEADER + f"""{A},SEGOB,91,V,50,indicadores sin metas
{A},SEGOB,91,VI,25,sin resultados 2023
{A},SEFIPLAN,91,V,40,
{A},SEFIPLAN,91,VI,0,no publicado
{B},SEFIPLAN,91,V,70,metas sin unidad de medida
{A},SESA,91,V,0,
{A},SESA,91,VI,0,
{A},SESA,91,XIX,20,
{A},SESA,91,XX,30,
{C},SESA,65,V,60,faltan resultados 2024
{C},SESA,65,XVIII,100,
D-1,Mensual,2024-05,2024-06-10,OM,91,I,50,
D-2,Mensual,2024-05,2024-06-10,OM,91,II,30,
""" + "".join(f"{r},SEFIPLAN,91,{f},100,\n" for r in (A, B) for f in ("I", "II", "III", "IV"))
# SEFIPLAN's fracciones I–IV (always 100) only give its index the 5 fracciones an indicator value needs.


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_pendientes")
    write(tmp / "in" / "verificaciones" / "fusionadas.csv", RESULTADOS)
    return build(tmp / "in", tmp, strict=True)


def run_sql(db, name: str, params: dict) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute((ROOT / name).read_text(encoding="utf-8"), params).fetchall()


def failing_now(db, ente: str) -> list[tuple]:
    """(verificacion, ley, artículo, fracción, puntaje, reincidente) as the page lists them."""
    rows = run_sql(db, "warehouse/queries/verif_pendientes_ente.sql", {"ente": ente})
    return [(r[0], r[2], r[3], r[4], r[6], r[8]) for r in rows]


@pytest.mark.parametrize("ente, esperado", [
    ("SEGOB", [("A", "LTAIPQROO2016", "91", "VI", 25.0, False), ("A", "LTAIPQROO2016", "91", "V", 50.0, False)]),
    ("SEFIPLAN", [("A", "LTAIPQROO2016", "91", "VI", 0.0, False), ("B", "LTAIPQROO2016", "91", "V", 70.0, True)]),
    ("SESA", [("C", "LGTAIP2025", "65", "V", 60.0, True)]),
    ("OM", [("D-2", "LTAIPQROO2016", "91", "II", 30.0, False), ("D-1", "LTAIPQROO2016", "91", "I", 50.0, False)]),
])
def test_every_failing_fraccion_is_listed(db, ente, esperado):
    assert failing_now(db, ente) == esperado


def test_the_list_is_what_the_follow_up_leaves_pendiente(db):
    assert query(db, """SELECT ente_id, verificacion_id, fraccion, verificacion_siguiente, fraccion_siguiente, estado
                        FROM seguimiento_fraccion WHERE ente_id IN ('SEFIPLAN', 'SESA') ORDER BY ALL""") == [
        ("SEFIPLAN", "A", "V", "B", "V", "reincidente"), ("SEFIPLAN", "A", "VI", None, None, "pendiente"),
        ("SEFIPLAN", "B", "V", None, None, "pendiente"),
        ("SESA", "A", "V", "C", "V", "reincidente"), ("SESA", "A", "VI", "C", "V", "reincidente"),
        ("SESA", "A", "XIX", "C", "XVIII", "solventada"), ("SESA", "A", "XX", "C", "XVIII", "solventada"),
        ("SESA", "C", "V", None, None, "pendiente")]
    for ente in ("SEGOB", "SEFIPLAN", "SESA", "OM"):
        pendientes = query(db, """SELECT verificacion_id, ley_version, articulo, fraccion FROM seguimiento_fraccion
                                  WHERE ente_id = ? AND estado = 'pendiente'""", [ente])
        assert sorted(pendientes) == sorted(r[:4] for r in failing_now(db, ente)), ente


def test_last_review_of_a_day_is_the_latest_id(db):
    (resumen,) = run_sql(db, "warehouse/queries/verif_resumen_ente.sql", {"ente": "OM"})
    assert resumen[0] == "D-2"


def test_why_it_moved_compares_a_fraccion_with_itself(db):
    (texto,) = query(db, """SELECT texto FROM indice_explicacion
                           WHERE ente_id = 'SEFIPLAN' AND tipo_periodo = 'trimestre' AND periodo = '2024-T3'""")[0]
    assert "pasó de 40 a 70" in texto and "pasó de 0 a 70" not in texto


def test_page_lists_both_fracciones(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page(PAGE, {"ente": "SEFIPLAN"})
    assert not at.exception
    failing = table_with(at, "Observaciones del verificador")
    assert failing[["Fracción", "Puntaje (%)", "Situación", "Verificación"]].values.tolist() == [
        ["Art. 91 fr. VI", 0.0, "Incumplida", "A"], ["Art. 91 fr. V", 70.0, "Reincidente", "B"]]
    assert failing["Observaciones del verificador"].tolist() == ["no publicado", "metas sin unidad de medida"]
    assert "tiene 2 fracciones por corregir" in all_text(at)
