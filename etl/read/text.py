"""A text file's bytes, read in one pass each: its encoding, its last line with content, whether DuckDB would read
it as the careful reader does, and a UTF-8 copy when it is not UTF-8 (in the build's own folder)."""
from __future__ import annotations

import codecs
import contextlib
import contextvars
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from common.errors import FileError


CHUNK_BYTES = 16 << 20


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252: read them as latin-1 instead of failing.
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("etl_latin1_fallback", _latin1_fallback)


# Where temporary copies go: the build's own folder beside the new warehouse (scratch_folder), so a kill leaves
# them where the next build removes them, never in the system's temp folder; the system's when read alone.
_SCRATCH: contextvars.ContextVar[str | None] = contextvars.ContextVar("etl_scratch", default=None)


@contextlib.contextmanager
def scratch_folder(folder: Path) -> Iterator[None]:
    token = _SCRATCH.set(str(folder))
    try:
        yield
    finally:
        _SCRATCH.reset(token)


@dataclass(frozen=True)
class TextFile:
    path: Path  # UTF-8 text (the source itself, or a transcoded temporary copy)
    encoding: str  # the source's encoding: utf-8, utf-8-sig, cp1252 or utf-16
    last_line: int  # number of the last line with content (trailing blank lines ignored)


@dataclass(frozen=True)
class _Scan:
    encoding: str
    last_line: int


def scan_text(path: Path) -> _Scan:
    """Encoding (strict UTF-8 over the whole file, else cp1252) and the last line with content, in one pass."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return _Scan("utf-16", 0)
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        is_utf8, newlines, tail = True, 0, b""
        while chunk := fh.read(CHUNK_BYTES):
            if is_utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
            newlines += _count_newlines(chunk)
            tail = (tail + chunk[-65536:])[-65536:]
        if is_utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    last_line = _last_line(newlines, tail)
    if not is_utf8:
        return _Scan("cp1252", last_line)
    return _Scan("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8", last_line)


def utf8_head(path: Path) -> str | None:
    """'utf-8' or 'utf-8-sig' when the first megabyte (whole lines) is strict UTF-8, worth trusting DuckDB with;
    None otherwise (UTF-16, cp1252…)."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    if len(head) == 1 << 20:
        head = head[: head.rfind(b"\n") + 1]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"


@dataclass(frozen=True)
class _LineScan:
    last_line: int
    csv_alike: bool = True  # checked only when asked: see _CsvAlike


def line_scan(path: Path, check_alike: bool = False) -> _LineScan:
    """The last line with content, in one pass over the bytes beside DuckDB's parse (numpy releases the GIL);
    with check_alike, also whether DuckDB reads the file as the careful reader would (_CsvAlike). The file's
    sha256 is not taken here: it would share the two cores with the parse (the build hashes files later)."""
    newlines, tail = 0, b""
    alike = _CsvAlike() if check_alike else None
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            newlines += _count_newlines(chunk)
            tail = (tail + chunk[-65536:])[-65536:]
            if alike is not None:
                alike.feed(chunk)
    return _LineScan(_last_line(newlines, tail), alike.close() if alike is not None else True)


def _count_newlines(chunk: bytes) -> int:
    """numpy's comparison releases the GIL (bytes.count holds it): this pass shares the cores with DuckDB's parse."""
    return int(np.count_nonzero(np.frombuffer(chunk, np.uint8) == 10))


