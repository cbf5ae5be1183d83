"""Ente names as the sources spell them resolve to catalog entes; unknown names get the closest known ones."""
import csv
from pathlib import Path

import duckdb
import pytest

from etl.staging.catalogs import load_catalogs
from etl.staging.ente_names import build_ente_map
from common.names import name_variants, normalize_name
from etl import sql
from common.paths import CATALOGOS_DIR, schema_files

FIXTURES = Path(__file__).parent / "fixtures" / "estadistica_trimestral"
NOT_ENTES = {"", "No.", "S.O.", "TOTAL", "DEPENDENCIAS", "ÓRGANOS DESCONCENTRADOS", "ORGANISMOS DESCENTRALIZADOS"}


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    for schema in schema_files():
        con.execute(schema.read_text(encoding="utf-8"))
    con.execute(sql("functions/macros.sql"))
    con.execute(sql("functions/privacidad.sql"))  # as the build: unresolved names are kept masked
    load_catalogs(con, CATALOGOS_DIR)
    return con


def resolve(con, names):
    con.execute("CREATE OR REPLACE TEMP TABLE nombres (dependencia VARCHAR)")
    con.executemany("INSERT INTO nombres VALUES (?)", [(n,) for n in names])
    build_ente_map(con, "nombres")
    return dict((v, (e, s)) for v, e, s in con.execute("SELECT valor, ente_id, sugerencia FROM map_ente").fetchall())


def test_normalize_ignores_case_accents_spacing_and_punctuation():
    assert normalize_name("SECRETARÍA DEL TRABAJO  Y PREVISIÓN SOCIAL") == normalize_name("Secretaria del Trabajo y Prevision Social.")


def test_variants_strip_pnt_prefix_and_siglas():
    assert name_variants("FED - Secretaría de Hacienda y Crédito Público (SHCP)") == [
        "FED SECRETARIA DE HACIENDA Y CREDITO PUBLICO SHCP", "SECRETARIA DE HACIENDA Y CREDITO PUBLICO SHCP",
        "SECRETARIA DE HACIENDA Y CREDITO PUBLICO", "SHCP"]


def published_names():
    names = set()
    for path in FIXTURES.glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            for row in csv.reader(f):
                name = row[1] if row[0].strip().isdigit() or (row[0] == "" and len(row) > 14 and row[1]) else row[0]
                if name.strip() and name.strip() not in NOT_ENTES and not name.startswith("Número"):
                    names.add(name.strip())
    return sorted(names)


def test_every_name_published_in_the_real_quarterly_tables_resolves(con):
    names = published_names()
    assert len(names) >= 30
    resolved = resolve(con, names)
    unresolved = [n for n, (ente, _) in resolved.items() if ente is None]
    assert unresolved == []
    assert resolved["SECRETARÍA DE FINANZAS Y PLAENACIÓN (SEFIPLAN)"][0] == "SEFIPLAN"
    assert resolved["SECRETARÍA DE SEGURIDAD PÚGBLICA (SSP)"][0] == "SSP"
    assert resolved["SECRETARÍA DE INFRAESTRUCTURA Y TRANSPORTES (SINTRA)"][0] == "SINTRA"


def test_unknown_name_suggests_the_closest_known_entes(con):
    ente, hint = resolve(con, ["SECRETARIA DE TURISMOS DEL ESTADO"])["SECRETARIA DE TURISMOS DEL ESTADO"]
    assert ente is None
    assert "Secretaría de Turismo (SEDETUR)" in hint and "ente_alias.csv" in hint
