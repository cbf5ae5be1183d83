"""Pseudonymization of persons at read time (training attendance lists).

Names, e-mails and CURPs are read from the file only to compute keyed hashes (HMAC-SHA256); the readers write
the hashes and drop the identifiers, so no personal data reaches any table, temporary or not.

The key is a secret kept outside the warehouse (common/secret.py).

Two ways to the same pseudonyms: PseudonymizingWriter hashes in Python, row by row, for the careful readers; and
SqlPseudonyms writes the hashes as SQL, so DuckDB's fast CSV path computes them inside the very query that parses
the file (the identifiers stream through the query and only the hashes are stored).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from collections.abc import Sequence

from common.names import normalize_name
from common.secret import secret

HASH_FIELDS = ("hash_curp", "hash_correo", "hash_nombre")
PERSONAL_KINDS = ("curp", "correo", "nombre")  # the personal field each of HASH_FIELDS is computed from
_SPACES = re.compile(r"\s+")


def normalize_curp(value: str | None) -> str | None:
    text = _SPACES.sub("", value or "").upper()
    return text or None


def normalize_email(value: str | None) -> str | None:
    """' Ana.Perez @Correo.MX ' -> 'ana.perez@correo.mx': case and spaces are not part of an address."""
    text = _SPACES.sub("", value or "").lower()
    return text or None


def normalize_person_name(value: str | None) -> str | None:
    return normalize_name(value) or None


NORMALIZERS = {"curp": normalize_curp, "correo": normalize_email, "nombre": normalize_person_name}


def keyed_hash(key: bytes, kind: str, value: str | None) -> str | None:
    if value is None:
        return None
    return hmac.new(key, f"{kind}:{value}".encode("utf-8"), hashlib.sha256).hexdigest()


def person_hashes(key: bytes, curp: str | None, correo: str | None, nombre: str | None) -> list[str | None]:
    """[hash_curp, hash_correo, hash_nombre] of one row. The name hash is combined with the ente in staging,
    where the ente is known by its id (so two spellings of the ente do not split a person)."""
    return [keyed_hash(key, kind, NORMALIZERS[kind](value))
            for kind, value in zip(PERSONAL_KINDS, (curp, correo, nombre))]


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


# ------------------------------------------------------------------------------ the same pseudonyms in SQL

# Every character str.isspace() calls whitespace: what \s removes in normalize_curp and normalize_email, and what
# str.strip() removes in the careful readers (clean_text).
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# The characters DuckDB normalizes exactly as the Python functions above do: tab, printable ASCII, Latin-1 and
# Latin Extended-A letters, combining accents (text typed on a Mac) and general punctuation (’ “ ” – … and the
# typographic spaces). Left out, because Python's NFKD or full case mapping differs from DuckDB's strip_accents,
# upper and lower: ª ² ³ ¹ º ¼ ½ ¾ ß İ Ĳ ĳ Ŀ ŀ ŉ and U+034F. tests/test_training_pseudonym_sql.py checks every
# character of these ranges. A value with any other character is hashed by the Python functions themselves,
# called from the query (SqlPseudonyms): such values cost what every value cost in the careful reader.
SQL_SAFE_RANGES = ((0x09, 0x09), (0x20, 0x7E), (0xA0, 0xA9), (0xAB, 0xB1), (0xB4, 0xB8), (0xBB, 0xBB),
                   (0xBF, 0xDE), (0xE0, 0x12F), (0x131, 0x131), (0x134, 0x13E), (0x141, 0x148), (0x14A, 0x17F),
                   (0x300, 0x34E), (0x350, 0x36F), (0x2000, 0x206F))
_SHA256_BLOCK = 64


def _re2_class(chars) -> str:
    """An RE2 character class written with \\x{..} escapes only: safe inside a SQL string literal."""
    parts = [f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in chars]
    return "[" + "".join(parts) + "]"


_SAFE_CLASS = _re2_class(SQL_SAFE_RANGES)
_WHITESPACE_CLASS = _re2_class((ord(c), ord(c)) for c in WHITESPACE)


def hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """(key ⊕ ipad, key ⊕ opad) of HMAC-SHA256 (RFC 2104): HMAC(k, m) = H(opad_key ‖ H(ipad_key ‖ m))."""
    if len(key) > _SHA256_BLOCK:
        key = hashlib.sha256(key).digest()
    key = key.ljust(_SHA256_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def normalized_sql(kind: str, column: str) -> str:
    """SQL for NORMALIZERS[kind] of `column` ('' where Python gives None); exact for SQL-safe values only."""
    if kind == "nombre":
        # strip accents, upper case, every run of other characters one space, no space at either end
        return f"trim(regexp_replace(upper(strip_accents({column})), '[^A-Z0-9]+', ' ', 'g'))"
    no_spaces = f"regexp_replace({column}, '{_WHITESPACE_CLASS}+', '', 'g')"
    return {"curp": f"upper({no_spaces})", "correo": f"lower({no_spaces})"}[kind]


class SqlPseudonyms:
    """keyed_hash(key, kind, NORMALIZERS[kind](value)) as a SQL expression, for a query that reads the personal
    values and must store only their pseudonyms (the CSV fast path, etl/read/csv_fast.py).

    HMAC-SHA256 is written with DuckDB's sha256(): the key enters only as the two pads, bound as the query
    parameters in `params` (never pasted into the SQL text, never stored). Values made only of SQL_SAFE_RANGES
    are normalized in SQL; any other value goes to a Python function that calls the very functions
    PseudonymizingWriter uses. Either way the pseudonym is byte for byte the Python one.

    The Python function exists for the `with` block only, registered through a cursor of its own: run the
    query on `connection` (a cursor shares the database, its settings and attached databases; DuckDB refuses to
    register a function on a connection with an unfinished result, which the build's connection often has)."""

    def __init__(self, con, key: bytes | None = None):
        key = key if key is not None else secret()
        self._con = con
        self.connection = None
        self._function = f"_etl_seudonimo_{uuid.uuid4().hex[:12]}"  # DuckDB keeps functions database-wide
        ipad, opad = hmac_pads(key)
        self.params = {"hmac_ipad": ipad, "hmac_opad": opad}
        self._in_python = lambda kind, value: keyed_hash(key, kind, NORMALIZERS[kind](value))

    def __enter__(self) -> "SqlPseudonyms":
        from duckdb.sqltypes import VARCHAR

        self.connection = self._con.cursor()
        # null_handling="special": the function itself answers None for a value that normalizes to nothing.
        self.connection.create_function(self._function, self._in_python, [VARCHAR, VARCHAR], VARCHAR,
                                        null_handling="special", side_effects=False)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.connection.remove_function(self._function)
        finally:
            self.connection.close()
            self.connection = None

    def hash_sql(self, kind: str, column: str) -> str:
        """SQL for the pseudonym of `column` (a plain column reference) as `kind` ('curp', 'correo', 'nombre')."""
        if kind not in NORMALIZERS:
            raise ValueError(kind)
        message = f"encode('{kind}:' || nullif({normalized_sql(kind, column)}, ''))"
        in_sql = f"sha256($hmac_opad || unhex(sha256($hmac_ipad || {message})))"
        return (f"CASE WHEN {column} IS NULL THEN NULL "
                f"WHEN regexp_full_match({column}, '{_SAFE_CLASS}*') THEN {in_sql} "
                f"ELSE {self._function}('{kind}', {column}) END")
