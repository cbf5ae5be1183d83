"""Every load has an id and a record (dlt's load packages): each file of a folder is read into its raw table and
listed (lectura.archivo_leido), the rows its reader could not use go to rechazo, and at the end of the build each
file's carga row says read = loaded + rejected + superseded duplicates, with the sha256 of the bytes loaded."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from common.errors import BuildError, FileError
from etl import raw
from etl.read.privacy import masked
from etl.read.source import reader_for
from etl.sources import SOURCES, Source

Progress = Callable[[str], None]


@dataclass
class FileReport:
    fuente: str
    archivo: str
    layout: str
    filas_leidas: int = 0
    filas_cargadas: int = 0
    filas_rechazadas: int = 0
    filas_duplicadas: int = 0
    segundos: float = 0.0
    avisos: list[str] = field(default_factory=list)
    carga_id: str = ""
    codificacion: str | None = None
    sha256: str = ""


@dataclass
class BuildReport:
    build_id: str
    db_path: Path
    fecha_corte: dt.date | None
    archivos: list[FileReport]
    fuentes_vacias: list[str]
    segundos: float
    fases: dict[str, float] = field(default_factory=dict)  # seconds per phase (catalogs, each folder, each stage…)

    @property
    def filas_rechazadas(self) -> int:
        return sum(f.filas_rechazadas for f in self.archivos)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _lowest_priority() -> None:
    """Runs this thread at nice 19 (Linux sets priority per thread): it then only takes CPU the build leaves idle."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):  # not Linux, or not allowed: the thread just runs at normal priority
        pass


class FileHashes:
    """The sha256 of each input file for the load record (carga), taken in one background thread at the lowest
    priority: beside DuckDB's parse (two threads on two cores) hashing would slow the read; later in the build,
    whose Python steps leave a core idle, it costs next to nothing. The file's size and modification time are
    compared after hashing with those it had when it was read, so the hash is of the bytes that were loaded."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, initializer=_lowest_priority)
        self._pending: dict[str, Future] = {}

    def submit(self, key: str, path: Path, state: tuple[int, int] | None) -> None:
        self._pending[key] = self._pool.submit(self._hash, path, state)

    @staticmethod
    def _hash(path: Path, state: tuple[int, int] | None) -> str:
        digest = _sha256(path)
        if file_state(path) != state:
            raise changed_while_read(path)
        return digest

    def result(self, key: str) -> str:
        return self._pending[key].result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def file_state(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns), or None when the file is gone."""
    try:
        st_ = path.stat()
    except OSError:
        return None
    return st_.st_size, st_.st_mtime_ns


def changed_while_read(path: Path) -> BuildError:
    return BuildError(f"El archivo {path} cambió mientras se leía: parece que todavía se está copiando o guardando. "
                      "Espere a que termine la copia y vuelva a ejecutar la construcción.")


def load_folder(con: duckdb.DuckDBPyConnection, sources: list[Source], files: list[Path], build_id: str,
                hashes: FileHashes, say: Progress) -> list[FileReport]:
    """Reads every file of a folder into the raw table of the source its headers say it is."""
    by_fuente = {s.fuente: s for s in sources}
    folder = sources[0].folder
    reader = reader_for(tuple(by_fuente))
    reports = []
    for n, path in enumerate(files, start=1):
        t0 = time.perf_counter()
        say(f"[{folder} {n}/{len(files)}] Leyendo {path.name}…")
        carga_id = f"{build_id}-{folder[:3]}-{n:03d}"
        fuentes = sources[0].fuente if len(sources) == 1 else tuple(by_fuente)
        number = raw.next_number(con)
        result, state = _read_stable(reader, path, fuentes, con, raw.read_table(number))
        # A workbook with several sheets of data: each sheet is a load of its own (its rows, rejects and counts).
        sheets = [result, *getattr(result, "hojas", [])]
        for k, sheet in enumerate(sheets, start=1):
            sheet_carga = carga_id if k == 1 else f"{carga_id}.{k}"
            if k > 1:
                number += 1
                con.execute(f"ALTER TABLE {sheet.table} RENAME TO {raw.read_table(number).split('.')[-1]}")
            hashes.submit(sheet_carga, path, state)
            name = path.name if len(sheets) == 1 else f"{path.name} (hoja {sheet.hoja})"
            reports.append(_log_read(con, by_fuente, sources, number, sheet_carga, name, sheet))
            reports[-1].segundos = (time.perf_counter() - t0) / len(sheets)
        say(f"[{folder} {n}/{len(files)}] {path.name}: {sum(r.filas_leidas for r in sheets):,} filas "
            f"({result.layout}, {time.perf_counter() - t0:.1f} s)")
    return reports


