"""The one CSV helper: UTF-8 with BOM, formula injection neutralized, numbers untouched."""
from __future__ import annotations

import csv
import io

import pandas as pd

from common.csv_export import csv_bytes, neutralize


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_text_cells_that_look_like_formulas_get_an_apostrophe():
    df = pd.DataFrame({
        "texto": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1:A2)", "\tcmd", "\rcmd", "Secretaría", "a=b"],
        "numero": [1, -2, 3, 4, 5, 6, 7, 8],
        "decimal": [-1.5, 2.0, 0.0, 1.25, -0.5, 3.0, 4.0, 5.0],
    })
    rows = _rows(csv_bytes(df))
    assert rows[0] == ["texto", "numero", "decimal"]
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1:A2)", "'\tcmd",
                                        "'\rcmd", "Secretaría", "a=b"]
    assert [r[1] for r in rows[1:]] == ["1", "-2", "3", "4", "5", "6", "7", "8"]
    assert rows[1][2] == "-1.5"


def test_object_columns_with_mixed_values_and_headers():
    df = pd.DataFrame({"=cabecera": ["-x", None, 3]})
    out = neutralize(df)
    assert list(out.columns) == ["'=cabecera"]
    assert out.iloc[0, 0] == "'-x" and pd.isna(out.iloc[1, 0]) and out.iloc[2, 0] == 3
    assert df.iloc[0, 0] == "-x", "the frame shown must not be modified"


def test_utf8_bom_and_accents_round_trip():
    data = csv_bytes(pd.DataFrame({"Ente": ["Secretaría de Educación"], "Año": [2025]}))
    assert data[:3] == b"\xef\xbb\xbf"
    assert _rows(data) == [["Ente", "Año"], ["Secretaría de Educación", "2025"]]
