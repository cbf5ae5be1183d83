"""Compliance index worked out by hand: criteria → fracción → ente → government (weights 0.8 / 0.2).

Review VD-2024, diagnóstica, 15/02/2024 (LTAIPQROO 2016, art. 91), criterion level:
  SEFIPLAN fr. I:   sustantivos 1, 0.5 → 0.75; adjetivos 0 (actualización), 1 (formato) → 0.5
                    → 100 × (0.8 × 0.75 + 0.2 × 0.5) = 70
  SEFIPLAN fr. II:  sustantivos 1, 1; adjetivo 1 (confiabilidad)        → 100
  SEFIPLAN fr. III: only adjetivos 0.5, 1 → 0.75 → the type's mean alone → 75 (weights stored as 0 / 1)
  SEFIPLAN fr. IV:  only a sustantivo 0                                   → 0
  → SEFIPLAN index = (70 + 100 + 75 + 0) / 4 = 61.25; fracciones incumplidas 3 (I, III, IV).
Same review, fracción level: SEGOB fr. I 80 %, fr. II 100 % → 90; incumplida 1.
Government, February 2024 = (245 + 180) / 6 fracciones = 70.8333 (pooled, not the mean of 61.25 and 90).
Review VM-2024-03, mensual, 12/03/2024: SEFIPLAN fr. I 100, fr. IV 50 → 75; no variación: the previous review is a
diagnóstica, another type (tests/test_verificacion_vigente.py has the rule).
Quarter 2024-T1 for SEFIPLAN is the result in force at its end (March): the diagnóstica comes before the mensual in
tipos_indice and is still in force, so 245 / 4 = 61.25 (no longer the pool (245 + 150) / 6 of both reviews).
Incumplidas at the end of March are the standing state: I solved by VM (100), III still failing (70 → never
re-evaluated), IV failing again in VM (50) → 2 (III, IV); not 3 + 1 = 4 failures pooled over both reviews.
"""
import shutil

import duckdb
import pytest

from common.errors import BuildError
from etl.checks import check
from helpers import build, query, write

CRITERIOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,articulo,fraccion,criterio,tipo_criterio,valor,observacion
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,I,1,Sustantivo,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,I,2,Sustantivo,"0,5",falta el tercer trimestre
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,I,3,Adjetivo de actualización,0,sin fecha de actualización
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,I,4,Adjetivo de formato,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,II,1,Sustantivo,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,II,2,Sustantivo,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,II,3,Adjetivo de confiabilidad,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,III,3,Adjetivo de actualización,0.5,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,III,4,Adjetivo de formato,1,
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,IV,1,Sustantivo,0,no se publica
"""
FRACCIONES = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje,observacion
VD-2024,Diagnóstica,2023-T4,2024-02-15,Secretaría de Gobierno,Fracción I,80,incompleta
VD-2024,Diagnóstica,2023-T4,2024-02-15,SEGOB,2,100,
VM-2024-03,Mensual,2024-02,12/03/2024,SEFIPLAN,I,100,
VM-2024-03,Mensual,2024-02,12/03/2024,SEFIPLAN,IV,50%,solo un trimestre
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_indice")
    write(tmp / "in" / "verificaciones" / "criterios.csv", CRITERIOS)
    write(tmp / "in" / "verificaciones" / "fracciones.csv", FRACCIONES)
    return build(tmp / "in", tmp, strict=True)


def test_fraccion_scores_from_criteria(db):
    rows = query(db, """SELECT fraccion, puntaje, media_sustantivos, media_adjetivos, peso_sustantivos,
                               peso_adjetivos, n_criterios, incumplida
                        FROM indice_fraccion WHERE verificacion_id = 'VD-2024' AND ente_id = 'SEFIPLAN'
                        ORDER BY puntaje""")
    assert rows == [("IV", 0.0, 0.0, None, 1.0, 0.0, 1, True), ("I", 70.0, 0.75, 0.5, 0.8, 0.2, 4, True),
                    ("III", 75.0, None, 0.75, 0.0, 1.0, 2, True), ("II", 100.0, 1.0, 1.0, 0.8, 0.2, 3, False)]


def test_observations_are_kept_per_fraccion(db):
    assert query(db, """SELECT observaciones FROM indice_fraccion WHERE verificacion_id = 'VD-2024'
                        AND ente_id = 'SEFIPLAN' AND fraccion = 'I'""") == [
        ("Criterio 2: falta el tercer trimestre | Criterio 3: sin fecha de actualización",)]


def test_ente_index_and_parts(db):
    rows = query(db, """SELECT verificacion_id, ente_id, indice, suma_puntaje, peso_evaluado, fracciones_evaluadas,
                               fracciones_incumplidas, fracciones_aplicables, variacion
                        FROM indice_ente ORDER BY verificacion_id, ente_id""")
    # applicable: 48 of art. 91 − XLVII (telecom: SSP only) + 2 of art. 92 assigned to each = 49
    assert rows == [("VD-2024", "SEFIPLAN", 61.25, 245.0, 4.0, 4, 3, 49, None),
                    ("VD-2024", "SEGOB", 90.0, 180.0, 2.0, 2, 1, 49, None),
                    ("VM-2024-03", "SEFIPLAN", 75.0, 150.0, 2.0, 2, 1, 49, None)]


def value(db, indicador, clave, periodo):
    rows = query(db, "SELECT valor, numerador, denominador FROM indicador_valor WHERE indicador = ? AND clave = ? "
                     "AND periodo = ?", [indicador, clave, periodo])
    assert len(rows) == 1, rows
    return rows[0]


def test_indicators_reaggregate_from_sums(db):
    assert value(db, "indice_cumplimiento_obligaciones", "GEQROO", "2024-02") == pytest.approx((425 / 6, 425, 6))
    assert value(db, "indice_cumplimiento_obligaciones", "SEFIPLAN", "2024-T1") == pytest.approx((61.25, 245, 4))
    assert value(db, "fracciones_incumplidas", "SEFIPLAN", "2024-T1")[0] == 2
    assert value(db, "variacion_indice_cumplimiento", "SEFIPLAN", "2024-03")[0] is None
    assert value(db, "pct_observaciones_solventadas", "SEFIPLAN", "2024-03") == pytest.approx((50.0, 1, 2))


def test_law_version_and_review_metadata(db):
    assert query(db, "SELECT verificacion_id, tipo, periodo_evaluado, fecha::VARCHAR, ley_version FROM verificacion "
                     "ORDER BY fecha") == [("VD-2024", "diagnostica", "2023-T4", "2024-02-15", "LTAIPQROO2016"),
                                          ("VM-2024-03", "mensual", "2024-02", "2024-03-12", "LTAIPQROO2016")]


def test_a_fraccion_scored_twice_in_one_review_stops_the_swap(db, tmp_path):
    """indice_fraccion has one row per review × ente × fracción (no primary key: etl/checks.py checks it). Staging
    never makes a second one; a copy with SEFIPLAN's fr. II of VD-2024 written twice must not be served."""
    copy = shutil.copy(db, tmp_path / "copia.duckdb")
    con = duckdb.connect(str(copy))
    try:
        check(con)  # the built warehouse passes
        con.execute("INSERT INTO indice_fraccion SELECT * FROM indice_fraccion "
                    "WHERE verificacion_id = 'VD-2024' AND ente_id = 'SEFIPLAN' AND fraccion = 'II'")
        with pytest.raises(BuildError, match="1 fracciones con dos puntajes"):
            check(con)
    finally:
        con.close()
