"""Names as the sources spell them: ente names (for alias matching) and fracciones of the transparency law."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# "FED - ", "FED-H - ", "EST - ": system prefixes the PNT puts before the name.
_PREFIX = re.compile(r"^\s*[A-Z]{2,5}(?:-[A-Z]{1,3})?\s+-\s+")
_SIGLAS = re.compile(r"\(\s*([A-Za-z][A-Za-z\.\- ]{0,15})\s*\)\s*$")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(text: str | None) -> str:
    """Upper-case, no accents, no punctuation, single spaces: 'Secretaría  de Gobierno' -> 'SECRETARIA DE GOBIERNO'."""
    if text is None:
        return ""
    text = strip_accents(str(text)).upper()
    text = re.sub(r"[^A-Z0-9]+", " ", text)
    return " ".join(text.split())


def name_variants(raw: str | None) -> list[str]:
    """Normalized forms to try, most specific first: full text, without PNT prefix, name without siglas, siglas alone."""
    if raw is None:
        return []
    text = str(raw).strip()
    variants = [text]
    unprefixed = _PREFIX.sub("", text)
    if unprefixed != text:
        variants.append(unprefixed)
    match = _SIGLAS.search(unprefixed)
    if match:
        variants.append(unprefixed[: match.start()])
        variants.append(match.group(1))
    out: list[str] = []
    for v in variants:
        n = normalize_name(v)
        if n and n not in out:
            out.append(n)
    return out


# ---- published names: abbreviations and qualifiers (data/catalogos/ente_abreviaturas.csv) ----------------------

ABBREVIATION_KINDS = {
    "abreviatura": "a word or phrase written short, replaced by its full form anywhere (SRIA → SECRETARIA)",
    "sobra": "a word dropped anywhere (C. before a post: DEL C. GOBERNADOR)",
    "calificativo": "a phrase dropped at the end of the name, repeatedly (DEL ESTADO, DE QUINTANA ROO)",
    "hasta_el_final": "a word dropped with everything after it (ADSCRITA AL …)",
}


@dataclass(frozen=True)
class Abbreviations:
    """How published tables abbreviate and decorate names; forms are normalized (normalize_name). Phrases are
    indexed by their first word (expand) or last word (trailing), longest first: a national catalog has tens of
    thousands of spellings to put in canonical form."""
    expand: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    trailing: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    tails: frozenset[str] = frozenset()

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> Abbreviations:
        expand: dict[str, list] = {}
        trailing: dict[str, list] = {}
        drop, tails = set(), set()
        for r in rows:
            form = tuple(normalize_name(r.get("forma")).split())
            kind = r.get("tipo")
            if not form:
                continue
            if kind == "abreviatura":
                expand.setdefault(form[0], []).append((form, tuple(normalize_name(r.get("significa")).split())))
            elif kind == "sobra":
                drop.update(form)
            elif kind == "calificativo":
                trailing.setdefault(form[-1], []).append(form)
            elif kind == "hasta_el_final":
                tails.update(form)
        return cls({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in expand.items()}, frozenset(drop),
                   {k: tuple(sorted(v, key=len, reverse=True)) for k, v in trailing.items()}, frozenset(tails))


def _expand(words: list[str], abbr: Abbreviations) -> list[str]:
    out, i = [], 0
    while i < len(words):
        for short, full in abbr.expand.get(words[i], ()):
            if tuple(words[i:i + len(short)]) == short:
                out += full
                i += len(short)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def canonical_name(text: str | None, abbr: Abbreviations, *, normalized: bool = False) -> str:
    """A name without abbreviations and decorations, for matching published names to the catalog:
    'SRIA. DE FINANZAS Y PLANEACIÓN DEL EDO.' and 'Secretaría de Finanzas y Planeación' both give
    'SECRETARIA DE FINANZAS Y PLANEACION'. Never shorter than two words: a name that would lose everything but
    one generic word keeps its qualifiers. normalized=True: `text` is already normalize_name's output."""
    words = (text if normalized else normalize_name(text)).split()
    words = [w for w in _expand(words, abbr) if w not in abbr.drop]
    cut = next((i for i, w in enumerate(words) if w in abbr.tails), None)
    if cut is not None and cut >= 2:
        words = words[:cut]
    while words:
        phrase = next((p for p in abbr.trailing.get(words[-1], ())
                       if len(words) - len(p) >= 2 and tuple(words[-len(p):]) == p), None)
        if phrase is None:
            break
        words = words[:-len(phrase)]
    return " ".join(words)


def canonical_variants(raw: str | None, abbr: Abbreviations) -> list[str]:
    """canonical_name of each variant of name_variants (with and without the PNT prefix and the siglas)."""
    out: list[str] = []
    for v in name_variants(raw):
        c = canonical_name(v, abbr, normalized=True)
        if c and c not in out:
            out.append(c)
    return out


# ---- fracciones of the transparency law ----------------------------------------------------------------------

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_FRACCION = re.compile(r"^([IVXLCDM]+|\d{1,3})(?:\s*[-.,)]?\s*(?:INCISO\s*)?([A-Z])\)?)?$")


def to_roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def normalize_fraccion(raw: str | None) -> str | None:
    """'Fracción xxii' -> 'XXII', '22' -> 'XXII', 'I inciso a' / 'I-A' / 'I a)' -> 'I-a'. None if not a fracción."""
    if raw is None:
        return None
    text = strip_accents(str(raw)).upper().strip()
    text = re.sub(r"^(FRACCION|FRACC\.?|FR\.?)\s*", "", text).strip().rstrip(".")
    match = _FRACCION.match(text)
    if not match:
        return None
    number, inciso = match.groups()
    roman = to_roman(int(number)) if number.isdigit() else number
    if number.isdigit() and int(number) == 0:
        return None
    return f"{roman}-{inciso.lower()}" if inciso else roman