def _read_stable(reader, path: Path, fuentes, con, table: str):
    """Reads a file into `table` and proves it did not change meanwhile: a copy still in progress would
    otherwise load half a file and call it complete."""
    before = file_state(path)
    try:
        result = reader(path, fuentes, con, table)
    except Exception as exc:
        if file_state(path) != before:
            raise changed_while_read(path) from exc
        if isinstance(exc, FileError):
            raise BuildError(str(exc)) from exc
        raise BuildError(f"No se pudo leer {path}: {exc}. Revise que el archivo esté completo y "
                         "no esté abierto en otro programa.") from exc
    if file_state(path) != before:
        raise changed_while_read(path)
    return result, before


def _log_read(con, by_fuente, sources, number: int, carga_id: str, name: str, result) -> FileReport:
    """Records a file (or a workbook's sheet) read: archivo_leido, the reader's own rejects, its FileReport."""
    source = by_fuente[getattr(result, "fuente", None) or sources[0].fuente]
    # The file's name is shown (loads, rejects): identifiers in it are masked like any kept text.
    archivo = masked(con, name)
    raw.record_file(con, number, source.fuente, carga_id, archivo, result.layout)
    for fila, motivo in result.rechazos:
        con.execute("INSERT INTO rechazo (carga_id, archivo, fila, columna, valor, motivo) "
                    "VALUES (?, ?, ?, NULL, NULL, sin_identificadores(?))", [carga_id, archivo, fila, motivo])
    # Rows the reader itself could not use are rejects too: they count as read.
    return FileReport(source.fuente, archivo, result.layout, filas_leidas=result.filas_leidas + len(result.rechazos),
                      avisos=[masked(con, a) for a in result.avisos], carga_id=carga_id,
                      codificacion=result.codificacion)


def finish_log(con: duckdb.DuckDBPyConnection, reports: list[FileReport], hashes: FileHashes) -> None:
    """Counts per file: read = loaded + rejected + superseded duplicates. Nothing is lost silently."""
    by_fuente = {s.fuente: s for s in SOURCES}
    for rep in reports:
        rep.sha256 = hashes.result(rep.carga_id)
        source = by_fuente[rep.fuente]
        one = lambda sql: con.execute(sql, [rep.carga_id]).fetchall()[0][0]  # noqa: E731
        rep.filas_cargadas = one(f"SELECT count(*) FROM {source.final} WHERE carga_id = ?")
        rep.filas_rechazadas = one("SELECT count(*) FROM rechazo WHERE carga_id = ?")
        good = one(f"SELECT count(*) FROM {source.stg} WHERE carga_id = ? AND motivo IS NULL")
        rep.filas_duplicadas = good - rep.filas_cargadas
        con.execute("""INSERT INTO carga (carga_id, build_id, fuente, archivo, sha256, layout, codificacion,
                                          filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas, inicio,
                                          segundos, avisos)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?)""", [
            rep.carga_id, rep.carga_id.rsplit("-", 2)[0], rep.fuente, rep.archivo, rep.sha256, rep.layout,
            rep.codificacion, rep.filas_leidas, rep.filas_cargadas, rep.filas_rechazadas, rep.filas_duplicadas,
            rep.segundos, " ".join(rep.avisos) or None])
