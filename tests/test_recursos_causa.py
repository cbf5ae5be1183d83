"""Appeals by cause and compliance with resolutions (issue 22 item 6), only where the source says them.

SEFIPLAN, appeals filed in May 2025 (template with the optional columns causa and cumplimiento):
  RR1 Falta de respuesta, Revoca, Cumplida
  RR2 Falta de respuesta, Modifica, Incumplida
  RR3 Inexistencia, Revoca, Cumplida
  RR4 Clasificación de la información, Modifica, En cumplimiento   (still within its term to comply: not judged)
  RR5 Información incompleta, Confirma, No aplica
  RR6 (no cause), Desecha, (empty)
  → con causa 5, por falta de respuesta 2: pct_recursos_falta_respuesta = 100 × 2 / 5 = 40 %
  → modifican o revocan 4 (RR1–RR4), compliance judged 3 (RR1–RR3), cumplidas 2: pct_resoluciones_cumplidas = 66.7 %
SABGOB, June 2025, a template without those columns: both indicators sin datos (no value), never 0 or 100.
"""
import pytest

from conftest import all_text, run_page
from helpers import build, query, write

HEADER = "expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido,causa,cumplimiento\n"
ROWS = ["RR/0001/2025,,SEFIPLAN,2025-05-05,2025-06-20,Revoca,Falta de respuesta,Cumplida",
        "RR/0002/2025,,SEFIPLAN,2025-05-06,2025-06-20,Modifica,Falta de respuesta,Incumplida",
        "RR/0003/2025,,SEFIPLAN,2025-05-07,2025-06-20,Revoca,Inexistencia,Cumplida",
        "RR/0004/2025,,SEFIPLAN,2025-05-08,2025-06-20,Modifica,Clasificación de la información,En cumplimiento",
        "RR/0005/2025,,SEFIPLAN,2025-05-09,2025-06-20,Confirma,Información incompleta,No aplica",
        "RR/0006/2025,,SEFIPLAN,2025-05-12,2025-06-20,Desecha,,"]
PLAIN = ("expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido\n"
         "RR/0101/2025,,SABGOB,2025-06-02,2025-07-10,Revoca\nRR/0102/2025,,SABGOB,2025-06-03,2025-07-10,Confirma\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("causas")
    write(tmp / "in" / "recursos" / "con_causa.csv", HEADER + "\n".join(ROWS) + "\n")
    write(tmp / "in" / "recursos" / "sin_causa.csv", PLAIN)
    return build(tmp / "in", tmp)


def _values(db, ente, periodo):
    return dict(query(db, """SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = ?
                             AND tipo_periodo = 'mes' AND periodo = ?
                             AND indicador IN ('pct_recursos_falta_respuesta', 'pct_resoluciones_cumplidas')""",
                      [ente, periodo]))


def test_hand_worked_cause_and_compliance(db):
    assert _values(db, "SEFIPLAN", "2025-05") == {"pct_recursos_falta_respuesta": pytest.approx(40.0),
                                                  "pct_resoluciones_cumplidas": pytest.approx(200 / 3)}
    assert query(db, "SELECT causa, cumplimiento FROM recurso_revision WHERE expediente = 'RR/0004/2025'") == [
        ("clasificacion", "en_plazo")]


def test_without_the_columns_it_is_sin_datos(db):
    assert _values(db, "SABGOB", "2025-06") == {"pct_recursos_falta_respuesta": None,
                                                "pct_resoluciones_cumplidas": None}


def test_an_unknown_cause_is_rejected_with_the_catalog_named(tmp_path):
    write(tmp_path / "in" / "recursos" / "r.csv", HEADER + "RR/0009/2025,,SEFIPLAN,2025-05-05,,,Porque sí,\n")
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT count(*) FROM recurso_revision") == [(0,)]
    [(columna, mensaje)] = query(db, "SELECT columna, motivo FROM rechazo")
    assert columna == "causa" and "causa_recurso.csv" in mensaje


def test_solicitudes_page_lists_appeals_by_cause(db, monkeypatch, local_mode):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/3_Solicitudes.py", {"tipo": "mes", "periodo": "2025-05"})
    assert not at.exception
    table = next(df.value for df in at.dataframe if "Causa" in df.value.columns)
    # RR1, RR2 falta de respuesta (2, both modify or revoke); one each of the others; RR6 without a cause
    assert dict(zip(table["Causa"], table["Recursos"])) == {
        "Falta de respuesta en los plazos de ley": 2, "Clasificación de la información": 1,
        "Declaración de inexistencia": 1, "Entrega de información incompleta": 1, "Sin causa en la fuente": 1}
    assert "la más frecuente es «falta de respuesta en los plazos de ley» (2, 40.0 %)" in all_text(at)
