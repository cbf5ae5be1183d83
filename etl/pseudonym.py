"""Pseudonymization of persons at read time (training attendance lists).

Names, e-mails and CURPs are read from the file only to compute keyed hashes (HMAC-SHA256); the readers write
the hashes and drop the identifiers, so no personal data reaches any table, temporary or not.

The key is a secret kept outside the warehouse: the environment variable TABLERO_SECRETO, or the file
data/secreto.key (created with os.urandom on first use, gitignored). Without the key a hash cannot be turned
back into an e-mail by trying likely addresses; with the same key the same person gets the same hash in every
build, so counts are stable. Losing or changing the key only changes the pseudonyms, not any indicator.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from pathlib import Path

from etl.names import normalize_name
from warehouse.paths import ROOT

SECRET_ENV = "TABLERO_SECRETO"
SECRET_FILE = ROOT / "data" / "secreto.key"
SECRET_BYTES = 32
HASH_FIELDS = ("hash_curp", "hash_correo", "hash_nombre")
_SPACES = re.compile(r"\s+")


def secret(path: Path = SECRET_FILE) -> bytes:
    """The HMAC key: TABLERO_SECRETO if set, else data/secreto.key, created once (atomically) when missing."""
    from_env = os.environ.get(SECRET_ENV, "").strip()
    if from_env:
        return from_env.encode("utf-8")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 'x' mode: if two builds start at once, exactly one creates the key and the other reads it.
        with open(path, "xb") as fh:
            fh.write(os.urandom(SECRET_BYTES))
        os.chmod(path, 0o600)
    except FileExistsError:
        pass
    return path.read_bytes()


def normalize_curp(value: str | None) -> str | None:
    text = _SPACES.sub("", value or "").upper()
    return text or None


def normalize_email(value: str | None) -> str | None:
    """' Ana.Perez @Correo.MX ' -> 'ana.perez@correo.mx': case and spaces are not part of an address."""
    text = _SPACES.sub("", value or "").lower()
    return text or None


def keyed_hash(key: bytes, kind: str, value: str | None) -> str | None:
    if value is None:
        return None
    return hmac.new(key, f"{kind}:{value}".encode("utf-8"), hashlib.sha256).hexdigest()


def person_hashes(key: bytes, curp: str | None, correo: str | None, nombre: str | None) -> list[str | None]:
    """[hash_curp, hash_correo, hash_nombre] of one row. The name hash is combined with the ente in staging,
    where the ente is known by its id (so two spellings of the ente do not split a person)."""
    return [keyed_hash(key, "curp", normalize_curp(curp)),
            keyed_hash(key, "correo", normalize_email(correo)),
            keyed_hash(key, "nombre", normalize_name(nombre) or None)]


class PseudonymizingWriter:
    """Wraps a table writer: it is fed the output fields plus the personal ones, and writes the output fields
    with hash_curp / hash_correo / hash_nombre filled from the personal values, which are then dropped."""

    def __init__(self, inner, personal: Sequence[str], key: bytes | None = None):
        self.inner = inner
        self.personal = tuple(personal)
        self.fields = list(inner.fields) + list(self.personal)  # the order readers fetch values in
        self._n = len(inner.fields)
        self._hash_pos = [inner.fields.index(f) for f in HASH_FIELDS]
        self._key = key if key is not None else secret()

    @property
    def skipped_empty(self) -> int:
        return self.inner.skipped_empty

    def add(self, fila: int, values: Sequence[str | None]) -> None:
        out = list(values[: self._n])
        given = dict(zip(self.personal, values[self._n:]))
        hashes = person_hashes(self._key, given.get("curp"), given.get("correo"), given.get("nombre"))
        for pos, value in zip(self._hash_pos, hashes):
            out[pos] = value
        self.inner.add(fila, out)

    def flush(self) -> None:
        self.inner.flush()

    def close(self) -> int:
        return self.inner.close()