class _CsvAlike:
    """Whether DuckDB's parse of a file gives exactly the careful reader's rows and values, wherever the row
    count matches the line count (the fast path's own check). Three things break that: bytes that are not
    UTF-8 anywhere in the file (scan_text sends such a file to the cp1252 transcoder, so the careful reader sees
    other text); a space just before a quote (DuckDB reads ` "x"` as x, Python's csv as ` "x"`); a CR that is not
    part of a CRLF (Python's csv counts a line there, so the rows after it are numbered otherwise, and an unquoted
    field ends). Files with personal fields need this: their rows and pseudonyms must not depend on the path the
    file took."""

    def __init__(self):
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self._last = b""
        self.alike = True

    def feed(self, chunk: bytes) -> None:
        if not self.alike:
            return
        try:
            self._utf8.decode(chunk)
        except UnicodeDecodeError:
            self.alike = False
            return
        edge = self._last + chunk[:1]  # the two bytes around the previous chunk's end
        if b' "' in chunk or edge == b' "' or (self._last == b"\r" and chunk[:1] != b"\n"):
            self.alike = False
        body = chunk[:-1] if chunk.endswith(b"\r") else chunk  # a CR at the end waits for the next chunk
        if body.count(b"\r") != body.count(b"\r\n"):
            self.alike = False
        self._last = chunk[-1:]

    def close(self) -> bool:
        if self.alike:
            try:
                self._utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                self.alike = False
        return self.alike and self._last != b"\r"


def _last_line(newlines: int, tail: bytes) -> int:
    content = tail.rstrip(b" \t\r\n")
    return newlines - tail[len(content) :].count(b"\n") + 1 if content else 0


@contextlib.contextmanager
def utf8_text(path: Path) -> Iterator[TextFile]:
    """The file as UTF-8: itself if it already is, otherwise a temporary transcoded copy (deleted afterwards)."""
    scan = scan_text(path)
    if scan.encoding in ("utf-8", "utf-8-sig"):
        yield TextFile(path, scan.encoding, scan.last_line)
        return
    tmp, mixed = transcode(path, scan.encoding)
    try:
        # cp1252 keeps every line break where it was; UTF-16 lines are counted on the copy.
        last_line = scan.last_line if scan.encoding == "cp1252" else scan_text(tmp).last_line
        yield TextFile(tmp, "cp1252+utf-8" if mixed else scan.encoding, last_line)
    finally:
        tmp.unlink(missing_ok=True)


def transcode(path: Path, encoding: str) -> tuple[Path, bool]:
    """A UTF-8 copy of the file, and whether it mixed encodings (some lines UTF-8 in a cp1252 file)."""
    fd, name = tempfile.mkstemp(prefix="etl_", suffix=".utf8.txt", dir=_SCRATCH.get())
    try:
        with open(path, "rb") as src, os.fdopen(fd, "w", encoding="utf-8", newline="") as dst:
            if encoding == "cp1252":
                return Path(name), _transcode_cp1252(src, dst)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            while chunk := src.read(CHUNK_BYTES):
                dst.write(decoder.decode(chunk))
            dst.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        Path(name).unlink(missing_ok=True)
        raise FileError(
            f"El archivo «{path.name}» no se puede decodificar como {encoding}. "
            "Cómo corregir: guárdelo de nuevo como CSV UTF-8."
        ) from None
    except BaseException:  # a full disk, an interrupt: the half copy (request texts included) goes too
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), False


# A UTF-8 multi-byte sequence. In Spanish cp1252 text these byte pairs spell mojibake such as "Ã³", so a cp1252
# file that contains them was concatenated from files in both encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _transcode_cp1252(src, dst) -> bool:
    """cp1252 chunk by chunk (fast); a chunk with UTF-8 sequences is decoded line by line, each line in the
    encoding it decodes in, so an appended UTF-8 export keeps its accents instead of turning into "Ã³"."""
    mixed, carry = False, b""
    while chunk := src.read(CHUNK_BYTES):
        data = carry + chunk
        cut = data.rfind(b"\n") + 1  # whole lines now, the rest with the next chunk
        mixed |= _write_cp1252(data[:cut], dst)
        carry = data[cut:]
    mixed |= _write_cp1252(carry, dst)
    return mixed


def _write_cp1252(data: bytes, dst) -> bool:
    if not _UTF8_SEQUENCE.search(data):
        dst.write(data.decode("cp1252", errors="etl_latin1_fallback"))
        return False
    mixed = False
    for line in data.splitlines(keepends=True):
        try:
            text = line.decode("utf-8")
            mixed |= _UTF8_SEQUENCE.search(line) is not None
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="etl_latin1_fallback")
        dst.write(text)
    return mixed
