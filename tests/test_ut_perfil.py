"""Unidades de Transparencia: the tiers catalog (data/catalogos/perfil_ut.toml) and the UT indicators, on a tiny build
whose every number is worked out by hand.

Test tiers (a copy of the catalogs with its own perfil_ut.toml): 0–9 requests in 12 months → 1 person; 10–19 → 2;
20 and more → 3. Plantilla (capacitación inputs): SEFIPLAN personal_ut 1 from 2024-01-01; SEGOB 3 and OM 1 from
2023-12-31.

Requests (month of official receipt):
  SEFIPLAN  1 in Dec 2023 (before its plantilla) · 9 in Jun 2024, 3 of them datos personales
  SEGOB     20 in Mar 2024
  OM        19 in Dec 2024
Tier borders, at the end of each month (12-month window: that month and the 11 before):
  SEFIPLAN Nov 2024: Dec 2023 – Nov 2024 = 1 + 9 = 10 → tier 2 (min 2); has 1 → below its tier.
  SEFIPLAN Dec 2024: Jan – Dec 2024 = 9 (the Dec 2023 request left the window) → tier 1 (min 1); has 1 → not below.
  SEGOB Dec 2024: 20 → tier 3 (min 3); has 3 → not below (equal is enough).
  OM Dec 2024: 19 → tier 2 (min 2); has 1 → below.
Year 2024 (stocks at December, flows summed):
  solicitudes_por_persona_ut: SEFIPLAN 9 / 1 = 9 (the Dec 2023 request is another year); SEGOB 20 / 3 = 6.667;
  OM 19 / 1 = 19; gobierno (9 + 20 + 19) / (1 + 3 + 1) = 48 / 5 = 9.6.
  pct_personal_ut_minimo: gobierno 100 × (1 + 3 + 1) / (1 + 3 + 2) = 83.33; entes_ut_bajo_perfil: gobierno 1 (OM).
  pct_solicitudes_datos_personales: SEFIPLAN 100 × 3 / 9 = 33.33.
December 2024 has 22 weekdays; 23–27, 30 and 31 are non-working in data/catalogos/calendario_inhabil.csv → 15
business days. dias_persona_ut_por_solicitud OM Dec 2024 = 1 × 15 / 19 = 0.7895. June 2024: 20 weekdays, no
non-working day → SEFIPLAN 1 × 20 / 9 = 2.222 (9 < 10: datos insuficientes).
"""
import csv
from pathlib import Path

import duckdb
import pytest

from common.errors import CatalogError
from common.paths import CATALOGOS_DIR
from common.schema import create_warehouse_schema
from etl.staging.catalogs import load_catalogs
from etl.staging.perfil_ut import read_tiers
from indicators.export import export_indicators
from helpers import query
from ut_fixture import TIERS, build_ut_warehouse, catalog_copy

@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_ut_warehouse(tmp_path_factory.mktemp("ut"))


def base(db, ente, mes):
    return query(db, "SELECT solicitudes_12_meses, personal_ut, personal_ut_minimo, entes_ut_bajo_perfil "
                     "FROM base_ut_mes WHERE ente_id = ? AND mes = ?::DATE", [ente, mes])[0]


@pytest.mark.parametrize("ente, mes, esperado", [
    ("SEFIPLAN", "2024-11-01", (10, 1, 2, 1)),   # 10 is the first of tier 2
    ("SEFIPLAN", "2024-12-01", (9, 1, 1, 0)),    # 9 is the last of tier 1
    ("SEGOB", "2024-12-01", (20, 3, 3, 0)),      # 20 is the first of tier 3; 3 of 3 is not below
    ("OM", "2024-12-01", (19, 1, 2, 1)),         # 19 is the last of tier 2
    ("SEFIPLAN", "2023-12-01", (1, 0, 0, 0)),    # no plantilla yet: no staff, no tier to be below of
])
def test_tier_at_its_borders(db, ente, mes, esperado):
    assert base(db, ente, mes) == esperado


def value(db, indicador, clave, periodo):
    rows = query(db, "SELECT round(valor, 4), numerador, denominador, suficiente FROM indicador_valor "
                     "WHERE indicador = ? AND clave = ? AND periodo = ?", [indicador, clave, periodo])
    assert len(rows) == 1, (indicador, clave, periodo, rows)
    return rows[0]


