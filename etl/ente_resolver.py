"""Which ente a name written in a source means: its exact spelling first, then the name without the
abbreviations and qualifiers of published tables, when exactly one ente has that form. Never a guess between two."""
from __future__ import annotations

from pathlib import Path

import duckdb

from common.names import Abbreviations, canonical_name, canonical_variants, name_variants
from etl.catalogs import load_value_map

ABBREVIATIONS_CSV = "ente_abreviaturas.csv"


def load_abbreviations(catalog_dir: Path) -> Abbreviations:
    path = Path(catalog_dir) / ABBREVIATIONS_CSV
    return Abbreviations.from_rows(load_value_map(catalog_dir, ABBREVIATIONS_CSV) if path.exists() else [])


class EnteResolver:
    def __init__(self, aliases: dict[str, str], abbr: Abbreviations):
        """aliases: every known spelling, normalized (ente_alias.alias_normalizado) → ente_id."""
        self.aliases = aliases
        self.abbr = abbr
        self._canonical_index: dict[str, set[str]] | None = None

    @classmethod
    def from_warehouse(cls, con: duckdb.DuckDBPyConnection, catalog_dir: Path) -> EnteResolver:
        return cls(dict(con.execute("SELECT alias_normalizado, ente_id FROM ente_alias").fetchall()),
                   load_abbreviations(catalog_dir))

    @property
    def _canonical(self) -> dict[str, set[str]]:
        """Canonical form of every known spelling → its entes. Built on the first name the exact spellings miss:
        most files name every ente exactly, and a national catalog has tens of thousands of spellings."""
        if self._canonical_index is None:
            self._canonical_index = {}
            for key, ente_id in self.aliases.items():
                self._canonical_index.setdefault(canonical_name(key, self.abbr, normalized=True), set()).add(ente_id)
        return self._canonical_index

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
