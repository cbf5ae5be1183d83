"""The warehouse's tables, in one place: the build, `etl alias` (an in-memory copy of the catalogs) and the tests all
create them through create_warehouse_schema, so a domain's new schema_*.sql reaches every one of them."""
from __future__ import annotations

from pathlib import Path

import duckdb

from common.paths import SCHEMA_SQL


def warehouse_schema_files() -> list[Path]:
    """schema.sql first (the shared dimensions the others reference), then each domain's schema_*.sql."""
    return [SCHEMA_SQL] + sorted(p for p in SCHEMA_SQL.parent.glob("schema_*.sql"))


def create_warehouse_schema(con: duckdb.DuckDBPyConnection) -> None:
    for schema in warehouse_schema_files():
        con.execute(schema.read_text(encoding="utf-8"))
