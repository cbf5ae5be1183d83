"""Suspensions of terms are calendar data (data/catalogos/suspension_plazos.csv): no term runs in those that reach
requests; one of appeals alone does not move a request's deadline. Dates worked out by hand on the real catalog."""
import datetime as dt

import duckdb
import pytest

from helpers import build, catalog_build_error, catalogs_copy, query
from indicators.plazos import calcular_plazo

D = dt.date


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("suspension")
    (tmp / "in").mkdir()
    return build(tmp / "in", tmp)


@pytest.fixture()
def con(db):
    with duckdb.connect(str(db), read_only=True) as c:
        yield c


def test_covid_2020_suspension_stops_the_term(con):
    # Filed Fri 20 Mar 2020 (LTAIPQROO 2016, 10 days). 23 Mar – 31 Aug 2020 is suspended: 162 days = 23 weeks and
    # one Monday, 116 weekdays (3 of them holidays too: 9–10 Apr Semana Santa, 1 May). Day 1 is Tue 1 Sep; day 10
    # is Mon 14 Sep (16 Sep comes after).
    p = calcular_plazo(con, D(2020, 3, 20), "informacion_publica", "LTAIPQROO2016")
    assert p.fecha_limite == D(2020, 9, 14)
    assert len(p.inhabiles) == 116 and p.por_confirmar
    motivos = {d.fecha: d.motivo for d in p.inhabiles}
    assert motivos[D(2020, 3, 23)] == "Suspensión de plazos por la contingencia sanitaria COVID-19"
    assert motivos[D(2020, 4, 9)] == "Jueves Santo"  # a holiday inside a suspension keeps its own reason
    assert sum(m.startswith("Suspensión") for m in motivos.values()) == 113


def test_covid_2021_suspension(con):
    # Filed Mon 11 Jan 2021: days 1–4 are 12–15 Jan; 18 Jan – 15 Feb suspended (21 weekdays, 1 Feb also a
    # holiday); days 5–10 are 16, 17, 18, 19, 22, 23 Feb.
    p = calcular_plazo(con, D(2021, 1, 11), "informacion_publica", "LTAIPQROO2016")
    assert p.fecha_limite == D(2021, 2, 23)
    assert (len(p.inhabiles), p.inhabiles[0].fecha, p.inhabiles[-1].fecha) == (21, D(2021, 1, 18), D(2021, 2, 15))


def test_a_suspension_of_appeals_does_not_move_a_request(con, db):
    # From 26 Nov 2025 the appeals are suspended, not the requests. Filed Mon 1 Dec 2025 (Decreto 154: 20 days):
    # 2–5 (4), 8–12 (9), 15–19 (14), 22 Dec – 6 Jan holidays, 7, 8, 9, 12, 13, 14 Jan → day 20 is Wed 14 Jan 2026.
    p = calcular_plazo(con, D(2025, 12, 1), "informacion_publica", ambito="estatal")
    assert (p.ley_version, p.fecha_limite) == ("LTAIPQROO2025", D(2026, 1, 14))
    assert not any(d.motivo.startswith("Suspensión") for d in p.inhabiles)
    assert query(db, "SELECT alcance, hasta FROM suspension_plazos WHERE desde = DATE '2025-11-26'") == [
        ("recursos", None)]
    assert query(db, "SELECT habil FROM calendario WHERE fecha = DATE '2025-12-01'") == [(True,)]


def test_a_wrong_suspension_is_reported_with_its_row(tmp_path, monkeypatch):
    catalogs = catalogs_copy(tmp_path)
    with (catalogs / "suspension_plazos.csv").open("a", encoding="utf-8") as fh:
        fh.write("2024-05-10,2024-05-01,solicitudes,Huracán,Acuerdo,no\n2024-06-01,,amparos,Otra,Acuerdo,no\n")
    message = catalog_build_error(tmp_path, monkeypatch, catalogs)
    assert "suspension_plazos.csv, fila 5: «hasta» (2024-05-01) es anterior a «desde» (2024-05-10)" in message
    assert "suspension_plazos.csv, fila 6: alcance «amparos» no válido" in message
