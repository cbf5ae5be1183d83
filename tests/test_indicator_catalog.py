"""The indicator catalog is data: typed, unknown keys rejected, every problem reported at once, fully documented."""
import pytest

from indicators.catalog import CatalogError, load_catalog

REQUIRED_DOCS = ("nombre", "descripcion", "formula", "unidad", "direccion", "fuente", "version")


def test_the_shipped_catalog_is_valid_and_documented():
    catalog = load_catalog()
    assert [i.id for i in catalog][:2] == ["solicitudes_recibidas", "pct_en_plazo"]
    for ind in catalog:
        assert all(getattr(ind, field) for field in REQUIRED_DOCS), ind.id
        if ind.tipo == "razon":
            assert ind.numerador and ind.denominador


def test_every_problem_is_reported_at_once(tmp_path):
    bad = tmp_path / "catalogo.toml"
    bad.write_text("""
[[indicador]]
id = "x"
nombre = "X"
descripcion = "d"
formula = "f"
tipo = "razon"
numerador = "no_existe"
unidad = "%"
direccion = "hacia_arriba"
denominador_minimo = 1
dimension = "solicitudes"
fuente = "f"
version = "1"
colour = "rojo"
""", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(bad)
    message = str(err.value)
    for expected in ("campo desconocido 'colour'", "direccion 'hacia_arriba'", "necesita 'denominador'",
                     "numerador 'no_existe'"):
        assert expected in message


def test_thresholds_must_agree_with_direction(tmp_path):
    bad = tmp_path / "catalogo.toml"
    bad.write_text("""
[[indicador]]
id = "y"
nombre = "Y"
descripcion = "d"
formula = "f"
tipo = "conteo"
numerador = "recibidas"
unidad = "solicitudes"
direccion = "mayor_es_mejor"
umbral_verde = 50
umbral_amarillo = 80
denominador_minimo = 0
dimension = "solicitudes"
fuente = "f"
version = "1"
""", encoding="utf-8")
    with pytest.raises(CatalogError, match="verde debe ser ≥ el amarillo"):
        load_catalog(bad)


def test_an_indicator_without_target_or_reason_fails(tmp_path):
    bad = tmp_path / "catalogo.toml"
    bad.write_text("""
[[indicador]]
id = "z"
nombre = "Z"
descripcion = "d"
formula = "f"
tipo = "razon"
numerador = "en_plazo"
denominador = "recibidas"
unidad = "%"
direccion = "mayor_es_mejor"
denominador_minimo = 1
dimension = "solicitudes"
fuente = "f"
version = "1"
""", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(bad)
    assert "declare 'meta' o explique en 'sin_meta'" in str(err.value)
    assert "necesita umbrales del semáforo" in str(err.value)
