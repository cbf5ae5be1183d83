"""Known source layouts (etl/layouts.toml) and recognition of a file's layout by its headers."""
from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from common.errors import DefinitionError, LayoutNotFound
from common.names import strip_accents
from common.typed_toml import build, raise_problems, read_checked
from etl.sources import folder_of

LAYOUTS_FILE = Path(__file__).with_name("layouts.toml")


def normalize_header(text: object) -> str:
    """'Fecha_Solicitud ' -> 'fechasolicitud': headers are compared without case, accents, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(str(text)).lower())


@dataclass(frozen=True)
class Canonical:
    fuente: str
    required: tuple[str, ...]
    fields: tuple[str, ...]
    personal: tuple[str, ...] = ()  # read only to derive pseudonymous keys; never written (etl/read/pseudonym.py)
    repeated: tuple[str, ...] = ()  # few distinct values (names, dates, flags): cleaned once per value on read


@dataclass(frozen=True)
class Layout:
    key: str
    fuente: str
    descripcion: str
    formats: tuple[str, ...]
    distinctive: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]  # canonical field -> accepted source headers, preferred first
    multiline: tuple[str, ...] = ()  # source headers of free-text columns that may hold line breaks (CSV)

    def header_for(self, field: str) -> str:
        aliases = self.columns.get(field)
        return aliases[0] if aliases else field


@dataclass(frozen=True)
class Layouts:
    canonicals: dict[str, Canonical]
    layouts: tuple[Layout, ...]

    def canonical(self, fuente: str) -> Canonical:
        try:
            return self.canonicals[fuente]
        except KeyError:
            known = ", ".join(sorted(self.canonicals))
            raise ValueError(f"Fuente desconocida «{fuente}»; las conocidas son: {known}") from None

    def layouts_of(self, fuente: str) -> list[Layout]:
        return [lay for lay in self.layouts if lay.fuente == fuente]


@dataclass(frozen=True)
class Match:
    layout: Layout
    columns: dict[str, int]  # canonical field -> index of the source header
    missing_required: tuple[str, ...]
    distinctive: int

    @property
    def complete(self) -> bool:
        return not self.missing_required

    @property
    def score(self) -> tuple[int, int]:
        return (len(self.columns), self.distinctive)


@dataclass(frozen=True)
class _CanonicalSpec:
    """A [canonical.X] table of layouts.toml as written."""
    required: list[str]
    fields: list[str]
    personal: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _LayoutSpec:
    """A [layout.X] table of layouts.toml as written."""
    fuente: str
    columns: dict[str, list[str]]
    descripcion: str | None = None
    formats: list[str] = field(default_factory=lambda: ["csv", "xlsx", "json"])
    distinctive: list[str] = field(default_factory=list)
    multiline: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _LayoutsFile:
    canonical: dict[str, _CanonicalSpec] = field(default_factory=dict)
    layout: dict[str, _LayoutSpec] = field(default_factory=dict)


def _listed_problems(data: dict, name: str) -> list[str]:
    """A field listed in required or repeated that is not one of the canonical's fields would be ignored silently."""
    problems = []
    for canonical, spec in data.get("canonical", {}).items():
        known = spec.get("fields", []) if isinstance(spec, dict) else []
        for key in ("required", "repeated"):
            listed = spec.get(key, []) if isinstance(spec, dict) else []
            problems += [f"{name}, [canonical.{canonical}]: «{f}» de {key} no está en fields; añádalo a fields o "
                         f"quítelo de {key}" for f in listed if isinstance(listed, list) and f not in known]
    return problems


@functools.lru_cache(maxsize=4)
def load_layouts(path: Path = LAYOUTS_FILE) -> Layouts:
    data, problems = read_checked(path, _LayoutsFile)
    if isinstance(data.get("canonical"), dict):
        problems += _listed_problems(data, path.name)
    raise_problems(path, problems, DefinitionError)
    spec = build(data, _LayoutsFile)
    canonicals = {name: Canonical(name, tuple(c.required), tuple(c.fields), tuple(c.personal), tuple(c.repeated))
                  for name, c in spec.canonical.items()}
    layouts = tuple(
        Layout(key=key, fuente=lay.fuente, descripcion=key if lay.descripcion is None else lay.descripcion, formats=tuple(lay.formats),
               distinctive=tuple(lay.distinctive),
               columns={name: tuple(aliases) for name, aliases in lay.columns.items()},
               multiline=tuple(lay.multiline))
        for key, lay in spec.layout.items())
    return Layouts(canonicals, layouts)


def match_layout(layout: Layout, headers: Sequence[str], required: Sequence[str]) -> Match:
    """Which canonical fields of `layout` the headers provide (first occurrence of a header wins)."""
    positions: dict[str, int] = {}
    for index, header in enumerate(headers):
        positions.setdefault(normalize_header(header), index)
    columns: dict[str, int] = {}
    for field, aliases in layout.columns.items():
        for alias in aliases:
            index = positions.get(normalize_header(alias))
            if index is not None:
                columns[field] = index
                break
    missing = tuple(f for f in required if f not in columns)
    distinctive = sum(1 for h in layout.distinctive if normalize_header(h) in positions)
    return Match(layout, columns, missing, distinctive)


def _format_allows(layout: Layout, fmt: str) -> bool:
    # An old .xls workbook is read like an .xlsx one.
    fmt = "xlsx" if fmt == "xls" else fmt
    return fmt in layout.formats


