"""Every value of estatus.csv and respuesta.csv is defended (issue 22 item 5): what it counts in is data
(estado_solicitud.csv, categoria_respuesta.csv), Metodología shows the whole mapping from those same catalogs, and a
build with one request per value puts each request exactly in the counts the table says.

Hand-worked month (SEFIPLAN, March 2024), four requests answered and Terminada:
  entrega (PNT) · parcialmente reservada o confidencial (versión pública) · No se dará trámite · notoria incompetencia
  con respuesta final 4; entrega 2 (the partial delivery is a delivery); clasificada 0; competente 2 (entrega and the
  partial delivery: a refusal to process and an incompetence are not competent answers)
  → pct_entrega 2/4 = 50 %, pct_clasificada 0/4 = 0 %, pct_competencia 2/4 = 50 %
  (before: No se dará trámite counted as competent and the partial delivery as classified: 75 %, 25 %, 25 %).
Afirmativa ficta (April 2024, filed 1 Apr, «answered» 30 Apr): never on time and no days to answer; it counts as
overdue without an answer: en_plazo 0 of 1 judged, vencidas_sin_respuesta 1, respondidas 0.
"""
import csv
import io

import pytest

from conftest import run_page
from helpers import PLANTILLA_HEADER, build, catalog_build_error, catalogs_copy, query, write
from common.csvfiles import read_rows
from etl.staging.catalogs import ANSWER_COUNTS
from indicators.definitions import load_indicators
from pathlib import Path

CATALOGOS = Path(__file__).resolve().parent.parent / "data" / "catalogos"
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def _catalog(name):
    return read_rows(CATALOGOS / name)


def _month(n):
    """The n-th month from January 2010: one request per month, so each month's counts are one request's."""
    return f"{2010 + n // 12}-{n % 12 + 1:02d}"


