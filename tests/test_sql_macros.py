"""The SQL macros every staging query uses (etl/sql/functions/macros.sql), on the values sources actually write."""
import datetime as dt

import duckdb
import pytest

from etl import sql


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute(sql("functions/macros.sql"))
    yield con
    con.close()


@pytest.mark.parametrize("value, expected", [
    # The PNT's own spelling (answered by the shortcut) and every other spelling (by the full normalization)
    # must agree.
    ("Si", True), ("Sí", True), ("SI", True), ("sí", True), (" Sí ", True), ("S", True), ("verdadero", True),
    ("1", True), ("true", True),
    ("No", False), ("NO", False), ("no", False), (" no", False), ("N", False), ("Falso", False), ("0", False),
    ("No aplica", None), ("quizá", None), ("", None), (None, None),
])
def test_si_no(con, value, expected):
    assert con.execute("SELECT si_no(?)", [value]).fetchone()[0] is expected


@pytest.mark.parametrize("value, expected", [
    ("15/03/2024", dt.date(2024, 3, 15)),
    (" 15/03/2024 ", dt.date(2024, 3, 15)),
    ("2024-03-15", dt.date(2024, 3, 15)),
    ("2024-03-15 10:42:00", dt.date(2024, 3, 15)),
    ("15/03/2024 10:42", dt.date(2024, 3, 15)),
    ("45366", dt.date(2024, 3, 15)),  # Excel serial of a cell formatted as General
    ("31/02/2024", None),             # impossible day: never moved to another date
    ("04/13/2024", None),             # month first: impossible as DD/MM, never swapped
    ("ayer", None),
])
def test_parse_fecha(con, value, expected):
    assert con.execute("SELECT parse_fecha(?)", [value]).fetchone()[0] == expected
