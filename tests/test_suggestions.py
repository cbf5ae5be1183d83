"""Suggestions for unknown ente names (etl/mapping.py, closest_entes): ranked by similarity, one ente once, and
computed for all unknown names at once, never one by one."""
from __future__ import annotations

import duckdb
import rapidfuzz.process

import etl.staging.ente_names
from etl.staging.ente_names import build_ente_map, closest_entes
from common.names import normalize_name
from etl import sql

NAMES = {"SEFIPLAN": "Secretaría de Finanzas y Planeación (SEFIPLAN)", "SEGOB": "Secretaría de Gobierno (SEGOB)",
         "SEQ": "Secretaría de Educación (SEQ)"}
ALIASES = {normalize_name(a): e for a, e in [
    ("Secretaría de Finanzas y Planeación", "SEFIPLAN"), ("SEFIPLAN", "SEFIPLAN"),
    ("Secretaría de Finanzas y Planeación del Estado", "SEFIPLAN"), ("Secretaría de Gobierno", "SEGOB"),
    ("SEGOB", "SEGOB"), ("Secretaría de Educación", "SEQ"), ("SEQ", "SEQ")]}


def test_the_closest_ente_comes_first_and_each_ente_once():
    found = closest_entes(["SECRETARIA DE FINANSAS Y PLANEASION"], ALIASES, NAMES)
    ranked = found["SECRETARIA DE FINANSAS Y PLANEASION"]
    # ratio = 2 × matching characters / total: "SECRETARIA DE FINANSAS Y PLANEASION" (35) against
    # "SECRETARIA DE FINANZAS Y PLANEACION" (35) differs in 2 letters, so 2 × 33 / 70 = 94.3 → 94.
    assert ranked[0] == ("SEFIPLAN", NAMES["SEFIPLAN"], 94.0)
    assert sorted(e for e, _, _ in ranked) == ["SEFIPLAN", "SEGOB", "SEQ"]  # SEFIPLAN once, though 3 spellings match
    assert [s for _, _, s in ranked] == sorted((s for _, _, s in ranked), reverse=True)


def test_a_name_like_no_ente_gets_no_suggestion():
    assert closest_entes(["ZZZ QQQ"], ALIASES, NAMES) == {"ZZZ QQQ": []}


def test_all_unknown_names_are_scored_in_one_call(monkeypatch):
    calls = []
    real = rapidfuzz.process.cdist

    def counted(queries, *args, **kwargs):
        calls.append(len(queries))
        return real(queries, *args, **kwargs)

    monkeypatch.setattr(etl.staging.ente_names.process, "cdist", counted)
    con = duckdb.connect()
    con.execute(sql("functions/privacidad.sql"))  # unresolved names are kept masked in ente_sin_resolver
    con.execute("CREATE TABLE ente_sin_resolver (valor VARCHAR, origen VARCHAR)")
    con.execute("CREATE TABLE ente_alias AS SELECT * FROM (VALUES ('SEFIPLAN', 'SEFIPLAN'), ('SEGOB', 'SEGOB')) "
                "v(alias_normalizado, ente_id)")
    con.execute("CREATE TABLE ente AS SELECT * FROM (VALUES ('SEFIPLAN', 'Secretaría de Finanzas', 'SEFIPLAN'), "
                "('SEGOB', 'Secretaría de Gobierno', 'SEGOB')) v(ente_id, nombre_oficial, siglas)")
    con.execute("CREATE TABLE raw AS SELECT * FROM (VALUES ('SEFIPLN'), ('SEGOBB'), ('sefipln '), ('SEFIPLAN')) "
                "v(dependencia)")
    assert build_ente_map(con, "raw") == 3
    assert calls == [2]  # 'SEFIPLN' and 'sefipln ' normalize alike: 2 distinct names, one call
    hints = dict(con.execute("SELECT valor, sugerencia FROM map_ente WHERE ente_id IS NULL").fetchall())
    assert hints["SEGOBB"].startswith("Los nombres conocidos más parecidos son: Secretaría de Gobierno (SEGOB)")
