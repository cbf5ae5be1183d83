"""Catalogs of obligations: shipped files valid; weights configurable; every problem reported at once."""
import shutil
from pathlib import Path

import pytest
from helpers import build, query, write

from common.errors import BuildError
from common.names import normalize_fraccion

ROOT = Path(__file__).resolve().parent.parent
CATALOGOS = ROOT / "data" / "catalogos"
CRITERIOS = """verificacion,fecha_verificacion,ente,fraccion,criterio,tipo_criterio,valor
V,2024-02-15,SEFIPLAN,I,1,Sustantivo,1
V,2024-02-15,SEFIPLAN,I,2,Adjetivo de formato,0
V,2024-02-15,SEFIPLAN,II,1,Sustantivo,0
"""


@pytest.mark.parametrize("raw, expected", [("XXII", "XXII"), ("Fracción xxii", "XXII"), ("22", "XXII"),
                                           ("I inciso a", "I-a"), ("I-A", "I-a"), ("I a)", "I-a"),
                                           ("treinta", None), ("0", None)])
def test_fraccion_normalization(raw, expected):
    assert normalize_fraccion(raw) == expected


def test_shipped_catalogs(tmp_path):
    (tmp_path / "in").mkdir()
    db = build(tmp_path / "in", tmp_path)
    counts = dict(query(db, "SELECT ley_version || ' ' || articulo, count(*) FROM obligacion GROUP BY ALL"))
    assert counts == {"LTAIPQROO2016 91": 48, "LTAIPQROO2016 92": 7, "LGTAIP2025 65": 46, "LGTAIP2025 66": 9}
    # arts. 92 and the inferred equivalences are flagged as not confirmed
    assert query(db, "SELECT bool_or(verificado) FROM obligacion WHERE articulo = '92'") == [(False,)]
    assert query(db, "SELECT bool_or(confirmado) FROM obligacion_equivalencia") == [(False,)]
    assert query(db, "SELECT count(*) FROM obligacion WHERE clave_historica NOT LIKE 'LGTAIP2025 %'") == [(0,)]


def test_weights_are_configurable(tmp_path, monkeypatch):
    """Weights 0.6 / 0.4 and fr. II weighing 3: fr. I = 100 × (0.6 × 1 + 0.4 × 0) = 60; fr. II = 0;
    index = (1 × 60 + 3 × 0) / (1 + 3) = 15."""
    catalogos = tmp_path / "catalogos"
    shutil.copytree(CATALOGOS, catalogos)
    (catalogos / "verificacion_ponderacion.toml").write_text(
        'sustantivos = 0.6\nadjetivos = 0.4\numbral_cumplimiento = 90\n'
        '[[peso_fraccion]]\nley_version = "LTAIPQROO2016"\narticulo = "91"\nfraccion = "II"\npeso = 3\n',
        encoding="utf-8")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogos))
    write(tmp_path / "in" / "verificaciones" / "v.csv", CRITERIOS)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT fraccion, puntaje, peso_sustantivos, peso_adjetivos, peso_fraccion FROM indice_fraccion "
                     "ORDER BY fraccion") == [("I", 60.0, 0.6, 0.4, 1.0), ("II", 0.0, 1.0, 0.0, 3.0)]
    assert query(db, "SELECT indice FROM indice_ente") == [(15.0,)]
    assert query(db, "SELECT valor FROM metadatos WHERE clave = 'verificacion_umbral_cumplimiento'") == [("90.0",)]


def test_every_catalog_problem_is_reported_at_once(tmp_path, monkeypatch):
    catalogos = tmp_path / "catalogos"
    shutil.copytree(CATALOGOS, catalogos)
    (catalogos / "verificacion_ponderacion.toml").write_text("sustantivos = 0.9\nadjetivos = 0.2\ncolor = 1\n",
                                                              encoding="utf-8")
    with (catalogos / "aplicabilidad_obligaciones.csv").open("a", encoding="utf-8") as f:
        f.write("NO_EXISTE,LGTAIP2025,65,I,no,x\nSEFIPLAN,LGTAIP2025,65,XLVII,no,x\n")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogos))
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError) as err:
        build(tmp_path / "in", tmp_path)
    message = str(err.value)
    for expected in ("deben ser ≥ 0 y sumar 1", "verificacion_ponderacion.toml: clave de primer nivel desconocida «color»", "ente_id 'NO_EXISTE'",
                     "LGTAIP2025 art. 65 fr. XLVII no está"):
        assert expected in message
