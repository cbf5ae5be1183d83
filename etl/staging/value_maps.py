"""Value maps: the distinct raw values of a column (Estatus, Respuesta, tipo, sentido…) matched to a catalog of
data/catalogos/ without case, accents or spacing; staging joins the map instead of cleaning every row."""
from __future__ import annotations

from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.csvfiles import is_yes
from common.names import normalize_name
from etl.staging.catalogs import load_value_map


def distinct_values(con: duckdb.DuckDBPyConnection, table: str, column: str) -> list[str]:
    # Identifiers come from this module's own constants, never from data.
    rows = con.execute(f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL').fetchall()
    return [r[0] for r in rows]


def build_value_map(con, table: str, column: str, catalog_dir: Path, catalog: str, target: str,
                    out_columns: list[str]) -> None:
    """Creates map_<target>(valor, *out_columns) for the distinct values of `column`, matching catalog rows
    by normalized text so that accents, case and spacing do not matter. Unmatched values get NULLs."""
    by_key = {normalize_name(r["valor"]): r for r in load_value_map(catalog_dir, catalog)}
    rows = []
    for raw in distinct_values(con, table, column):
        hit = by_key.get(normalize_name(raw))
        values = [None] * len(out_columns) if hit is None else [
            is_yes(hit[c]) if c.startswith(("implica_", "modifica_")) else hit[c] for c in out_columns]
        rows.append((raw, *values))
    cols = ", ".join(f"{c} {'BOOLEAN' if c.startswith(('implica_', 'modifica_')) else 'VARCHAR'}" for c in out_columns)
    con.execute(f"CREATE OR REPLACE TEMP TABLE map_{target} (valor VARCHAR, {cols})")
    if rows:
        insert_rows(con, f"map_{target}", ["valor", *out_columns], rows)
