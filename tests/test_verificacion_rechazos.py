"""Bad verification rows go to rechazo with file, row, column, value and a Spanish reason; good rows load."""
import pytest
from helpers import build, query, write

from common.errors import BuildError

CRITERIOS = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,articulo,fraccion,criterio,tipo_criterio,valor,observacion
VD,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,I,1,Sustantivo,1,
VD,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,II,1,Sustantivo,0.7,
VD,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,XLIX,1,Sustantivo,1,
VD,Diagnóstica,2023-T4,2024-02-15,CGC,91,XXII,1,Sustantivo,1,
VD,Diagnóstica,2023-T4,2024-02-15,Secretaria de Finansas y Planeacion,91,III,1,Sustantivo,1,
VD,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,IV,1,Adjetivo,1,
VD,Diagnóstica,2023-T4,2024-02-15,SEFIPLAN,91,V,1,Adjetivo de ortografía,1,
VD,Diagnóstica,2023-T4,2024-02-16,SEFIPLAN,91,VI,1,Sustantivo,1,
VD,Sorpresa,2023-T4,2024-02-15,SEFIPLAN,91,VII,1,Sustantivo,1,
"""
FRACCIONES = """verificacion,fecha_verificacion,ente,fraccion,porcentaje
VM,2024-03-12,SEGOB,I,120
VM,2024-03-12,SEGOB,II,
VM,2024-03-12,SEGOB,treinta,100
VM,2024-03-12,SEGOB,III,95
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("verif_rech")
    write(tmp / "in" / "verificaciones" / "criterios.csv", CRITERIOS)
    write(tmp / "in" / "verificaciones" / "fracciones.csv", FRACCIONES)
    return build(tmp / "in", tmp)


def rejects(db, archivo):
    return {fila: (columna, valor, motivo) for fila, columna, valor, motivo in query(
        db, "SELECT fila, columna, valor, motivo FROM rechazo WHERE archivo = ? ORDER BY fila", [archivo])}


def test_criterion_rejects_name_the_problem(db):
    r = rejects(db, "criterios.csv")
    assert sorted(r) == [3, 4, 5, 6, 8, 9, 10]
    assert r[3][:2] == ("valor", "0.7") and "use 1 (cumple), 0.5" in r[3][2]
    assert r[4][:2] == ("fraccion", "XLIX") and "no existe en el art. 91 de LTAIPQROO2016" in r[4][2]
    assert r[5][:2] == ("fraccion", "XXII") and "no aplica a este ente" in r[5][2] and "deuda pública" in r[5][2]
    assert r[6][0] == "dependencia" and "Ente desconocido" in r[6][2] and "Secretaría de Finanzas y Planeación" in r[6][2]
    assert r[8][:2] == ("tipo_criterio", "Adjetivo de ortografía")
    assert r[9][0] == "fecha_verificacion" and "una sola fecha" in r[9][2]
    assert r[10][:2] == ("tipo_verificacion", "Sorpresa")


def test_fraccion_rejects(db):
    r = rejects(db, "fracciones.csv")
    assert sorted(r) == [2, 3, 4]
    assert r[2][:2] == ("porcentaje", "120")
    assert r[3][0] == "porcentaje" and "Falta el resultado" in r[3][2]
    assert r[4][:2] == ("fraccion", "treinta")


def test_good_rows_load_and_counts_add_up(db):
    # a plain "Adjetivo" is accepted (row 7); every read row is loaded or rejected
    assert query(db, "SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas FROM carga ORDER BY archivo") == [
        ("criterios.csv", 9, 2, 7), ("fracciones.csv", 4, 1, 3)]


def test_strict_build_fails_on_rejects(tmp_path):
    write(tmp_path / "in" / "verificaciones" / "fracciones.csv", FRACCIONES)
    with pytest.raises(BuildError, match="Modo estricto"):
        build(tmp_path / "in", tmp_path, strict=True)
