"""Which ente a name written in a source means: its exact spelling first, then the name without the
abbreviations and qualifiers of published tables, when exactly one ente has that form. Never a guess between two."""
from __future__ import annotations

from pathlib import Path

import duckdb

from etl.catalogs import load_value_map
from etl.names import Abbreviations, canonical_variants, name_variants

ABBREVIATIONS_CSV = "ente_abreviaturas.csv"


def load_abbreviations(catalog_dir: Path) -> Abbreviations:
    path = Path(catalog_dir) / ABBREVIATIONS_CSV
    return Abbreviations.from_rows(load_value_map(catalog_dir, ABBREVIATIONS_CSV) if path.exists() else [])


class EnteResolver:
    def __init__(self, aliases: dict[str, str], alias_texts: list[tuple[str, str]], abbr: Abbreviations):
        """aliases: normalized spelling → ente_id (table ente_alias); alias_texts: (spelling as written, ente_id)."""
        self.aliases = aliases
        self.abbr = abbr
        self._canonical: dict[str, set[str]] = {}
        for text, ente_id in alias_texts:
            for form in canonical_variants(text, abbr):
                self._canonical.setdefault(form, set()).add(ente_id)

    @classmethod
    def from_warehouse(cls, con: duckdb.DuckDBPyConnection, catalog_dir: Path) -> EnteResolver:
        rows = con.execute("SELECT alias_normalizado, alias, ente_id FROM ente_alias").fetchall()
        return cls({k: e for k, _, e in rows}, [(a, e) for _, a, e in rows], load_abbreviations(catalog_dir))

    def resolve(self, raw: str | None) -> str | None:
        exact = next((self.aliases[v] for v in name_variants(raw) if v in self.aliases), None)
        if exact is not None:
            return exact
        for form in canonical_variants(raw, self.abbr):
            hits = self._canonical.get(form, set())
            if len(hits) == 1:
                return next(iter(hits))
            if hits:
                return None  # two entes share the form: the official decides (ente_alias.csv), never a guess
        return None

    def ambiguous(self, raw: str | None) -> list[str]:
        """The entes a name could be once abbreviations and qualifiers are set aside, when more than one."""
        for form in canonical_variants(raw, self.abbr):
            hits = self._canonical.get(form, set())
            if len(hits) > 1:
                return sorted(hits)
        return []
