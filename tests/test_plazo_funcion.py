"""The one deadline function (etl/sql/functions/plazo.sql, called from Python by indicators/plazos.py): the facts
and the deadline calculator give the same dates, worked out by hand on the real calendar of data/catalogos/.

September–October 2024: Monday 16 Sep (Independencia) and Tuesday 1 Oct (transmisión del Poder Ejecutivo) are
holidays, both confirmed (LFT art. 74). December 2024 – January 2025: the winter period 23–27 and 30–31 Dec, 2–3
and 6 Jan (estatal, por confirmar) and 25 Dec, 1 Jan (confirmed). Semana Santa 2025: 17–18 Apr (por confirmar);
1 May (confirmed). Estatal entes answer under the LTAIPQROO 2016 until 25-11-2025: 10 business days + 10.
"""
import datetime as dt

import duckdb
import pytest

from helpers import PLANTILLA_HEADER, build, catalog_build_error, catalogs_copy, query, write
from indicators.plazos import PlazoError, calcular_plazo

D = dt.date
ROWS = """
200000000000001,2024-09-13,,SEFIPLAN,Información pública,,,En proceso,,,No,No
200000000000002,2024-09-13,,SEFIPLAN,Información pública,,,En proceso,,,Si,No
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plazo")
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + ROWS)
    return build(tmp / "in", tmp)


@pytest.fixture()
def con(db):
    with duckdb.connect(str(db), read_only=True) as c:  # as a page opens the served warehouse
        yield c


def test_deadline_and_extension_skip_the_holidays(con):
    # Filed Fri 13 Sep 10:00: received that day (day 0). Day 1 is Tue 17 (Mon 16 a holiday), ..., day 10 Mon 30
    # Sep. Extension: day 11 Wed 2 Oct (1 Oct a holiday), ..., day 20 Tue 15 Oct.
    p = calcular_plazo(con, dt.datetime(2024, 9, 13, 10, 0), "informacion_publica", ambito="estatal",
                       ampliacion=True)
    assert (p.recepcion, p.inicio, p.ley_version, p.dias_respuesta, p.dias_ampliacion) == (
        D(2024, 9, 13), D(2024, 9, 13), "LTAIPQROO2016", 10, 10)
    assert (p.fecha_limite_ordinaria, p.fecha_limite_ampliada, p.fecha_limite) == (
        D(2024, 9, 30), D(2024, 10, 15), D(2024, 10, 15))
    assert [(d.fecha, d.motivo, d.confirmado) for d in p.inhabiles] == [
        (D(2024, 9, 16), "Día de la Independencia", True),
        (D(2024, 10, 1), "Transmisión del Poder Ejecutivo Federal", True)]
    assert not p.por_confirmar and not p.fuera_de_horario and not p.ley_confirmada


def test_the_facts_carry_the_same_deadlines(db, con):
    # The build's solicitud.fecha_limite comes from the same macros: 30 Sep without extension, 15 Oct with it.
    rows = query(db, "SELECT folio, fecha_limite FROM solicitud ORDER BY folio")
    assert rows == [("200000000000001", D(2024, 9, 30)), ("200000000000002", D(2024, 10, 15))]
    for folio, ampliacion in (("200000000000001", False), ("200000000000002", True)):
        p = calcular_plazo(con, D(2024, 9, 13), "informacion_publica", "LTAIPQROO2016", ampliacion)
        assert p.fecha_limite == dict(rows)[folio]


def test_after_office_hours_counts_from_the_next_working_day(con):
    # Fri 13 Sep at 19:30, after 18:00: received Tue 17 (Sat, Sun, Mon 16 holiday). Day 10: 18, 19, 20, 23, 24,
    # 25, 26, 27, 30 Sep, 2 Oct (1 Oct skipped). At 18:00 sharp the office is still open: received on the 13th.
    p = calcular_plazo(con, dt.datetime(2024, 9, 13, 19, 30), "informacion_publica", "LTAIPQROO2016")
    assert (p.recepcion, p.fuera_de_horario, p.fecha_limite) == (D(2024, 9, 17), True, D(2024, 10, 2))
    assert [d.fecha for d in p.inhabiles] == [D(2024, 9, 16), D(2024, 10, 1)]
    assert calcular_plazo(con, dt.datetime(2024, 9, 13, 18, 0), "informacion_publica", "LTAIPQROO2016").recepcion \
        == D(2024, 9, 13)
    # Office hours ignored: received the 13th.
    assert calcular_plazo(con, dt.datetime(2024, 9, 13, 19, 30), "informacion_publica", "LTAIPQROO2016",
                          hora_cierre=None).recepcion == D(2024, 9, 13)


def test_a_weekend_filing_is_not_after_hours(con):
    # Sat 14 Sep at 20:00: received Tue 17 because of the weekend and the holiday, not of the hour.
    p = calcular_plazo(con, dt.datetime(2024, 9, 14, 20, 0), "informacion_publica", "LTAIPQROO2016")
    assert (p.recepcion, p.fuera_de_horario) == (D(2024, 9, 17), False)


def test_a_prevencion_restarts_the_term_the_day_after_its_desahogo(con):
    # Filed Mon 2 Dec 2024: without prevención, day 10 is Mon 16 Dec. Prevención on 4 Dec, answered Thu 19 Dec:
    # day 0 is the 19th; day 1 Fri 20; 23–27, 30–31 Dec, 1–3 and 6 Jan are not working; day 2 Tue 7 Jan, ...,
    # day 10 Fri 17 Jan 2025. The days skipped are the eleven of the winter period, most por confirmar.
    assert calcular_plazo(con, D(2024, 12, 2), "informacion_publica", "LTAIPQROO2016").fecha_limite == \
        D(2024, 12, 16)
    p = calcular_plazo(con, D(2024, 12, 2), "informacion_publica", "LTAIPQROO2016",
                       prevencion=D(2024, 12, 4), desahogo=D(2024, 12, 19))
    assert (p.recepcion, p.inicio, p.fecha_limite) == (D(2024, 12, 2), D(2024, 12, 19), D(2025, 1, 17))
    assert [d.fecha.isoformat() for d in p.inhabiles] == [
        "2024-12-23", "2024-12-24", "2024-12-25", "2024-12-26", "2024-12-27", "2024-12-30", "2024-12-31",
        "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06"]
    assert p.por_confirmar


def test_a_prevencion_not_answered_leaves_no_term_running(con):
    p = calcular_plazo(con, D(2024, 12, 2), "informacion_publica", "LTAIPQROO2016", prevencion=D(2024, 12, 4))
    assert (p.interrumpido, p.fecha_limite, p.inhabiles) == (True, None, ())


def test_federal_law_twenty_days_over_semana_santa(con):
    # LGTAIP 2025, 20 days from Mon 14 Apr 2025: 15, 16, (17–18 Semana Santa), 21–25, 28–30, (1 May), 2, 5–9,
    # 12–15 → day 20 is Thu 15 May. Semana Santa is por confirmar.
    p = calcular_plazo(con, D(2025, 4, 14), "informacion_publica", "LGTAIP2025")
    assert (p.fecha_limite, p.ley_confirmada) == (D(2025, 5, 15), True)
    assert [(d.fecha.isoformat(), d.confirmado) for d in p.inhabiles] == [
        ("2025-04-17", False), ("2025-04-18", False), ("2025-05-01", True)]
    assert p.por_confirmar


def test_clear_messages(con, tmp_path):
    with pytest.raises(PlazoError, match="plazo_legal.csv"):
        calcular_plazo(con, D(2024, 9, 13), "informacion_publica", "LEY_INEXISTENTE")
    with pytest.raises(PlazoError, match="fuera del calendario"):
        calcular_plazo(con, D(1990, 1, 2), "informacion_publica", "LTAIPQROO2016")
    with pytest.raises(PlazoError, match="ámbito"):
        calcular_plazo(con, D(2024, 9, 13), "informacion_publica")
    with duckdb.connect(str(tmp_path / "viejo.duckdb")) as old:  # a warehouse built before the macros existed
        old.execute("CREATE TABLE calendario (fecha DATE)")
        with pytest.raises(PlazoError, match="reconstrúyalo"):
            calcular_plazo(old, D(2024, 9, 13), "informacion_publica", "LTAIPQROO2016")


# Office hours (data/catalogos/horario_oficina.csv: 18:00, por confirmar) on a source that records the time of
# filing: the template's fecha_presentacion with a time. Fri 13 Sep 2024 at 19:30 is received Tue 17 (Mon 16 a
# holiday) and its 10 days end Wed 2 Oct (1 Oct a holiday); at 18:00 sharp it is received the 13th (deadline 30 Sep);
# with the source's own receipt date the hour does not move it again.
HOURS = """
300000000000001,2024-09-13 19:30,,SEFIPLAN,Información pública,,,En proceso,,,No,No
300000000000002,2024-09-13 18:00,,SEFIPLAN,Información pública,,,En proceso,,,No,No
300000000000003,2024-09-13 19:30,2024-09-13,SEFIPLAN,Información pública,,,En proceso,,,No,No
300000000000004,14/09/2024 20:00:00,,SEFIPLAN,Información pública,,,En proceso,,,No,No
"""


def _hours_db(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + HOURS)
    return build(tmp_path / "in", tmp_path)


def test_after_hours_filings_in_the_facts(tmp_path):
    db = _hours_db(tmp_path)
    rows = query(db, """SELECT folio, fecha_presentacion, fecha_recepcion, recibida_fuera_de_horario, fecha_limite
                        FROM solicitud ORDER BY folio""")
    assert rows == [
        ("300000000000001", D(2024, 9, 13), D(2024, 9, 17), True, D(2024, 10, 2)),
        ("300000000000002", D(2024, 9, 13), D(2024, 9, 13), False, D(2024, 9, 30)),
        ("300000000000003", D(2024, 9, 13), D(2024, 9, 13), False, D(2024, 9, 30)),
        # Saturday 20:00: received Tue 17 because of the weekend and the holiday, not of the hour.
        ("300000000000004", D(2024, 9, 14), D(2024, 9, 17), False, D(2024, 10, 2))]


def test_the_closing_time_is_a_catalog(tmp_path, monkeypatch):
    catalogs = catalogs_copy(tmp_path)
    (catalogs / "horario_oficina.csv").write_text("hora_cierre,confirmado,fuente\n20:00,si,Acuerdo de prueba\n",
                                                  encoding="utf-8")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    db = _hours_db(tmp_path)
    # Closing at 20:00: the 19:30 filing is received the same Friday; the calculator uses the same hour.
    assert query(db, "SELECT fecha_recepcion FROM solicitud WHERE folio = '300000000000001'") == [(D(2024, 9, 13),)]
    with duckdb.connect(str(db), read_only=True) as con:
        p = calcular_plazo(con, dt.datetime(2024, 9, 13, 19, 30), "informacion_publica", "LTAIPQROO2016")
        assert (p.recepcion, p.fuera_de_horario) == (D(2024, 9, 13), False)
        p = calcular_plazo(con, dt.datetime(2024, 9, 13, 20, 1), "informacion_publica", "LTAIPQROO2016")
        assert (p.recepcion, p.fuera_de_horario) == (D(2024, 9, 17), True)


def test_a_bad_closing_time_is_reported(tmp_path, monkeypatch):
    catalogs = catalogs_copy(tmp_path)
    (catalogs / "horario_oficina.csv").write_text("hora_cierre,confirmado,fuente\n6 pm,no,\n", encoding="utf-8")
    assert "horario_oficina.csv, fila 2: hora_cierre «6 pm» no válida; use HH:MM" in catalog_build_error(
        tmp_path, monkeypatch, catalogs)