def rank_matches(headers: Sequence[str], fmt: str, layouts: Layouts) -> list[Match]:
    """All layouts that accept `fmt`, best first: most matched headers, then most distinctive headers."""
    matches = [
        match_layout(lay, headers, layouts.canonical(lay.fuente).required)
        for lay in layouts.layouts
        if _format_allows(lay, fmt)
    ]
    return sorted(matches, key=lambda m: m.score, reverse=True)


@dataclass(frozen=True)
class Candidate:
    """A row that may be the header row: `where` is how to name it to a user (e.g. 'fila 1')."""

    position: object
    headers: list[str]
    where: str


def choose_header(
    candidates: Sequence[Candidate], fuente: str | Sequence[str], fmt: str, file_label: str,
    layouts: Layouts | None = None,
) -> tuple[Candidate, Match]:
    """The first candidate row with a complete layout of `fuente` (or of any of several fuentes sharing a
    folder; match.layout.fuente says which); otherwise raise LayoutNotFound explaining why."""
    layouts = layouts or load_layouts()
    fuentes = (fuente,) if isinstance(fuente, str) else tuple(fuente)
    for name in fuentes:
        layouts.canonical(name)
    fuente = " o ".join(fuentes)  # how the messages name the expected source(s)
    ranked = [(cand, rank_matches(cand.headers, fmt, layouts)) for cand in candidates if any(cand.headers)]
    for cand, matches in ranked:
        own = [m for m in matches if m.complete and m.layout.fuente in fuentes]
        if own:
            return cand, own[0]
    for cand, matches in ranked:
        other = [m for m in matches if m.complete]
        if other:
            raise LayoutNotFound(_wrong_fuente_message(file_label, fuente, other[0]))
    near = _best_near_miss(ranked, fuentes, layouts)
    if near is not None:
        raise LayoutNotFound(_missing_column_message(file_label, *near))
    headers = ranked[0][0].headers if ranked else []
    raise LayoutNotFound(_unknown_layout_message(file_label, fuentes, fmt, headers, layouts))


def _best_near_miss(ranked, fuentes: tuple[str, ...], layouts: Layouts) -> tuple[Candidate, Match] | None:
    """A layout of one of `fuentes` that found at least two of its headers, at least one of them required."""
    best = None
    for cand, matches in ranked:
        for m in matches:
            if m.layout.fuente not in fuentes or len(m.columns) < 2:
                continue
            if len(m.missing_required) == len(layouts.canonical(m.layout.fuente).required):
                continue
            if best is None or m.score > best[1].score:
                best = (cand, m)
    return best


def _wrong_fuente_message(file_label: str, fuente: str, match: Match) -> str:
    other = match.layout.fuente
    folder = folder_of(other)  # several fuentes may share one folder (capacitacion/)
    return (
        f"El archivo «{file_label}» parece ser de la fuente «{other}» (formato «{match.layout.key}»: "
        f"{match.layout.descripcion}), no de «{fuente}». "
        f"Cómo corregir: muévalo a la carpeta data/inputs/{folder}/."
    )


def _missing_column_message(file_label: str, cand: Candidate, match: Match) -> str:
    layout = match.layout
    normalized_found = {normalize_header(h): h for h in cand.headers if h}
    parts = []
    for field in match.missing_required:
        aliases = layout.columns.get(field, ())
        accepted = ", ".join(f"«{a}»" for a in aliases) or "(este formato no la define)"
        hint = _closest_header(aliases, normalized_found)
        parts.append(
            f"«{layout.header_for(field)}» (campo {field}; se acepta: {accepted}){hint}"
        )
    faltan = "la columna obligatoria " if len(parts) == 1 else "las columnas obligatorias "
    return (
        f"El archivo «{file_label}» parece tener el formato «{layout.key}» ({layout.descripcion}; "
        f"encabezados en {cand.where}), pero le falta {faltan}{'; '.join(parts)}. "
        "Cómo corregir: agregue esa columna o corrija el nombre de su encabezado y vuelva a cargar el archivo."
    )


def _closest_header(aliases: Sequence[str], normalized_found: dict[str, str]) -> str:
    for alias in aliases:
        close = difflib.get_close_matches(normalize_header(alias), list(normalized_found), n=1, cutoff=0.75)
        if close:
            return f" (¿quizá es la columna «{normalized_found[close[0]]}»?)"
    return ""


def _unknown_layout_message(
    file_label: str, fuentes: tuple[str, ...], fmt: str, headers: Sequence[str], layouts: Layouts
) -> str:
    found = ", ".join(f"«{h}»" for h in headers if h) or "(ninguno)"
    fuente = " o ".join(fuentes)
    known = []
    for layout in [lay for name in fuentes for lay in layouts.layouts_of(name)]:
        required = ", ".join(layout.header_for(f) for f in layouts.canonical(layout.fuente).required)
        formats = ", ".join(layout.formats)
        known.append(f"  - {layout.key} ({layout.descripcion}; {formats}): requiere {required}")
    return (
        f"No se reconoce el formato del archivo «{file_label}» como fuente «{fuente}» ({fmt}). "
        f"Encabezados encontrados: {found}.\n"
        f"Formatos conocidos para «{fuente}»:\n" + "\n".join(known) + "\n"
        "Cómo corregir: la fila de encabezados debe usar los nombres de columna de uno de estos formatos; "
        "si es un formato nuevo, descríbalo en etl/layouts.toml."
    )
