"""Maps raw values (ente names, Estatus, Respuesta, …) to catalog values. Runs over distinct values only."""
from __future__ import annotations

import difflib
from pathlib import Path

import duckdb

from etl.catalogs import load_value_map
from etl.bulk import insert_rows
from etl.names import name_variants, normalize_name


def _distinct(con: duckdb.DuckDBPyConnection, table: str, column: str) -> list[str]:
    # Identifiers come from this module's own constants, never from data.
    rows = con.execute(f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL').fetchall()
    return [r[0] for r in rows]


def suggest_entes(raw: str, aliases: dict[str, str], names: dict[str, str]) -> str:
    """Spanish hint naming the closest known entes, for an unknown name."""
    key = normalize_name(raw)
    close = difflib.get_close_matches(key, list(aliases), n=6, cutoff=0.55)
    candidates: list[str] = []
    for alias in close:
        label = names[aliases[alias]]
        if label not in candidates:
            candidates.append(label)
    if candidates:
        return ("Los nombres conocidos más parecidos son: " + "; ".join(candidates[:3]) +
                ". Si es el mismo ente, agregue esta forma de escribirlo a data/catalogos/ente_alias.csv.")
    return ("No se parece a ningún ente del catálogo; si es un ente nuevo, agréguelo a data/catalogos/entes.csv, "
            "y si es otra forma de escribir uno conocido, a data/catalogos/ente_alias.csv.")


def build_ente_map(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Creates map_ente(valor, ente_id, sugerencia) for the distinct 'dependencia' values of `table`."""
    aliases = dict(con.execute("SELECT alias_normalizado, ente_id FROM ente_alias").fetchall())
    names = {e: (f"{n} ({s})" if s else n)
             for e, n, s in con.execute("SELECT ente_id, nombre_oficial, siglas FROM ente").fetchall()}
    rows = []
    for raw in _distinct(con, table, "dependencia"):
        ente_id = next((aliases[v] for v in name_variants(raw) if v in aliases), None)
        rows.append((raw, ente_id, None if ente_id else suggest_entes(raw, aliases, names)))
    con.execute("CREATE OR REPLACE TEMP TABLE map_ente (valor VARCHAR, ente_id VARCHAR, sugerencia VARCHAR)")
    if rows:
        insert_rows(con, "map_ente", rows)
    return sum(1 for r in rows if r[1] is None)


def _yes(value: str) -> bool:
    return normalize_name(value) in {"SI", "S", "TRUE", "1"}


def build_value_map(con, table: str, column: str, catalog_dir: Path, catalog: str, target: str,
                    out_columns: list[str]) -> None:
    """Creates map_<target>(valor, *out_columns) for the distinct values of `column`, matching catalog rows
    by normalized text so that accents, case and spacing do not matter. Unmatched values get NULLs."""
    by_key = {normalize_name(r["valor"]): r for r in load_value_map(catalog_dir, catalog)}
    rows = []
    for raw in _distinct(con, table, column):
        hit = by_key.get(normalize_name(raw))
        values = [None] * len(out_columns) if hit is None else [
            _yes(hit[c]) if c.startswith(("implica_", "modifica_")) else hit[c] for c in out_columns]
        rows.append((raw, *values))
    cols = ", ".join(f"{c} {'BOOLEAN' if c.startswith(('implica_', 'modifica_')) else 'VARCHAR'}" for c in out_columns)
    con.execute(f"CREATE OR REPLACE TEMP TABLE map_{target} (valor VARCHAR, {cols})")
    if rows:
        insert_rows(con, f"map_{target}", rows)
