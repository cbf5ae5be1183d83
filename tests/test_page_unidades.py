"""Unidades de Transparencia page and the Ficha's UT sentence (AppTest) against the real sample warehouse of
tests/conftest.py (its training sample has a plantilla with personal_ut per ente); figures checked against SQL."""
from __future__ import annotations

from conftest import all_text, run_page, table_with
from ut_fixture import build_ut_warehouse

PAGE = "pages/13_Unidades_de_Transparencia.py"


def test_the_page_lists_the_units_below_their_tier(app_db, sql):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert at.title[0].value == "Unidades de Transparencia"
    below = sql("SELECT numerador FROM indicador_valor WHERE nivel = 'gobierno' AND periodo = '2025' "
                "AND indicador = 'entes_ut_bajo_perfil'")[0][0]
    text = all_text(at)
    assert "por confirmar" in text
    tiers = table_with(at, "Perfil de la persona titular")
    assert len(tiers) == sql("SELECT count(*) FROM perfil_ut")[0][0]
    # The sample's plantillas give every UT at least its minimum (the next test has one below its tier).
    assert below == 0 and "Ninguna Unidad de Transparencia está por debajo de su perfil con estos filtros." in text
    at.toggle(key="solo_bajo_perfil").set_value(False).run()
    everyone = table_with(at, "Faltan")
    # Every ente with requests or a plantilla in force in 2025 has a row (its last month of 2025 in base_ut_mes).
    assert len(everyone) == sql("SELECT count(DISTINCT ente_id) FROM base_ut_mes WHERE year(mes) = 2025")[0][0]
    assert (everyone["Situación"] == "Por debajo de su perfil").sum() == below


def test_the_ficha_says_how_many_persons_the_ut_should_have(app_db, sql):
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert "Unidad de Transparencia" in [h.value for h in at.subheader]
    n, k, m = sql("""SELECT b.solicitudes_12_meses, b.personal_ut, p.personal_minimo
                     FROM base_ut_mes b JOIN perfil_ut p ON b.solicitudes_12_meses >= p.solicitudes_desde
                      AND (p.solicitudes_hasta IS NULL OR b.solicitudes_12_meses <= p.solicitudes_hasta)
                     WHERE b.ente_id = 'SEFIPLAN' AND b.mes = DATE '2025-12-01'""")[0]
    text = all_text(at)
    assert f"Con {n:,} solicitudes en los 12 meses que terminan en diciembre de 2025" in text
    assert f"debería tener al menos {m} persona" in text and f"tiene {k}." in text


def test_a_unit_below_its_tier_with_what_it_lacks(tmp_path, monkeypatch, local_mode):
    """tests/ut_fixture.py: at December 2024 OM had 19 requests in 12 months (tier 2: 2 persons) and 1 person; SEGOB 20
    (tier 3: 3) and 3; SEFIPLAN 9 (tier 1: 1) and 1. Only OM is below, lacking 1 person."""
    monkeypatch.setenv("TABLERO_DB", str(build_ut_warehouse(tmp_path)))
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2024"})
    assert not at.exception
    table = table_with(at, "Faltan")
    assert table[["Siglas", "Solicitudes en 12 meses", "Personal mínimo", "Personal de la UT", "Faltan"]] \
        .values.tolist() == [["OM", 19, 2, 1, 1]]
    assert ("Al cierre del año 2024, 1 Unidad de Transparencia de 3 con plantilla está por debajo del personal mínimo "
            "de su nivel (en total falta 1 persona).") in all_text(at)

    ficha = run_page("pages/2_Ficha_del_ente.py", {"ente": "OM", "tipo": "anio", "periodo": "2024"})
    assert not ficha.exception
    assert ("Con 19 solicitudes en los 12 meses que terminan en diciembre de 2024 (Dos), su Unidad de Transparencia "
            "debería tener al menos 2 personas; tiene 1. Está por debajo de su perfil: le falta 1 persona.") \
        in all_text(ficha)
