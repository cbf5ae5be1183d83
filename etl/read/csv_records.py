"""Records of a CSV file, read the careful way: each with the line it starts on, and a quote left open never
swallows the rest of the file.

Python's csv module is lenient: one unclosed quote in row 3 makes the rest of the file one field of row 3, so a
thousand-row file reads as three rows and the reject holds the other 997 (and, in an Infomex export, request
texts). Here a record that runs across lines is accepted only when it is plausible: none of the lines it swallowed
is a complete row of the file by itself, it stays within a few lines unless its layout has free-text columns that
may hold line breaks (`multiline` in etl/layouts.toml), and it stays under a sane length. Otherwise only its first
line is rejected, and reading resumes on the next line. Every line is accounted for (rows, blank lines, lines
inside multi-line texts, rejected lines), so a file whose rows and lines disagree says why.
"""
from __future__ import annotations

import csv
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def raise_field_limit() -> None:
    """A citizen's text can be long (200,000 characters have been seen) while the csv module stops at 131,072 by
    default. The limit is process-wide: it is raised before any line of a file is split, header scan included,
    by every reader that splits (not once at import, which any other code may undo)."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


raise_field_limit()

MAX_TEXT_LINES = 1_000       # lines one record may span when its layout has free-text columns
MAX_PLAIN_LINES = 5          # … and when it has none (a cell typed with Alt+Enter: an address, a name)
MAX_RECORD_CHARS = 16_000_000  # DuckDB's line limit on the fast path (csv_fast.MAX_LINE_BYTES)


class _Runaway(Exception):
    """The record being read is longer than any plausible record: a quote was left open."""


@dataclass
class LineCount:
    """How the lines after the header were used: their sum is every line the reader saw."""
    filas: int = 0          # lines that start a record (good or rejected)
    en_blanco: int = 0      # blank lines
    continuacion: int = 0   # lines inside a record that spans several lines
    multilinea: int = 0     # records that span several lines

    @property
    def lineas(self) -> int:
        return self.filas + self.en_blanco + self.continuacion

    def note(self) -> str | None:
        """Why rows and lines differ, in Spanish; None when every line is one row."""
        if not (self.en_blanco or self.continuacion):
            return None
        parts = [f"{self.filas:,} filas"]
        if self.en_blanco:
            parts.append(f"{self.en_blanco:,} líneas en blanco")
        if self.continuacion:
            parts.append(f"{self.continuacion:,} líneas dentro de {self.multilinea:,} textos de varias líneas "
                         "(saltos de línea entre comillas)")
        return f"{self.lineas:,} líneas después del encabezado: " + ", ".join(parts) + "."


class _Lines:
    """The file's physical lines, numbered, with push-back: the lines a broken record swallowed are read again."""

    def __init__(self, fh, first_number: int):
        self._fh = fh
        self._next_number = first_number
        self._pending: deque[tuple[int, str]] = deque()
        self.span: list[tuple[int, str]] = []  # the lines of the record being read
        self._chars = 0
        self.max_lines = MAX_TEXT_LINES

    def start_record(self) -> None:
        self.span, self._chars = [], 0

    def push_back(self, lines: Sequence[tuple[int, str]]) -> None:
        self._pending.extendleft(reversed(lines))

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._pending:
            number, line = self._pending.popleft()
        else:
            line = self._fh.readline()
            if not line:
                raise StopIteration
            number, self._next_number = self._next_number, self._next_number + 1
        self.span.append((number, line))
        self._chars += len(line)
        if len(self.span) > self.max_lines or self._chars > MAX_RECORD_CHARS:
            raise _Runaway
        return line


def split_line(line: str, sep: str) -> list[str]:
    raise_field_limit()
    return next(csv.reader([line], delimiter=sep), [])


class CsvRecords:
    """Iterates (fila, cells) over the records after the header; `rejected` collects (fila, reason) of the lines
    that opened a quote they never closed, `count` how every line was used."""

    def __init__(self, fh, first_line: int, sep: str, headers: Sequence[str], multiline: Sequence[int] = ()):
        self._lines = _Lines(fh, first_line)
        self._sep, self._headers, self._multiline = sep, list(headers), frozenset(multiline)
        self._lines.max_lines = MAX_TEXT_LINES if self._multiline else MAX_PLAIN_LINES
        self.rejected: list[tuple[int, str]] = []
        self.count = LineCount()

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        raise_field_limit()
        reader = csv.reader(self._lines, delimiter=self._sep)
        while True:
            self._lines.start_record()
            try:
                row = next(reader)
            except StopIteration:
                return
            except _Runaway:
                self._reject_runaway(too_long=True)
                reader = csv.reader(self._lines, delimiter=self._sep)  # its state is mid-record
                continue
            span = self._lines.span
            if not span:
                return
            if len(span) > 1 and not self._plausible(row, span):
                self._reject_runaway(too_long=False)
                reader = csv.reader(self._lines, delimiter=self._sep)
                continue
            self.count.filas += 1
            if len(span) > 1:
                self.count.continuacion += len(span) - 1
                self.count.multilinea += 1
            if not row:
                self.count.filas -= 1
                self.count.en_blanco += 1
            yield span[0][0], row

    def _plausible(self, row: list[str], span: list[tuple[int, str]]) -> bool:
        """A record over several lines is believed when none of its inner lines is a whole row of the file and its
        line breaks are in free-text columns (or it is short)."""
        ncols = len(self._headers)
        if any(len(split_line(line.rstrip("\r\n"), self._sep)) >= ncols for _n, line in span[1:]):
            return False
        broken = [i for i, cell in enumerate(row) if "\n" in cell or "\r" in cell]
        if self._multiline and any(i not in self._multiline for i in broken):
            return len(span) <= MAX_PLAIN_LINES
        return True

    def _reject_runaway(self, too_long: bool) -> None:
        """Rejects the record's first line alone; the lines after it are read again as records of their own."""
        span = self._lines.span
        (fila, first), rest = span[0], span[1:]
        cells = split_line(first.rstrip("\r\n"), self._sep)
        column = self._headers[len(cells) - 1] if 0 < len(cells) <= len(self._headers) else None
        where = f" en la columna «{column}»" if column else ""
        swallowed = "más de " + f"{len(rest):,}" if too_long else f"{len(rest):,}"
        self.rejected.append((fila, (
            f"la fila abre comillas{where} que no se cierran en su línea: el texto entre comillas se tragaba "
            f"{swallowed} líneas siguientes, que se leyeron como filas propias. Cómo corregir: cierre las comillas; "
            'unas comillas dentro de un texto se escriben dobles ("").')))
        self.count.filas += 1
        self._lines.push_back(rest)
