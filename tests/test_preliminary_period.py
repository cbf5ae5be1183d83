"""Open periods are preliminary, not best: a month whose requests are still within their legal deadline at the
cut-off (or that the data do not cover whole) is preliminar; every page, the PDF fichas and the export default
to the last closed period, and a preliminary one, when chosen, says so in a warning and in the export.

State entes, 2016 state law (10 días hábiles). Cut-off: 31 Oct 2024, the newest date in the data.
  SEGOB, 5 Aug 2024: "En espera de forma de entrega" (waits on the requester): does not keep August open.
  SEFIPLAN, September 2024: ten requests filed Mon 2 Sep, answered Tue 3 Sep (1 día hábil), and one filed
     2 Sep still "En proceso", overdue since 17 Sep (10 días from 3 Sep, 16 Sep a holiday): closed.
  SEFIPLAN, October 2024: ten filed Wed 2 Oct (1 Oct is a holiday), answered 31 Oct; one filed Mon 28 Oct
     "En proceso": deadline 11 Nov (29–31 Oct, 1, 4–8, 11 Nov), still within it at the cut-off → open.
  SEGOB, October 2024: one filed 29 Oct, "En espera de pago" (waits on the requester).
  → 2024-08 closed; 2024-09 closed (0 open of 11); 2024-10 preliminar: 1 open of 12 received.
    2024-T3 closed; 2024-T4 preliminar (October open, and the quarter ends after the cut-off); 2024 preliminar.
    Last closed: month 2024-09, quarter 2024-T3, year none (the only year is open: it is shown, and says so).
SEFIPLAN has requests only (one dimension): its index is "datos insuficientes" in the fichas, never a number.
"""
import csv

import pytest
from pypdf import PdfReader

from conftest import run_page
from helpers import PLANTILLA_HEADER, build, query, write
from indicators.export import export_indicators
from indicators.fichas import write_fichas
from indicators.period_status import PeriodStates

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ROWS = (
    ["240000000000001,2024-08-05,,SEGOB,Información pública,,,En espera de forma de entrega,,,No,No"]
    + [f"2400000000010{n:02d},2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No"
       for n in range(10)]
    + ["240000000000200,2024-09-02,,SEFIPLAN,Información pública,,,En proceso,Registro de la Solicitud,,No,No"]
    + [f"2400000000030{n:02d},2024-10-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-31,No,No"
       for n in range(10)]
    + ["240000000000400,2024-10-28,,SEFIPLAN,Información pública,,,En proceso,Registro de la Solicitud,,No,No",
       "240000000000401,2024-10-29,,SEGOB,Información pública,,,En espera de pago,,,No,No"])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preliminar")
    write(tmp / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + "\n" + "\n".join(ROWS) + "\n")
    return build(tmp / "in", tmp)


def test_which_periods_are_preliminary(db):
    rows = query(db, """SELECT tipo_periodo, periodo, abiertas_en_plazo, recibidas, completo, preliminar
                        FROM periodo_estado ORDER BY tipo_periodo, periodo""")
    assert rows == [("anio", "2024", 1, 24, False, True),
                    ("mes", "2024-08", 0, 1, True, False), ("mes", "2024-09", 0, 11, True, False),
                    ("mes", "2024-10", 1, 12, True, True),
                    ("trimestre", "2024-T3", 0, 12, True, False), ("trimestre", "2024-T4", 1, 12, False, True)]


def test_the_last_closed_period_is_one_function(db):
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        states = PeriodStates.from_connection(con)
    assert states.last_closed("mes") == "2024-09"
    assert states.last_closed("trimestre") == "2024-T3"
    assert states.last_closed("anio") is None
    assert states.default("anio", ["2024"]) == "2024"           # nothing closed: the newest, with its warning
    assert states.default("mes", ["2024-10", "2024-09", "2024-08"]) == "2024-09"


def test_pages_default_to_the_last_closed_period(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    inicio = run_page("app.py")
    assert inicio.selectbox(key="f_periodo").value == "2024-09"
    assert not any("Cifras preliminares" in w.value for w in inicio.warning)
    # the monthly trend still draws October, and says it is preliminary
    from common.formatting import periodo_corto
    assert any(c.value.replace("\\", "").startswith("Meses preliminares") and periodo_corto("mes", "2024-10") in c.value
               and periodo_corto("mes", "2024-09") not in c.value for c in inicio.caption)


def test_a_preliminary_period_says_so_in_a_warning(db, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db))
    october = run_page("app.py", {"tipo": "mes", "periodo": "2024-10"})
    warnings = [w.value.replace("\\", "") for w in october.warning]
    assert any(w.startswith("Cifras preliminares: 1 de 12 solicitudes recibidas en octubre de 2024 siguen en trámite "
                            "dentro de su plazo legal al 31 de octubre de 2024.") and
               "El último periodo cerrado es septiembre de 2024." in w for w in warnings), warnings
    ficha = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEGOB", "tipo": "mes", "periodo": "2024-10"})
    assert any("de este ente, 0 de 1" in w.value for w in ficha.warning)
    quarter = run_page("pages/1_Ranking.py", {"tipo": "trimestre", "periodo": "2024-T4"})
    assert any("los datos llegan al 31 de octubre de 2024, antes del fin del periodo" in w.value.replace("\\", "")
               for w in quarter.warning)


def test_the_export_carries_preliminar(db, tmp_path):
    export_indicators(db, tmp_path / "x.csv")
    with (tmp_path / "x.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["indicador"] == "solicitudes_recibidas" and r["nivel"] == "gobierno"]
    assert {r["periodo"]: r["preliminar"] for r in rows} == {
        "2024-08": "false", "2024-09": "false", "2024-10": "true", "2024-T3": "false", "2024-T4": "true",
        "2024": "true"}


def test_fichas_default_to_the_last_closed_month_and_mark_a_preliminary_one(db, tmp_path):
    written = write_fichas(db, None, tmp_path / "cerrado", progress=None)
    assert [p.name for p in written] == ["ficha_SEFIPLAN_2024-09.pdf"]
    text = " ".join(PdfReader(written[0]).pages[0].extract_text().split())
    assert "CIFRAS PRELIMINARES" not in text
    # one dimension (requests only): the index is said to lack data, never printed as a number
    assert "Datos insuficientes" in text
    (october,) = write_fichas(db, "2024-10", tmp_path / "abierto", progress=None)
    text = " ".join(PdfReader(october).pages[0].extract_text().split())
    assert "CIFRAS PRELIMINARES: 1 de 12 solicitudes recibidas en el periodo siguen en trámite" in text
    assert "Último periodo cerrado: septiembre de 2024." in text
