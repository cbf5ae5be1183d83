"""Maps raw values (ente names, Estatus, Respuesta, …) to catalog values. Runs over distinct values only."""
from __future__ import annotations

import difflib
from pathlib import Path

import duckdb

from etl.catalogs import load_value_map
from etl.bulk import insert_rows
from etl.ente_resolver import EnteResolver
from etl.names import normalize_name
from warehouse.paths import catalogos_dir


def _distinct(con: duckdb.DuckDBPyConnection, table: str, column: str) -> list[str]:
    # Identifiers come from this module's own constants, never from data.
    rows = con.execute(f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL').fetchall()
    return [r[0] for r in rows]


def closest_entes(raw: str, aliases: dict[str, str], n: int = 3) -> list[str]:
    """The ente_ids whose known spellings are closest to an unknown name, best first (at most n)."""
    key = normalize_name(raw)
    out: list[str] = []
    for alias in difflib.get_close_matches(key, list(aliases), n=6, cutoff=0.55):
        if aliases[alias] not in out:
            out.append(aliases[alias])
    return out[:n]


def suggest_entes(raw: str, aliases: dict[str, str], names: dict[str, str]) -> str:
    """Spanish hint naming the closest known entes, for an unknown name."""
    candidates = [names[e] for e in closest_entes(raw, aliases)]
    if candidates:
        return ("Los nombres conocidos más parecidos son: " + "; ".join(candidates) +
                ". Si es el mismo ente, agregue esta forma de escribirlo a data/catalogos/ente_alias.csv "
                "(python -m etl alias lo hace por usted).")
    return ("No se parece a ningún ente del catálogo; si es un ente nuevo, agréguelo a data/catalogos/entes.csv, "
            "y si es otra forma de escribir uno conocido, a data/catalogos/ente_alias.csv.")


def ente_labels(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """ente_id → 'Nombre oficial (SIGLAS)'."""
    return {e: (f"{n} ({s})" if s else n)
            for e, n, s in con.execute("SELECT ente_id, nombre_oficial, siglas FROM ente").fetchall()}


def unknown_ente_message(raw: str, resolver: EnteResolver, names: dict[str, str]) -> str:
    """Why a name did not resolve, and how to fix it."""
    both = resolver.ambiguous(raw)
    if both:
        return ("Sin abreviaturas ni calificativos el nombre corresponde a más de un ente (" +
                "; ".join(names[e] for e in both) + "): no se adivina. Agregue esta forma de escribirlo a "
                "data/catalogos/ente_alias.csv con el ente que corresponda (python -m etl alias).")
    return suggest_entes(raw, resolver.aliases, names)


def build_ente_map(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Creates map_ente(valor, ente_id, sugerencia) for the distinct 'dependencia' values of `table`; the names
    that do not resolve are also kept in ente_sin_resolver (for `python -m etl alias`)."""
    resolver = EnteResolver.from_warehouse(con, catalogos_dir())
    names = ente_labels(con)
    rows = []
    for raw in _distinct(con, table, "dependencia"):
        ente_id = resolver.resolve(raw)
        rows.append((raw, ente_id, None if ente_id else unknown_ente_message(raw, resolver, names)))
    con.execute("CREATE OR REPLACE TEMP TABLE map_ente (valor VARCHAR, ente_id VARCHAR, sugerencia VARCHAR)")
    if rows:
        insert_rows(con, "map_ente", rows)
    # A shifted column can put an e-mail or a CURP where the ente goes: kept masked, as rechazo keeps it.
    con.execute("INSERT INTO ente_sin_resolver SELECT sin_identificadores(valor), ? FROM map_ente WHERE ente_id IS NULL",
                [table])
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
