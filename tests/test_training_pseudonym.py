"""Persons are pseudonymized at read time: the same person counts once across courses, files and spellings of
the e-mail, and no name, e-mail or CURP of the fixture is anywhere in the warehouse file or in the export."""
import os

import duckdb
import pytest

from common.secret import secret
from etl.read.pseudonym import keyed_hash, normalize_email, person_hashes
from helpers import build, query
from indicators.__main__ import main as indicators_main
from training_fixture import PERSONAL, write_training_inputs

SECRET = "clave-de-prueba-seudonimos"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    previous = os.environ.get("TABLERO_SECRETO")
    os.environ["TABLERO_SECRETO"] = SECRET
    try:
        tmp = tmp_path_factory.mktemp("seudonimos")
        db = build(write_training_inputs(tmp / "in"), tmp)
        export = tmp / "indicadores.csv"
        assert indicators_main(["export", "--db", str(db), "--out", str(export)]) == 0
        return db, export
    finally:
        if previous is None:
            os.environ.pop("TABLERO_SECRETO", None)
        else:
            os.environ["TABLERO_SECRETO"] = previous


def test_same_person_counts_once_across_courses_and_spellings(built):
    db, _ = built
    # 9 attendance rows of 4 persons: Ana 3, Beto 2, Dora 2 (name only, two spellings of her ente), Carla 2.
    assert query(db, "SELECT count(*), count(DISTINCT persona_id) FROM asistencia") == [(9, 4)]
    per_person = sorted(n for (n,) in query(db, "SELECT count(*) FROM asistencia GROUP BY persona_id"))
    assert per_person == [2, 2, 2, 3]


def test_email_case_and_spaces_do_not_matter():
    key = b"k"
    assert normalize_email(" Ana.Ficticia @Ejemplo.INVALID ") == "ana.ficticia@ejemplo.invalid"
    assert person_hashes(key, None, "ANA@X.INVALID ", None) == person_hashes(key, None, "ana@x.invalid", None)
    assert person_hashes(key, " fict000001 ", None, None)[0] == keyed_hash(key, "curp", "FICT000001")
    assert keyed_hash(b"otra", "curp", "FICT000001") != keyed_hash(key, "curp", "FICT000001")


def test_no_personal_data_in_the_warehouse_file(built):
    db, _ = built
    raw = db.read_bytes()
    for text in PERSONAL + [SECRET]:
        assert text.encode("utf-8") not in raw, text
    # DuckDB may compress strings, so also look into every text column of every table.
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute("""SELECT table_name, column_name FROM duckdb_columns()
                                 WHERE data_type = 'VARCHAR' AND NOT internal""").fetchall()
        for table, column in columns:   # every text against a column in one query
            hits = con.execute(f"""SELECT t FROM unnest(?) AS x(t)
                                   WHERE EXISTS (SELECT 1 FROM "{table}" WHERE strpos(lower("{column}"), t) > 0)""",
                               [[text.lower() for text in PERSONAL]]).fetchall()
            assert hits == [], (table, column, hits)


def test_no_personal_data_in_the_export(built):
    _, export = built
    text = export.read_text(encoding="utf-8-sig")
    assert "personas_capacitadas" in text
    for value in PERSONAL + [SECRET]:
        assert value.lower() not in text.lower(), value


def test_secret_file_is_created_once_outside_the_warehouse(tmp_path, monkeypatch):
    monkeypatch.delenv("TABLERO_SECRETO", raising=False)
    path = tmp_path / "data" / "secreto.key"
    first = secret(path)
    assert len(first) == 32 and path.read_bytes() == first
    assert secret(path) == first
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_secreto_key_is_gitignored():
    from common.paths import ROOT

    assert "data/secreto.key" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