def _template(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for r in rows:
        writer.writerow(r)
    return PLANTILLA_HEADER + "\n" + out.getvalue()


def _row(folio, fecha, estatus, respuesta, respondida):
    return [folio, fecha, "", "SEFIPLAN", "Información pública", "", "", estatus, respuesta, respondida, "No", "No"]


ESTATUS = _catalog("estatus.csv")
RESPUESTA = _catalog("respuesta.csv")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("categorias")
    rows = []
    for n, r in enumerate(ESTATUS):  # one per month from January 2010, answered (if at all) on the 12th
        rows.append(_row(f"5100{n:011d}", f"{_month(n)}-05", r["valor"], "", f"{_month(n)}-12"))
    for n, r in enumerate(RESPUESTA, start=len(ESTATUS)):
        rows.append(_row(f"5100{n:011d}", f"{_month(n)}-05", "Terminada", r["valor"], f"{_month(n)}-12"))
    hand = ["Terminada", "Información parcialmente reservada o confidencial (Terminada)"]
    rows += [_row("520000000000001", "2024-03-04", "Terminada", ENTREGA, "2024-03-08"),
             _row("520000000000002", "2024-03-04", *hand, "2024-03-08"),
             _row("520000000000003", "2024-03-04", "Con respuesta", "No se dará trámite a la solicitud", "2024-03-08"),
             _row("520000000000004", "2024-03-04", "Terminada", "Notoria incompetencia (Terminada)", "2024-03-08"),
             _row("520000000000005", "2024-04-01", "Terminada", "Afirmativa ficta", "2024-04-30")]
    write(tmp / "in" / "solicitudes" / "registro.csv", _template(rows))
    return build(tmp / "in", tmp)


def _counts(db, n, columns):
    names = ", ".join(columns)  # column names from the catalogs' closed sets
    got = query(db, f"SELECT {names} FROM base_solicitud_mes WHERE ente_id = 'SEFIPLAN' AND mes = ?",
                [f"{_month(n)}-01"])
    return {c for c, v in zip(columns, got[0]) if v}


def test_each_status_enters_what_estado_solicitud_says(db):
    estados = {r["estado"]: set(filter(None, r["entra_en"].split(";"))) for r in _catalog("estado_solicitud.csv")}
    for n, r in enumerate(ESTATUS):
        expected = estados[r["estado"]] & {"respondidas", "pendientes"}
        assert _counts(db, n, ["respondidas", "pendientes"]) == expected, r["valor"]


def test_the_issue_rules_for_statuses():
    estado = {r["valor"]: r["estado"] for r in ESTATUS}
    # ARCOP without accredited identity is still being processed by the ente, not waiting on the requester
    assert estado["En proceso, sin identidad acreditada"] == "en_proceso"
    assert estado["En proceso con prórroga, sin identidad acreditada"] == "en_proceso"
    # the ente already answered: its answer time counts
    assert estado["En espera de pago"] == "terminada" and estado["Pendiente de acreditación de la identidad"] == "terminada"
    assert all(r["fundamento"] for r in ESTATUS + RESPUESTA)


def test_each_answer_enters_what_categoria_respuesta_says(db):
    categorias = {r["categoria"]: set(filter(None, r["entra_en"].split(";"))) for r in _catalog("categoria_respuesta.csv")}
    columns = sorted(ANSWER_COUNTS - {"con_plazo_determinado"})  # every answered, dated request is judged
    for n, r in enumerate(RESPUESTA, start=len(ESTATUS)):
        assert _counts(db, n, columns) == categorias[r["categoria"]] - {"con_plazo_determinado"}, r["valor"]


def test_hand_worked_month(db):
    values = dict(query(db, """SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                               AND tipo_periodo = 'mes' AND periodo = '2024-03'
                               AND indicador IN ('pct_entrega', 'pct_clasificada', 'pct_competencia')"""))
    assert values == {"pct_entrega": pytest.approx(50.0), "pct_clasificada": 0.0, "pct_competencia": pytest.approx(50.0)}


def test_afirmativa_ficta_is_overdue_without_an_answer(db):
    assert query(db, "SELECT en_plazo, dias_habiles_respuesta, respuesta_categoria FROM solicitud "
                     "WHERE folio = '520000000000005'") == [(False, None, "afirmativa_ficta")]
    assert query(db, """SELECT con_plazo_determinado, en_plazo, vencidas_sin_respuesta, respondidas
                        FROM base_solicitud_mes WHERE ente_id = 'SEFIPLAN' AND mes = DATE '2024-04-01'""") == [
        (1, 0, 1, 0)]


def test_metodologia_shows_the_mapping_from_the_catalogs(app_db):
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception
    table = next(df.value for df in at.dataframe if "Se cuenta como" in df.value.columns)
    assert list(zip(table["Campo"], table["Valor"])) == (
        [("Estatus", r["valor"]) for r in ESTATUS] + [("Respuesta", r["valor"]) for r in RESPUESTA])
    estados = {r["estado"]: r["nombre"] for r in _catalog("estado_solicitud.csv")}
    categorias = {r["categoria"]: r["nombre"] for r in _catalog("categoria_respuesta.csv")}
    assert list(table["Se cuenta como"]) == [estados[r["estado"]] for r in ESTATUS] + [
        categorias[r["categoria"]] for r in RESPUESTA]
    by_value = table.set_index("Valor")
    indicadores = {i.id: i for i in load_indicators()}
    # «No se dará trámite» is a final answer but not a competent one: it weighs on pct_competencia's denominator only
    row = by_value.loc["No se dará trámite a la solicitud"]
    assert row["Entra en los conteos"] == "con_respuesta_final" and "pct_competencia" in row["Indicadores"]
    assert "pct_entrega" in row["Indicadores"] and indicadores["pct_entrega"].denominador == "con_respuesta_final"
    assert "pct_en_plazo" in by_value.loc["En espera de pago"]["Indicadores"]


def test_a_category_without_its_counts_or_a_count_that_does_not_exist_stops_the_build(tmp_path, monkeypatch):
    catalogs = catalogs_copy(tmp_path)
    respuesta = (catalogs / "respuesta.csv").read_text(encoding="utf-8")
    (catalogs / "respuesta.csv").write_text(respuesta.replace("Afirmativa ficta,afirmativa_ficta",
                                                              "Afirmativa ficta,ficta"), encoding="utf-8")
    with (catalogs / "categoria_respuesta.csv").open("a", encoding="utf-8") as fh:
        fh.write("rara,Rara,resp_entrega;dias_de_gracia,\n")
    message = catalog_build_error(tmp_path, monkeypatch, catalogs)
    assert "respuesta.csv" in message and "«ficta» no está en categoria_respuesta.csv" in message
    assert "«dias_de_gracia» no es un conteo" in message
