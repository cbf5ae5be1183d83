"""The training sample: deterministic, through the real loaders with zero rejects, with e-mail variants of the
same person and obviously fictitious persons."""
import csv
import hashlib
import os

import pytest

from samples.capacitacion import write_training_sample
from helpers import build, query

YEARS = (2024, 2025)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("muestra_capacitacion")
    return out, write_training_sample(out, years=YEARS)


def _digest(root):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "capacitacion").iterdir())}


def test_files_and_same_bytes_every_run(sample, tmp_path):
    out, counts = sample
    assert sorted(counts) == ["capacitacion/campus_virtual_participantes.xlsx", "capacitacion/catalogo_cursos.csv",
                              "capacitacion/eventos_publicos.csv", "capacitacion/listas_asistencia.csv",
                              "capacitacion/plantillas_personal.csv"]
    assert all(n > 0 for n in counts.values())
    assert write_training_sample(tmp_path, years=YEARS) == counts
    assert _digest(tmp_path) == _digest(out)


def test_sign_in_sheets_write_emails_in_several_ways_and_persons_look_fictitious(sample):
    out, _ = sample
    with (out / "capacitacion" / "listas_asistencia.csv").open(encoding="utf-8-sig", newline="") as f:
        correos = [r["Correo"] for r in csv.DictReader(f)]
    assert any(c != c.strip() or " @" in c for c in correos)
    assert any(c.isupper() for c in correos)
    assert all(c.strip().lower().replace(" ", "").endswith(".ejemplo.invalid") for c in correos)


def test_builds_with_zero_rejects_and_links_spellings(sample, tmp_path, monkeypatch):
    out, counts = sample
    monkeypatch.setenv("TABLERO_SECRETO", "clave-de-prueba")
    db = build(out, tmp_path)
    assert query(db, "SELECT count(*) FROM rechazo") == [(0,)]
    rows = counts["capacitacion/campus_virtual_participantes.xlsx"] + counts["capacitacion/listas_asistencia.csv"]
    assert query(db, "SELECT count(*) FROM asistencia")[0][0] == rows
    # Fewer persons than rows: the same person takes several courses, under e-mail variants too.
    persons = query(db, "SELECT count(DISTINCT persona_id) FROM asistencia")[0][0]
    assert 0 < persons < rows
    assert query(db, "SELECT count(*) FROM indicador_valor WHERE indicador = 'pct_institucion_100_capacitada' "
                     "AND nivel = 'ente' AND valor = 100") != [(0,)]
