"""Published names resolve: abbreviations ("SRIA.", "COORD. GRAL.", "EDO.", "C.") and qualifiers ("DEL ESTADO",
"ADSCRITA AL …") are set aside before matching (data/catalogos/ente_abreviaturas.csv), never guessing between
two entes; what still fails is listed by `python -m etl alias` with suggestions and, once accepted, written to
ente_alias.csv; a rejected published row lowers the published TOTAL it belongs to, and Estado de los datos says so.

A published table (2018-T4, block DEPENDENCIAS), names as published → ente:
  SRIA. DE FINANZAS Y PLANEACIÓN DEL EDO.      10 → SEFIPLAN  (SECRETARIA DE FINANZAS Y PLANEACION)
  COORD. GRAL. DE COMUNICACIÓN                  5 → CGC       (COORDINACION GENERAL DE COMUNICACION)
  SECRETARÍA PARTICULAR DEL C. GOBERNADOR       3 → SP        (SECRETARIA PARTICULAR DEL GOBERNADOR)
  PROCURADURÍA FISCAL ADSCRITA A LA SEFIPLAN    2 → PFE       (PROCURADURIA FISCAL)
  SRIA. DE DESARROLLO ECON.                     4 → unknown ("ECON." is no listed abbreviation): rejected
  SRIA. DE EDUCACIÓN DEL EDO.                   7 → SECRETARIA DE EDUCACION is both SEQ and, in this test's
                                                    catalog, SEQROO (Secretaría de Educación del Estado de
                                                    Quintana Roo): never a guess, rejected naming both
  TOTAL                                        31 = 10 + 5 + 3 + 2 + 4 + 7
Loaded 20; rejected 2 rows with 4 + 7 = 11 requests, which the published TOTAL (31) counts and the dashboard
(20) does not. After `python -m etl alias --aceptar 1 --aceptar 2:1` (SEDE, the first suggestion for ECON.;
SEQ, the first of the two entes for EDUCACIÓN) and a rebuild: 31 loaded, nothing rejected.
"""
import csv
import shutil

import pytest

from conftest import ROOT, all_text, run_page
from etl.__main__ import main as etl_main
from common.names import Abbreviations, canonical_name
from helpers import build, catalogs_with_entes, query, write

HEADER = ("S.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,\n"
          ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,Total de No Competencia,"
          "Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,Tiempo Promedio de Resp.\n")
PUBLISHED = [("SRIA. DE FINANZAS Y PLANEACIÓN DEL EDO.", 10), ("COORD. GRAL. DE COMUNICACIÓN", 5),
             ("SECRETARÍA PARTICULAR DEL C. GOBERNADOR", 3), ("PROCURADURÍA FISCAL ADSCRITA A LA SEFIPLAN", 2),
             ("SRIA. DE DESARROLLO ECON.", 4), ("SRIA. DE EDUCACIÓN DEL EDO.", 7)]


def table_text() -> str:
    def line(name, n):
        return f'"{name}",{n},0,0,0,{n},{n},0,0,0,0,{n},{n},5\n'
    return (HEADER + "DEPENDENCIAS,,,,,,,,,,,,,\n" + "".join(line(name, n) for name, n in PUBLISHED)
            + line("TOTAL", sum(n for _, n in PUBLISHED)))


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nombres")
    catalogs = catalogs_with_entes(tmp, "SEQROO,Secretaría de Educación del Estado de Quintana Roo,,Dependencia,"
                                        "Dependencias,estatal,2016-01-01,,no,prueba: sin calificativos es SEQ\n")
    write(tmp / "in" / "estadistica_trimestral" / "idaipqroo_2018_t4_poder_ejecutivo.csv", table_text())
    mp = pytest.MonkeyPatch()
    mp.setenv("TABLERO_CATALOGOS", str(catalogs))
    yield tmp, catalogs, build(tmp / "in", tmp)
    mp.undo()


def abbreviations() -> Abbreviations:
    with (ROOT / "data" / "catalogos" / "ente_abreviaturas.csv").open(encoding="utf-8") as fh:
        return Abbreviations.from_rows(list(csv.DictReader(fh)))


@pytest.mark.parametrize("published, catalog", [
    ("SRIA. DE FINANZAS Y PLANEACIÓN DEL EDO.", "Secretaría de Finanzas y Planeación"),
    ("COORD. GRAL. DE COMUNICACIÓN", "Coordinación General de Comunicación"),
    ("SECRETARÍA PARTICULAR DEL C. GOBERNADOR", "Secretaría Particular del Gobernador"),
    ("PROCURADURÍA FISCAL ADSCRITA A LA SEFIPLAN", "Procuraduría Fiscal del Estado"),
    ("DIR. GRAL. DE ADMON. DEL EDO. DE Q. ROO", "Dirección General de Administración"),
    ("Oficialía Mayor del Gobierno del Estado", "OFICIALÍA MAYOR"),
])
def test_abbreviations_and_qualifiers_are_set_aside(published, catalog):
    assert canonical_name(published, abbreviations()) == canonical_name(catalog, abbreviations())


def test_a_name_never_shrinks_to_one_generic_word():
    assert canonical_name("Secretaría del Estado", abbreviations()) == "SECRETARIA DEL ESTADO"


