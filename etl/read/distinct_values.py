"""Columns with few distinct values (`repeated` in etl/layouts.toml: entes, Estatus and Respuesta texts, dates,
Sí/No): trimmed once per distinct value instead of once per row, and the long ones kept as ENUMs of their values."""
from __future__ import annotations

from collections.abc import Sequence

from etl.read.writer import quote_ident


TRIM_CHARS = " \t\r\n\u00a0"


def needs_trim(column: str) -> str:
    return " OR ".join([f"starts_with({column}, ' ')", f"ends_with({column}, ' ')"] +
                       [f"contains({column}, chr({code}))" for code in (9, 10, 13, 160)])


def trim_repeated(con, table: str, fields: Sequence[str]) -> dict[str, list[str]]:
    """Trims the `fields` of `table` as the fast path's row-by-row cleaning would (csv_fast._cleaned), looking at each
    distinct value once: a national file has millions of rows and a few thousand distinct values per such column.
    Usually no value needs trimming and nothing is updated. Returns each field's distinct values once trimmed (NULL
    left out)."""
    values = {}
    for field in fields:
        column = quote_ident(field)
        distinct = f"SELECT list(DISTINCT {column}) FILTER ({column} IS NOT NULL) AS v FROM {quote_ident(table)}"
        # The test runs on the list of distinct values: as a WHERE on SELECT DISTINCT, DuckDB would push it below
        # the DISTINCT and test every row again.
        found, dirty = con.execute(f"SELECT v, list_filter(v, lambda x: {needs_trim('x')}) FROM ({distinct})").fetchone()
        if dirty:
            con.execute(f"UPDATE {quote_ident(table)} SET {column} = nullif(trim({column}, $trim), '') "
                        f"WHERE {column} IN (SELECT unnest($dirty))", {"trim": TRIM_CHARS, "dirty": dirty})
            (found,) = con.execute(distinct).fetchone()
        values[field] = found or []
    return values


MAX_ENUM_VALUES = 65_535  # two bytes a row; a field with more distinct values than this is not "repeated"
# Average characters of a field's distinct values below which it stays text: short values (dates, Sí/No) save
# less memory as ENUMs than the pass that encodes them costs.
MIN_ENCODED_LENGTH = 13


def encode_repeated(con, table: str, values: dict[str, list[str]]) -> None:
    """Turns the long repeated fields of `table` (names, Estatus and Respuesta texts) into ENUMs of their distinct values: held
    as text, a national requests file's push the staging rows out of memory to disk and back; as ENUMs they take a
    byte or two a row, and SQL still reads them as text. Each ALTER rewrites one column on one thread, so short
    values, which save little, stay text (docs/rendimiento_historial.md)."""
    for field, found in values.items():
        if not 0 < len(found) <= MAX_ENUM_VALUES or sum(map(len, found)) / len(found) < MIN_ENCODED_LENGTH:
            continue
        enum = _enum_type(table, field)
        con.execute(f"CREATE OR REPLACE TYPE {enum} AS ENUM (SELECT unnest($v))", {"v": found})
        con.execute(f"ALTER TABLE {quote_ident(table)} ALTER {quote_ident(field)} TYPE {enum}")


def _enum_type(table: str, field: str) -> str:
    """The ENUM type of a field, in the table's own database (a table may not use another database's type)."""
    database, _, name = table.rpartition(".")
    return quote_ident(f"{database}.main.{name}__{field}" if database else f"{name}__{field}")
