"""Personal identifiers (e-mails, CURP, RFC, phone numbers) never reach a kept text: every text a reader writes is
masked before staging sees it (etl/sql/functions/privacidad.sql), and identifier columns that still look personal are
rejected by staging. The masks run once per distinct value of a column, never once per row (a national file has
millions of rows and a few thousand distinct dates, names or flags)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb

from common.masks import define_masks
from etl.read.pseudonym import HASH_FIELDS

# One value per row (folios, expedientes): masking them row by row would cost a national load a regex per request;
# staging rejects those that look personal instead (con_dato_personal), and the reject's value is masked.
IDENTIFIER_FIELDS = frozenset({"folio", "folio_solicitud", "expediente"})


def _ident(name: str) -> str:
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def mask_rows(con: duckdb.DuckDBPyConnection, table: str, fields: Iterable[str]) -> None:
    """Masks identifiers in `fields` of `table`: each distinct value is checked once (a column of dates or flags
    has a handful among millions of rows), and only the rows holding a value that changes are rewritten. The test
    runs on the list of distinct values: as a WHERE over a SELECT DISTINCT, DuckDB would push it below the DISTINCT
    and run the regular expressions on every row."""
    define_masks(con)
    for field in fields:
        if field in HASH_FIELDS:  # HMAC hex digits: a hash may hold ten digits in a row
            continue
        column, target = _ident(field), _ident(table)
        dirty = con.execute(f"SELECT list_filter(list(DISTINCT {column}), lambda x: sin_identificadores(x) <> x) "
                            f"FROM {target}").fetchone()[0]
        if dirty:
            con.execute(f"UPDATE {target} SET {column} = sin_identificadores({column}) "
                        f"WHERE {column} IN (SELECT unnest($dirty))", {"dirty": dirty})


def mask_distinct(con: duckdb.DuckDBPyConnection, table: str, field: str, values: Sequence[str]) -> list[str]:
    """Masks a column whose distinct `values` are known; returns its distinct values afterwards."""
    define_masks(con)
    dirty = con.execute("SELECT list_filter($v, lambda x: sin_identificadores(x) <> x)", {"v": list(values)}
                        ).fetchone()[0]
    if not dirty:
        return list(values)
    column = _ident(field)
    con.execute(f"UPDATE {_ident(table)} SET {column} = sin_identificadores({column}) "
                f"WHERE {column} IN (SELECT unnest($dirty))", {"dirty": dirty})
    clean = set(values) - set(dirty)
    return sorted(clean | set(con.execute("SELECT list_transform($d, lambda x: sin_identificadores(x))",
                                          {"d": dirty}).fetchone()[0]))


def masked(con: duckdb.DuckDBPyConnection, text: str | None) -> str | None:
    """One text (a file or sheet name, a note) masked."""
    define_masks(con)
    return con.execute("SELECT sin_identificadores(?)", [text]).fetchone()[0]