@pytest.mark.parametrize("indicador, clave, periodo, esperado", [
    ("solicitudes_por_persona_ut", "SEFIPLAN", "2024", (9.0, 9, 1, True)),
    ("solicitudes_por_persona_ut", "SEGOB", "2024", (6.6667, 20, 3, True)),
    ("solicitudes_por_persona_ut", "OM", "2024", (19.0, 19, 1, True)),
    ("solicitudes_por_persona_ut", "GEQROO", "2024", (9.6, 48, 5, True)),
    ("solicitudes_por_persona_ut", "SEFIPLAN", "2023", (None, 0, 0, False)),
    ("pct_personal_ut_minimo", "GEQROO", "2024", (83.3333, 5, 6, True)),
    ("pct_personal_ut_minimo", "OM", "2024", (50.0, 1, 2, True)),
    ("entes_ut_bajo_perfil", "GEQROO", "2024", (1, 1, None, True)),
    ("entes_ut_bajo_perfil", "GEQROO", "2024-11", (1, 1, None, True)),  # SEFIPLAN only: OM had 0 requests → tier 1
    ("pct_solicitudes_datos_personales", "SEFIPLAN", "2024", (33.3333, 3, 9, False)),
    ("dias_persona_ut_por_solicitud", "OM", "2024-12", (0.7895, 15, 19, True)),
    ("dias_persona_ut_por_solicitud", "SEFIPLAN", "2024-06", (2.2222, 20, 9, False)),
])
def test_ut_indicators(db, indicador, clave, periodo, esperado):
    assert value(db, indicador, clave, periodo) == esperado


# ---- the catalog rejects what it does not know, and says how to fix it ----------------------------------------

def _problems(tmp_path, text):
    path = tmp_path / "perfil_ut.toml"
    path.write_text(text, encoding="utf-8")
    problems = []
    tiers = read_tiers(path, problems)
    return tiers, problems


def test_the_shipped_catalog_is_valid_and_says_por_confirmar():
    problems = []
    tiers = read_tiers(CATALOGOS_DIR / "perfil_ut.toml", problems)
    assert problems == [] and tiers
    assert all(not t.confirmado and "por confirmar" in t.fuente.lower() for t in tiers)


def test_unknown_keys_and_wrong_types_are_all_reported(tmp_path):
    text = TIERS.replace('personal_minimo = 1\n', 'personal_minimo = "uno"\npersonal_minmo = 1\n', 1)
    text = text.replace('confirmado = false\nfuente = "prueba"\n\n[[nivel]]\nnivel = "Tres"',
                        'confirmado = "no"\nfuente = "prueba"\n\n[[nivel]]\nnivel = "Tres"')
    tiers, problems = _problems(tmp_path, text + "\n[extra]\nx = 1\n")
    assert tiers == []
    assert problems == [
        "perfil_ut.toml: clave de primer nivel desconocida «extra»; use solo [[nivel]]",
        "perfil_ut.toml, nivel 1 (Uno): clave desconocida «personal_minmo»; use solo nivel, solicitudes_desde, "
        "personal_minimo, perfil_titular, equipo, confirmado, fuente, solicitudes_hasta",
        "perfil_ut.toml, nivel 1 (Uno): «personal_minimo» debe ser un número entero; se encontró 'uno'",
        "perfil_ut.toml, nivel 2 (Dos): «confirmado» debe ser true o false; se encontró 'no'",
    ]


def test_gaps_overlaps_and_open_ends_are_reported(tmp_path):
    text = TIERS.replace("solicitudes_desde = 10", "solicitudes_desde = 11").replace(
        'solicitudes_desde = 20\n', 'solicitudes_desde = 20\nsolicitudes_hasta = 50\n')
    _tiers, problems = _problems(tmp_path, text)
    assert problems == [
        "perfil_ut.toml, nivel 2 (Dos): solicitudes_desde es 11 y debería ser 10 (los niveles empiezan en 0 y se "
        "siguen sin huecos ni traslapes)",
        "perfil_ut.toml, nivel 3 (Tres): el último nivel no lleva solicitudes_hasta (no tiene tope)",
    ]


def test_a_bad_catalog_stops_the_build_with_the_others(tmp_path):
    catalogs = catalog_copy(tmp_path)
    (catalogs / "perfil_ut.toml").write_text(TIERS.replace("personal_minimo = 3", "personal_minimo = 0"),
                                             encoding="utf-8")
    con = duckdb.connect()
    create_warehouse_schema(con)
    with pytest.raises(CatalogError) as err:
        load_catalogs(con, catalogs)
    assert "perfil_ut.toml, nivel 3 (Tres): «personal_minimo» debe ser al menos 1" in str(err.value)


def test_the_export_carries_the_ut_workload_and_tier(db, tmp_path):
    """OM, 2024: 19 requests for 1 person of the UT, whose tier asks for 2 (the export's numerador / denominador)."""
    out = tmp_path / "indicadores.csv"
    export_indicators(db, out, "csv")
    rows = {(r["ente_id"], r["periodo"], r["indicador"]): r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    carga = rows[("OM", "2024", "solicitudes_por_persona_ut")]
    perfil = rows[("OM", "2024", "pct_personal_ut_minimo")]
    assert (float(carga["valor"]), float(carga["numerador"]), float(carga["denominador"])) == (19, 19, 1)
    assert (float(perfil["valor"]), float(perfil["numerador"]), float(perfil["denominador"])) == (50, 1, 2)
    assert float(rows[("GEQROO", "2024", "entes_ut_bajo_perfil")]["valor"]) == 1
