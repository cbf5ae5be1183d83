"""Which ente a name written in a source means: its exact spelling first, then the name without the
abbreviations and qualifiers of published tables, when exactly one ente has that form; never a guess between two.
A name that resolves to no ente is rejected with the closest known entes (one vectorized pass for all of them),
and kept in ente_sin_resolver for `python -m etl alias`."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import numpy as np
from rapidfuzz import fuzz, process

from common.bulk import insert_rows
from common.names import Abbreviations, canonical_name, canonical_variants, name_variants, normalize_name
from common.paths import catalogos_dir
from etl.staging.catalogs import load_value_map
from etl.staging.value_maps import distinct_values

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


SUGGESTIONS = 3          # closest entes named in the message of an unknown name
SIMILARITY_CUTOFF = 55   # %, normalized Indel similarity (rapidfuzz's ratio)
_BLOCK = 2_000           # unknown names scored at once: a 2,000 × 30,000 matrix of bytes is 60 MB


def closest_entes(values: Sequence[str], aliases: dict[str, str], names: dict[str, str],
                  limit: int = SUGGESTIONS) -> dict[str, list[tuple[str, str, float]]]:
    """The known entes closest to each raw name, best first: {raw: [(ente_id, label, similarity 0–100), …]}.

    The single entry point for suggestions (the build's rejects and the alias command use it). Each distinct
    normalized name is scored once against every known spelling (`aliases`: normalized alias → ente_id) in one
    vectorized pass (rapidfuzz.process.cdist on all cores), never one name at a time: a national file may hold
    thousands of unknown names. Ties keep the catalog's order."""
    keys = {raw: normalize_name(raw) for raw in values}
    queries = sorted({k for k in keys.values() if k})
    choices = list(aliases)
    ente_of = [aliases[c] for c in choices]
    ranked: dict[str, list[tuple[str, str, float]]] = {}
    for start in range(0, len(queries) if choices else 0, _BLOCK):
        block = queries[start:start + _BLOCK]
        scores = process.cdist(block, choices, scorer=fuzz.ratio, dtype=np.uint8, workers=-1,
                               score_cutoff=SIMILARITY_CUTOFF)
        # Several spellings may be of one ente: look at enough of the best to find `limit` distinct entes.
        width = min(len(choices), limit * 8)
        best = np.argpartition(-scores.astype(np.int16), width - 1, axis=1)[:, :width]
        for row, query in enumerate(block):
            columns = best[row]
            order = columns[np.lexsort((columns, -scores[row, columns].astype(np.int16)))]
            found: list[tuple[str, str, float]] = []
            for column in order:
                score = int(scores[row, column])
                if score < SIMILARITY_CUTOFF:
                    break
                ente = ente_of[column]
                if all(ente != f[0] for f in found):
                    found.append((ente, names.get(ente, ente), float(score)))
                    if len(found) == limit:
                        break
            ranked[query] = found
    return {raw: ranked.get(key, []) for raw, key in keys.items()}


def suggestion_text(found: Sequence[tuple[str, str, float]]) -> str:
    """Spanish hint for an unknown name, naming the closest known entes."""
    if found:
        return ("Los nombres conocidos más parecidos son: " + "; ".join(label for _e, label, _s in found) +
                ". Si es el mismo ente, agregue esta forma de escribirlo a data/catalogos/ente_alias.csv "
                "(python -m etl alias lo hace por usted).")
    return ("No se parece a ningún ente del catálogo; si es un ente nuevo, agréguelo a data/catalogos/entes.csv, "
            "y si es otra forma de escribir uno conocido, a data/catalogos/ente_alias.csv.")


def ente_labels(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """ente_id → 'Nombre oficial (SIGLAS)'."""
    return {e: (f"{n} ({s})" if s else n)
            for e, n, s in con.execute("SELECT ente_id, nombre_oficial, siglas FROM ente").fetchall()}


def unknown_ente_message(raw: str, resolver: EnteResolver, names: dict[str, str],
                         closest: Sequence[tuple[str, str, float]]) -> str:
    """Why a name did not resolve, and how to fix it (`closest`: its entry of closest_entes)."""
    both = resolver.ambiguous(raw)
    if both:
        return ("Sin abreviaturas ni calificativos el nombre corresponde a más de un ente (" +
                "; ".join(names[e] for e in both) + "): no se adivina. Agregue esta forma de escribirlo a "
                "data/catalogos/ente_alias.csv con el ente que corresponda (python -m etl alias).")
    return suggestion_text(closest)


def build_ente_map(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Creates map_ente(valor, ente_id, sugerencia) for the distinct 'dependencia' values of `table`; the names
    that do not resolve are also kept in ente_sin_resolver (for `python -m etl alias`). Suggestions for all the
    unknown names are computed in one vectorized pass."""
    resolver = EnteResolver.from_warehouse(con, catalogos_dir())
    names = ente_labels(con)
    known = {raw: resolver.resolve(raw) for raw in distinct_values(con, table, "dependencia")}
    closest = closest_entes([raw for raw, ente in known.items() if ente is None], resolver.aliases, names)
    rows = [(raw, ente, None if ente else unknown_ente_message(raw, resolver, names, closest[raw]))
            for raw, ente in known.items()]
    con.execute("CREATE OR REPLACE TEMP TABLE map_ente (valor VARCHAR, ente_id VARCHAR, sugerencia VARCHAR)")
    if rows:
        insert_rows(con, "map_ente", ["valor", "ente_id", "sugerencia"], rows)
    # A shifted column can put an e-mail or a CURP where the ente goes: kept masked, as rechazo keeps it.
    con.execute("INSERT INTO ente_sin_resolver (valor, origen) "
                "SELECT sin_identificadores(valor), ? FROM map_ente WHERE ente_id IS NULL", [table])
    return sum(1 for r in rows if r[1] is None)
