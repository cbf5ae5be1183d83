"""Which law's deadline applies: the one in force for the ente's ámbito on the receipt date.

State entes (entes.csv: ámbito estatal) answer under LTAIPQROO 2016 (10 días hábiles + 10 of ampliación) until
25-11-2025, although the Ley General of 2025 is in force since 21-03-2025; from 26-11-2025 under the new state
law (Decreto 154, configured in plazo_legal.csv: 20 + 10 while its figures are por confirmar). A federal body
(ámbito federal) answers under the Ley General: 20 + 10 since 21-03-2025.

SEGOB (estatal):
  J1 received Mon 2 Jun 2025, answered Fri 20 Jun: 3–6 Jun 4 + 9–13 Jun 5 + 16–20 Jun 5 = 14 días > 10 → late
     (with the Ley General's 20 it would have been on time: the old mistake).
  J2 the same with ampliación → 14 ≤ 10 + 10 → on time.
  N1 received Tue 25 Nov 2025, answered Wed 10 Dec: 26–28 Nov 3 + 1–5 Dec 5 + 8–10 Dec 3 = 11 > 10 → late (2016 law).
  N2 received Wed 26 Nov 2025, answered Thu 11 Dec: 27–28 Nov 2 + 1–5 Dec 5 + 8–11 Dec 4 = 11 ≤ 20 → on time.
  D1 received Mon 1 Dec 2025, answered Fri 19 Dec: 2–5 Dec 4 + 8–12 Dec 5 + 15–19 Dec 5 = 14 ≤ 20 → on time.
  → June 2025: 1 of 2 on time = 50 %; December 2025: 1 of 1 = 100 %.
SHCP (a federal body added to a copy of the catalogs, ámbito federal):
  F1 received Mon 2 Jun 2025, answered Fri 20 Jun: 14 ≤ 20 → on time (LGTAIP2025).
"""
import pytest

from conftest import run_page, table_with
from helpers import PLANTILLA_HEADER, build, catalogs_with_entes, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ROWS = [
    ("250000000000001", "2025-06-02", "SEGOB", "2025-06-20", "No"),
    ("250000000000002", "2025-06-02", "SEGOB", "2025-06-20", "Si"),
    ("250000000000003", "2025-11-25", "SEGOB", "2025-12-10", "No"),
    ("250000000000004", "2025-11-26", "SEGOB", "2025-12-11", "No"),
    ("250000000000005", "2025-12-01", "SEGOB", "2025-12-19", "No"),
    ("250000000000006", "2025-06-02", "SHCP", "2025-06-20", "No"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ley_vigente")
    catalogs = catalogs_with_entes(tmp, "SHCP,Secretaría de Hacienda y Crédito Público,SHCP,Dependencia federal,"
                                        "Federales,federal,1990-01-01,,no,prueba: un ente federal\n")
    lines = [f"{f},{d},,{e},Información pública,,,Terminada,{ENTREGA},{r},{a},No" for f, d, e, r, a in ROWS]
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + "\n".join(lines) + "\n")
    mp = pytest.MonkeyPatch()
    mp.setenv("TABLERO_CATALOGOS", str(catalogs))
    try:
        return build(tmp / "in", tmp)
    finally:
        mp.undo()


def test_each_request_is_judged_by_the_law_in_force_for_its_ambito(db):
    rows = query(db, """SELECT folio, ley_version, plazo_dias, dias_habiles_respuesta, en_plazo
                        FROM solicitud ORDER BY folio""")
    assert rows == [("250000000000001", "LTAIPQROO2016", 10, 14, False),
                    ("250000000000002", "LTAIPQROO2016", 20, 14, True),
                    ("250000000000003", "LTAIPQROO2016", 10, 11, False),
                    ("250000000000004", "LTAIPQROO2025", 20, 11, True),
                    ("250000000000005", "LTAIPQROO2025", 20, 14, True),
                    ("250000000000006", "LGTAIP2025", 20, 14, True)]


def test_monthly_values(db):
    pct = dict(query(db, """SELECT periodo, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEGOB'
                            AND indicador = 'pct_en_plazo' AND tipo_periodo = 'mes'"""))
    assert pct == {"2025-06": 50.0, "2025-11": 50.0, "2025-12": 100.0}


def test_which_version_judged_which_months(db):
    assert query(db, """SELECT ambito, ley_version, primera_recepcion::VARCHAR, ultima_recepcion::VARCHAR, meses,
                               solicitudes FROM plazo_aplicado ORDER BY ambito DESC, primera_recepcion""") == [
        ("federal", "LGTAIP2025", "2025-06-02", "2025-06-02", 1, 1),
        ("estatal", "LTAIPQROO2016", "2025-06-02", "2025-11-25", 2, 3),
        ("estatal", "LTAIPQROO2025", "2025-11-26", "2025-12-01", 2, 2)]


def test_metodologia_shows_the_versions_and_what_they_judged(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception
    plazos = table_with(at, "Días hábiles de respuesta")
    # laws by name and dates as dd/mm/aaaa on screen (no catalog keys)
    estatal = plazos[(plazos["Ámbito"] == "Estatal") & (plazos["Tipo de solicitud"] == "información pública")]
    qroo = "Ley de Transparencia de Quintana Roo"
    assert list(zip(estatal["Versión"], estatal["Vigente desde"], estatal["Vigente hasta"])) == [
        (f"{qroo} (2004)", "01/06/2004", "03/05/2016"), (f"{qroo} (2016)", "04/05/2016", "25/11/2025"),
        (f"{qroo} (2025)", "26/11/2025", "")]
    applied = table_with(at, "Recibidas desde")
    assert list(applied["Versión"]) == [f"{qroo} (2016)", f"{qroo} (2025)", "Ley General de Transparencia (2025)"]
    assert list(applied["Plazo (días hábiles + ampliación)"]) == ["10 + 10", "20 + 10", "20 + 10"]


def test_an_ente_without_ambito_is_a_catalog_error(tmp_path, monkeypatch):
    from common.errors import BuildError
    catalogs = catalogs_with_entes(
        tmp_path, "NUEVO,Ente nuevo,NUEVO,Dependencia,Dependencias,,2020-01-01,,no,prueba\n"
                  "OTRO,Ente de otro estado,OTRO,Dependencia,Dependencias,estatal_yucatan,2020-01-01,,no,prueba\n")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError) as err:
        build(tmp_path / "in", tmp_path)
    assert "entes.csv, fila 41: falta el ámbito del ente (estatal o federal)" in str(err.value)
    assert "el ámbito «estatal_yucatan» no tiene plazos en plazo_legal.csv" in str(err.value)
