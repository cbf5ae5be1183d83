"""Normalization of ente names as the sources spell them, for alias matching."""
from __future__ import annotations

import re
import unicodedata

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
