"""The verification sample: deterministic, through the real loaders with zero rejects, realistic shape."""
import datetime as dt
import hashlib

import pytest

from samples.verificacion import write_verification_sample
from helpers import build, query

CUTOFF = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("muestra_verif")
    counts = write_verification_sample(out, cutoff=CUTOFF)
    return out, counts, build(out, out, strict=True)


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_files_and_same_bytes_every_run(sample, tmp_path):
    out, counts, _ = sample
    assert sorted(counts) == ["verificaciones/verificacion_diagnostica_2024.xlsx",
                              "verificaciones/verificaciones_2024.csv", "verificaciones/verificaciones_2025.csv"]
    assert write_verification_sample(tmp_path, cutoff=CUTOFF) == counts
    assert digest(tmp_path / "verificaciones") == digest(out / "verificaciones")


def test_loads_without_rejects(sample):
    _, counts, db = sample
    assert query(db, "SELECT count(*) FROM rechazo") == [(0,)]
    assert query(db, "SELECT sum(filas_cargadas) FROM carga") == [(sum(counts.values()),)]
    assert query(db, "SELECT DISTINCT layout FROM carga ORDER BY 1") == [
        ("plantilla_verificacion_criterio",), ("plantilla_verificacion_fraccion",)]


def test_reviews_through_the_cutoff_under_both_laws(sample):
    _, _, db = sample
    assert query(db, "SELECT tipo, ley_version, count(*) FROM verificacion GROUP BY ALL ORDER BY ALL") == [
        ("diagnostica", "LTAIPQROO2016", 1), ("mensual", "LGTAIP2025", 3), ("mensual", "LTAIPQROO2016", 13),
        ("vinculante", "LTAIPQROO2016", 1)]
    assert query(db, "SELECT max(fecha) <= ?::DATE FROM verificacion", [CUTOFF]) == [(True,)]
    assert query(db, "SELECT DISTINCT nivel FROM indice_fraccion JOIN verificacion USING (verificacion_id) "
                     "WHERE tipo = 'diagnostica'") == [("criterio",)]


def test_spread_improvement_and_reincidentes(sample):
    _, _, db = sample
    lo, hi = query(db, "SELECT min(indice), max(indice) FROM indice_ente WHERE verificacion_id LIKE '%diagn%'")[0]
    assert hi - lo > 25
    first, last = query(db, """SELECT arg_min(i, fecha), arg_max(i, fecha) FROM (
                                   SELECT v.fecha, sum(suma_puntaje) / sum(peso_evaluado) AS i
                                   FROM indice_ente JOIN verificacion v USING (verificacion_id)
                                   WHERE v.tipo <> 'mensual' GROUP BY v.fecha)""")[0]
    assert last > first   # the vinculante of September scores better than the diagnóstica
    estados = dict(query(db, "SELECT estado, count(*) FROM seguimiento_fraccion GROUP BY ALL"))
    assert estados["solventada"] > 100 and estados["reincidente"] > 100