def test_abbreviated_names_resolve_and_two_entes_are_never_guessed(setup):
    _, _, db = setup
    assert query(db, "SELECT ente_id, total FROM solicitud_estadistica ORDER BY ente_id") == [
        ("CGC", 5), ("PFE", 2), ("SEFIPLAN", 10), ("SP", 3)]
    motivos = dict(query(db, "SELECT valor, motivo FROM rechazo"))
    assert "Secretaría de Educación (SEQ); Secretaría de Educación del Estado de Quintana Roo" in \
        motivos["SRIA. DE EDUCACIÓN DEL EDO."]
    assert "no se adivina" in motivos["SRIA. DE EDUCACIÓN DEL EDO."]
    assert "Secretaría de Desarrollo Económico (SEDE)" in motivos["SRIA. DE DESARROLLO ECON."]


def test_a_rejected_published_row_lowers_the_total_and_estado_says_so(setup, monkeypatch, local_mode):
    _, _, db = setup
    assert query(db, "SELECT sum(total) FROM estadistica_rechazada") == [(11.0,)]
    monkeypatch.setenv("TABLERO_DB", str(db))
    text = all_text(run_page("pages/9_Estado_de_los_datos.py"))
    assert ("2 filas de las tablas publicadas se rechazaron (vea «Filas rechazadas»): sus 11 solicitudes cuentan en "
            "la fila TOTAL publicada de su bloque, pero en ninguna suma del tablero") in text


def test_alias_lists_accepts_and_the_next_build_resolves(setup, capsys, monkeypatch):
    tmp, catalogs, db = setup
    assert etl_main(["alias", "--db", str(db), "--catalogos", str(catalogs), "--lista"]) == 0
    listed = capsys.readouterr().out
    assert "1. «SRIA. DE DESARROLLO ECON.» (1 filas rechazadas en idaipqroo_2018_t4_poder_ejecutivo.csv)" in listed
    assert "   1) Secretaría de Desarrollo Económico (SEDE) [SEDE]" in listed
    assert "2. «SRIA. DE EDUCACIÓN DEL EDO.»" in listed
    assert "   1) Secretaría de Educación (SEQ) [SEQ]" in listed
    assert "   2) Secretaría de Educación del Estado de Quintana Roo [SEQROO]" in listed
    assert (catalogs / "ente_alias.csv").read_text(encoding="utf-8") == \
        (ROOT / "data" / "catalogos" / "ente_alias.csv").read_text(encoding="utf-8")  # --lista writes nothing

    assert etl_main(["alias", "--db", str(db), "--catalogos", str(catalogs), "--aceptar", "1", "--aceptar", "2:1"]) == 0
    rows = list(csv.DictReader((catalogs / "ente_alias.csv").open(encoding="utf-8")))
    assert [(r["alias"], r["ente_id"]) for r in rows[-2:]] == [("SRIA. DE DESARROLLO ECON.", "SEDE"),
                                                               ("SRIA. DE EDUCACIÓN DEL EDO.", "SEQ")]
    assert rows[-1]["fuente"].startswith("python -m etl alias (")

    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    rebuilt = build(tmp / "in", tmp / "otra")
    assert query(rebuilt, "SELECT ente_id, total FROM solicitud_estadistica WHERE ente_id IN ('SEDE', 'SEQ') "
                          "ORDER BY 1") == [("SEDE", 4), ("SEQ", 7)]
    assert query(rebuilt, "SELECT count(*) FROM rechazo") == [(0,)]
    capsys.readouterr()
    assert etl_main(["alias", "--db", str(rebuilt), "--catalogos", str(catalogs)]) == 0
    assert "no hay nada que agregar" in capsys.readouterr().out


def test_alias_asks_when_run_by_a_person(setup, tmp_path, capsys, monkeypatch):
    _, catalogs, db = setup
    mine = tmp_path / "catalogos"
    shutil.copytree(catalogs, mine)
    shutil.copy(ROOT / "data" / "catalogos" / "ente_alias.csv", mine / "ente_alias.csv")
    answers = iter(["9", "sede", ""])   # a number that is no option, then an ente id; Enter skips the second
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    assert etl_main(["alias", "--db", str(db), "--catalogos", str(mine)]) == 0
    out = capsys.readouterr().out
    assert "No es una opción" in out and "Agregado: «SRIA. DE DESARROLLO ECON.» → Secretaría de Desarrollo" in out
    rows = list(csv.DictReader((mine / "ente_alias.csv").open(encoding="utf-8")))
    assert (rows[-1]["alias"], rows[-1]["ente_id"]) == ("SRIA. DE DESARROLLO ECON.", "SEDE")


def test_alias_refuses_a_bad_choice_and_writes_nothing(setup, capsys):
    _, catalogs, db = setup
    before = (catalogs / "ente_alias.csv").read_text(encoding="utf-8")
    assert etl_main(["alias", "--db", str(db), "--catalogos", str(catalogs), "--aceptar", "7"]) == 1
    assert "No hay nombre número 7" in capsys.readouterr().err
    assert (catalogs / "ente_alias.csv").read_text(encoding="utf-8") == before
