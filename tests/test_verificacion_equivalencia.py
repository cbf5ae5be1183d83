"""A fracción's history survives the change of law on 2025-03-21 (LTAIPQROO 2016 → LGTAIP 2025).

SEFIPLAN, review A on 20/03/2025 (last day of the 2016 law, art. 91):
  fr. VI (indicadores de objetivos y resultados) 50 → its equivalent is art. 65 fr. V
  fr. XX (trámites) 40                          → its equivalent is art. 65 fr. XVIII
  fr. VIII (remuneración) 100
Review B on 21/03/2025 (first day of LGTAIP 2025, art. 65): fr. V 100, fr. XVIII 60, fr. VII 100.
  → VI is solventada (by 65-V), XX is reincidente (by 65-XVIII); both reviews keep their own law.
In review B "XLVIII" is not a fracción of art. 65 (it ends at XLVI): rejected, while it was valid in 2016.
"""
import pytest

from helpers import build, query, write

RESULTADOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,articulo,fraccion,porcentaje,observacion
A,Seguimiento,2025-T1,2025-03-20,SEFIPLAN,91,VI,50,sin indicadores 2024
A,Seguimiento,2025-T1,2025-03-20,SEFIPLAN,91,XX,40,formatos sin hipervínculo
A,Seguimiento,2025-T1,2025-03-20,SEFIPLAN,91,VIII,100,
B,Seguimiento,2025-T1,2025-03-21,SEFIPLAN,65,V,100,
B,Seguimiento,2025-T1,2025-03-21,SEFIPLAN,65,XVIII,60,faltan requisitos
B,Seguimiento,2025-T1,2025-03-21,SEFIPLAN,,VII,100,
B,Seguimiento,2025-T1,2025-03-21,SEFIPLAN,65,XLVIII,100,
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_equiv")
    write(tmp / "in" / "verificaciones" / "cambio_de_ley.csv", RESULTADOS)
    return build(tmp / "in", tmp)


def test_each_review_uses_the_law_in_force(db):
    assert query(db, "SELECT verificacion_id, ley_version FROM verificacion ORDER BY fecha") == [
        ("A", "LTAIPQROO2016"), ("B", "LGTAIP2025")]


def test_equivalent_fracciones_share_their_history_key(db):
    rows = dict(query(db, """SELECT ley_version || ' ' || articulo || '-' || fraccion, clave_historica
                             FROM indice_fraccion ORDER BY 1"""))
    assert rows["LTAIPQROO2016 91-VI"] == rows["LGTAIP2025 65-V"] == "LGTAIP2025 65-V"
    assert rows["LTAIPQROO2016 91-XX"] == rows["LGTAIP2025 65-XVIII"] == "LGTAIP2025 65-XVIII"
    assert rows["LTAIPQROO2016 91-VIII"] == rows["LGTAIP2025 65-VII"]


def test_follow_up_crosses_the_change_of_law(db):
    assert query(db, """SELECT fraccion, articulo_siguiente, fraccion_siguiente, puntaje_siguiente, estado
                        FROM seguimiento_fraccion WHERE verificacion_id = 'A' ORDER BY fraccion""") == [
        ("VI", "65", "V", 100.0, "solventada"), ("XX", "65", "XVIII", 60.0, "reincidente")]


def test_fraccion_valid_only_in_the_old_law_is_rejected(db):
    (motivo,) = query(db, "SELECT motivo FROM rechazo")[0]
    assert "XLVIII no existe en el art. 65 de LGTAIP2025" in motivo and "de I a XLVI" in motivo


def test_equivalence_catalog_is_loaded(db):
    assert query(db, """SELECT ley_destino, articulo_destino, fraccion_destino FROM obligacion_equivalencia
                        WHERE ley_origen = 'LTAIPQROO2016' AND articulo_origen = '91' AND fraccion_origen = 'XX'""") == [
        ("LGTAIP2025", "65", "XVIII")]
