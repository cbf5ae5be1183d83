"""The indicator definitions are data (indicators/indicadores.toml): typed, unknown keys rejected, every problem reported at once, fully documented."""
import json

import duckdb
import pytest

from common.errors import DefinitionError
from common.schema import create_warehouse_schema
from indicators.definitions import BASE_TABLES, load_indicators

REQUIRED_DOCS = ("nombre", "descripcion", "formula", "unidad", "direccion", "fuente", "version")
# A valid, documented indicator; each test changes only what it is about.
VALID = {"id": "x", "nombre": "X", "descripcion": "d", "formula": "f", "tipo": "razon", "numerador": "en_plazo",
         "denominador": "recibidas", "unidad": "%", "direccion": "mayor_es_mejor", "meta": 100,
         "umbral_verde": 95, "umbral_amarillo": 85, "denominador_minimo": 1, "dimension": "solicitudes",
         "fuente": "f", "version": "1"}


def load_one(tmp_path, drop=(), **changes):
    """Loads a definitions file holding one indicator: VALID with some keys dropped or changed."""
    entry = {k: v for k, v in (VALID | changes).items() if k not in drop}
    path = tmp_path / "indicadores.toml"
    # JSON literals of strings and numbers are valid TOML values.
    path.write_text("[[indicador]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n"
                                                for k, v in entry.items()), encoding="utf-8")
    return load_indicators(path)


def test_the_shipped_definitions_are_valid_and_documented():
    definitions = load_indicators()
    assert [i.id for i in definitions][:2] == ["solicitudes_recibidas", "pct_en_plazo"]
    for ind in definitions:
        assert all(getattr(ind, field) for field in REQUIRED_DOCS), ind.id
        if ind.tipo == "razon":
            assert ind.numerador and ind.denominador


def test_the_valid_fixture_loads(tmp_path):
    assert [i.id for i in load_one(tmp_path)] == ["x"]


def test_every_problem_is_reported_at_once(tmp_path):
    with pytest.raises(DefinitionError) as err:
        load_one(tmp_path, drop=("denominador",), numerador="no_existe", direccion="hacia_arriba", colour="rojo")
    message = str(err.value)
    for expected in ("clave desconocida «colour»", "direccion 'hacia_arriba'", "necesita 'denominador'",
                     "numerador 'no_existe'"):
        assert expected in message


def test_thresholds_must_agree_with_direction(tmp_path):
    with pytest.raises(DefinitionError, match="verde debe ser ≥ el amarillo"):
        load_one(tmp_path, drop=("denominador",), tipo="conteo", numerador="recibidas", unidad="solicitudes",
                 umbral_verde=50, umbral_amarillo=80)


def test_an_indicator_without_target_or_reason_fails(tmp_path):
    with pytest.raises(DefinitionError) as err:
        load_one(tmp_path, drop=("meta", "umbral_verde", "umbral_amarillo"))
    assert "declare 'meta' o explique en 'sin_meta'" in str(err.value)
    assert "necesita umbrales del semáforo" in str(err.value)


def test_each_base_table_has_exactly_the_declared_columns():
    """The roll-ups sum every column of a base (indicators/sql/values/): the schema and indicators/definitions.py must
    agree on them, besides the keys (ente_id, mes; a government-only base has no ente_id)."""
    con = duckdb.connect()
    create_warehouse_schema(con)
    for name, base in BASE_TABLES.items():
        keys = {"mes"} if base.solo_gobierno else {"ente_id", "mes"}
        columns = {c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                                              [name]).fetchall()}
        assert columns == base.columns | keys, name
