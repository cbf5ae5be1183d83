"""`python -m etl build`: inputs + catalogs → a new warehouse file, checked, then swapped in atomically.

A failed build (bad file, broken catalog, --strict with rejected rows, a crash) never touches the warehouse the
dashboard serves: everything is written to a temporary file beside it, which replaces it only at the very end.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import importlib
import os
import shutil
import threading
import time
import tomllib
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

from etl.catalogs import load_catalogs
from etl.inputs import input_files
from etl.privacy import define_masks, masked
from etl.readers import FileError, drop_read_table, read_source, scratch_folder
from etl.sources import SOURCES, Source, folders, stages
from etl.sqlfiles import sql_file
from warehouse.paths import SCHEMA_SQL, catalogos_dir

Progress = Callable[[str], None]


class BuildError(Exception):
    """The build stopped; the served warehouse is untouched. The message says what to fix."""


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


class _FileHashes:
    """The sha256 of each input file for the load record (carga), taken in one background thread at the lowest
    priority: a national requests file costs 1.6 s of a core to hash, which beside DuckDB's parse (two threads on
    two cores) made reading it 0.65 s slower; later in the build, whose Python steps leave a core idle, it costs
    next to nothing. The file's size and modification time are compared after hashing with those it had when it
    was read, so the hash is of the bytes that were loaded."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, initializer=_lowest_priority)
        self._pending: dict[str, Future] = {}

    def submit(self, key: str, path: Path, state: tuple[int, int] | None) -> None:
        self._pending[key] = self._pool.submit(self._hash, path, state)

    @staticmethod
    def _hash(path: Path, state: tuple[int, int] | None) -> str:
        digest = _sha256(path)
        if _file_state(path) != state:
            raise _changed_while_read(path)
        return digest

    def result(self, key: str) -> str:
        return self._pending[key].result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _file_state(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns), or None when the file is gone."""
    try:
        st_ = path.stat()
    except OSError:
        return None
    return st_.st_size, st_.st_mtime_ns


def _changed_while_read(path: Path) -> BuildError:
    return BuildError(f"El archivo {path} cambió mientras se leía: parece que todavía se está copiando o guardando. "
                      "Espere a que termine la copia y vuelva a ejecutar la construcción.")


def _is_disk_full(exc: BaseException | None) -> bool:
    """True when the error, or any error it was raised from, says the disk is full (ENOSPC)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if "No space left on device" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _disk_full(target: Path, work: Path, exc: BaseException) -> BuildError:
    """Names the disk that filled: the build folder beside the warehouse, or wherever the failing write was."""
    where = _failed_path(exc)
    if where is not None and work not in where.parents and where != work and target.parent not in where.parents:
        return BuildError(f"No queda espacio en disco en {where.parent} (carpeta temporal, al escribir {where.name}). "
                          "Libere espacio en esa carpeta y vuelva a intentarlo.")
    return BuildError(f"No queda espacio en disco en {target.parent} para escribir el almacén nuevo. Libere espacio "
                      f"(la construcción escribe un almacén completo y sus temporales en {work.name}, junto a "
                      f"{target.name}, antes de reemplazarlo) y vuelva a intentarlo.")


def _failed_path(exc: BaseException | None) -> Path | None:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.filename:
            return Path(exc.filename)
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


@contextmanager
def _build_lock(db_path: Path):
    """Only one build at a time per warehouse: a second one is refused with a clear message."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"Ya hay otra construcción en curso para {db_path}. Espere a que termine "
                             "y vuelva a intentarlo.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_leftovers(db_path: Path) -> None:
    """Build folders of builds that crashed (kill -9, power loss) are removed, with the temporary files of older
    versions; we hold the lock, so none is live."""
    for leftover in [*db_path.parent.glob(f".{db_path.name}.build-*"), *db_path.parent.glob(f".{db_path.name}.spill-*")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


# Each file is read into its own table of an in-memory scratch database: raw rows never go through the
# warehouse's write-ahead log and checkpoints, and are never copied: raw_<fuente> is a view over its files.
READ_DB = "lectura"
MEMORY_ENV = "TABLERO_MEMORIA_DUCKDB"
# DuckDB's share; with Python's, the national build (bench/, 5 M requests) peaks at 1.7 GiB, under the 2 GiB target.
# 1.2GB made staging the requests spill to disk and back (0.3–0.5 s more of the load at 5 M, same peak: the
# peak comes from later phases); 1GB did not lower the peak.
DEFAULT_MEMORY = "1.4GB"


def _duckdb_config(spill: Path) -> dict[str, str]:
    """A bounded buffer pool: past the limit DuckDB spills to `spill` (beside the warehouse, removed after
    the build) instead of taking 80 % of the machine's memory as it does by default."""
    return {"memory_limit": os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY, "temp_directory": str(spill)}


def build_warehouse(inputs_dir: Path, db_path: Path, *, strict: bool = False,
                    progress: Progress | None = None, today: dt.date | None = None,
                    participacion: str | None = None) -> BuildReport:
    """Builds the warehouse from `inputs_dir` into `db_path`. Raises BuildError (nothing swapped) on failure.
    `participacion`: the URL of the participación store whose citizens' evaluations to read (None: none).

    Everything temporary (the new warehouse, DuckDB's spill, transcoded copies of the inputs, which hold whole
    request texts) lives in one build folder beside the served file, removed on every way out and, after a kill,
    by the next build. A symlinked `db_path` is followed: the lock and the swap are on the file it points to, so it
    stays a symlink and two builds through two names of one file cannot run at once."""
    say = progress or (lambda _msg: None)
    db_path = Path(db_path)
    target = _writable_target(db_path)
    today = today or dt.date.today()
    started = time.perf_counter()
    build_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    with _build_lock(target):
        _remove_leftovers(target)
        work = target.with_name(f".{target.name}.build-{build_id}")
        tmp = work / target.name
        try:
            work.mkdir()
            con = duckdb.connect(str(tmp), config=_duckdb_config(work / "spill"))
            try:
                with scratch_folder(work):
                    report = _build_into(con, Path(inputs_dir), build_id, today, say, (participacion, work))
                report.db_path = db_path
                if strict and report.filas_rechazadas:
                    raise BuildError(f"Modo estricto: {report.filas_rechazadas} filas rechazadas (vea el resumen). "
                                     "Corrija los archivos o construya sin --strict.")
                with _timed(report.fases, "revision_y_escritura"):
                    _check(con)
                    con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(tmp, target)
        except BaseException as exc:
            if _is_disk_full(exc):
                raise _disk_full(target, work, exc) from exc
            raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    report.segundos = time.perf_counter() - started
    return report


def _writable_target(db_path: Path) -> Path:
    """The file a build will replace (db_path, or the file a symlinked db_path points to), checked before any work:
    a folder, a read-only file or a folder that cannot be written get a message, not a traceback at the end."""
    if db_path.is_dir():
        raise BuildError(f"--db «{db_path}» es una carpeta, no un archivo. Indique el archivo del almacén, por ejemplo "
                         f"{db_path / 'tablero.duckdb'}.")
    target = db_path.resolve() if db_path.is_symlink() else db_path.absolute()
    if target.is_dir():
        raise BuildError(f"--db «{db_path}» apunta a la carpeta {target}, no a un archivo. Indique el archivo del "
                         "almacén.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"No se puede crear la carpeta {target.parent} para el almacén ({exc.strerror or exc}). "
                         "Revise la ruta de --db y los permisos.") from None
    if target.exists() and (not target.stat().st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise BuildError(f"El almacén {db_path} es de solo lectura: la construcción no lo reemplazará. Quítele la "
                         "protección contra escritura (chmod u+w) o indique otro archivo con --db.")
    if not os.access(target.parent, os.W_OK | os.X_OK) or os.statvfs(target.parent).f_flag & os.ST_RDONLY:
        raise BuildError(f"No se puede escribir en la carpeta {target.parent} (solo lectura o sin permiso): la "
                         "construcción escribe el almacén nuevo junto al anterior. Indique con --db un archivo en una "
                         "carpeta con permiso de escritura.")
    return target


@contextmanager
def _timed(fases: dict[str, float], name: str):
    """Adds the wall time of the block to fases[name] (bench/ and `python -m etl build --tiempos` show them)."""
    t0 = time.perf_counter()
    try:
        yield
    finally:
        fases[name] = fases.get(name, 0.0) + time.perf_counter() - t0


def _build_into(con: duckdb.DuckDBPyConnection, inputs: Path, build_id: str, today: dt.date,
                say: Progress, store: tuple[str | None, Path]) -> BuildReport:
    fases: dict[str, float] = {}
    started = time.perf_counter()
    for schema in sorted(SCHEMA_SQL.parent.glob("schema*.sql")):  # schema.sql first, then each domain's
        con.execute(schema.read_text(encoding="utf-8"))
    con.execute(sql_file("macros.sql"))
    define_masks(con)
    con.execute("ATTACH ':memory:' AS lectura")
    say("Cargando catálogos…")
    try:
        load_catalogs(con, catalogos_dir())
    except Exception as exc:  # CatalogError carries the full list
        raise BuildError(str(exc)) from exc
    fases["catalogos"] = time.perf_counter() - started
    reports: list[FileReport] = []
    empty: list[str] = []
    con.execute("CREATE TEMP TABLE carga_orden (carga_id VARCHAR, archivo_orden INTEGER)")
    con.execute(f"CREATE TABLE {READ_DB}.archivo_leido (n INTEGER, fuente VARCHAR, carga_id VARCHAR, "
                "archivo VARCHAR, layout VARCHAR)")
    hashes = _FileHashes()
    metadata: dict[str, str | None] = {}
    by_folder = folders()
    try:
        for stage, stage_folders in stages():
            for folder in stage_folders:
                files = _source_files(by_folder[folder][0], inputs, store)
                if not files:
                    empty.append(folder)
                    where = inputs / folder if by_folder[folder][0].snapshot is None else "el almacén de participación"
                    say(f"Sin datos en {where}: la fuente '{folder}' queda sin datos.")
                with _timed(fases, f"lectura_{folder}"):
                    reports += _load_folder(con, by_folder[folder], files, build_id, hashes, say)
                for source in by_folder[folder]:
                    _create_raw_view(con, source)
            say(f"Normalizando y validando: {', '.join(stage_folders)}…")
            with _timed(fases, stage.__name__.replace("stage_", "etapa_")):
                metadata.update(stage(con, today))
                for folder in stage_folders:  # staged: the raw rows are not needed any more
                    for source in by_folder[folder]:
                        release_raw(con, source.fuente)
        from indicators.compute import compute_indicators  # late import: indicators depend on the loaded tables
        # The stages' metadata first: the indicators read the cut-off date (open requests, preliminary periods).
        con.executemany("INSERT INTO metadatos VALUES (?, ?)", sorted(metadata.items()))
        say("Calculando indicadores…")
        with _timed(fases, "indicadores"):
            compute_indicators(con, fases=fases)
        with _timed(fases, "bitacora"):
            _finish_log(con, reports, hashes)
    finally:
        hashes.close()
    finished = {"build_id": build_id, "construido_en": dt.datetime.now().isoformat(timespec="seconds"),
                "fuentes_sin_datos": ",".join(empty)}
    con.executemany("INSERT INTO metadatos VALUES (?, ?)", sorted(finished.items()))
    metadata.update(finished)
    # With no row-level requests, the data run up to the end of the last published quarter.
    metadata["fecha_corte"] = metadata.get("fecha_corte") or metadata.get("fecha_corte_estadistica")
    corte = metadata["fecha_corte"]
    return BuildReport(build_id, Path(), dt.date.fromisoformat(corte) if corte else None, reports, empty, 0.0, fases)


def _source_files(source: Source, inputs: Path, store: tuple[str | None, Path]) -> list[Path]:
    """The files to read for a folder: its input files, or the snapshot a store source writes into the build folder."""
    if source.snapshot is None:
        return input_files(inputs / source.folder)
    url, work = store
    module, function = source.snapshot.split(":")
    try:
        return getattr(importlib.import_module(module), function)(url, work / source.folder)
    except FileError as exc:
        raise BuildError(str(exc)) from exc


def _load_folder(con, sources: list[Source], files: list[Path], build_id: str, hashes: _FileHashes,
                 say: Progress) -> list[FileReport]:
    """Reads every file of a folder into the raw table of the source its headers say it is."""
    by_fuente = {s.fuente: s for s in sources}
    folder = sources[0].folder
    reports = []
    for n, path in enumerate(files, start=1):
        t0 = time.perf_counter()
        say(f"[{folder} {n}/{len(files)}] Leyendo {path.name}…")
        carga_id = f"{build_id}-{folder[:3]}-{n:03d}"
        fuentes = sources[0].fuente if len(sources) == 1 else tuple(by_fuente)
        reader = _reader_of(sources[0]) if len(sources) == 1 else read_source
        number = con.execute(f"SELECT count(*) + 1 FROM {READ_DB}.archivo_leido").fetchone()[0]
        result, state = _read_stable(reader, path, fuentes, con, _read_table(number))
        # A workbook with several sheets of data: each sheet is a load of its own (its rows, rejects and counts).
        sheets = [result, *getattr(result, "hojas", [])]
        for k, sheet in enumerate(sheets, start=1):
            sheet_carga = carga_id if k == 1 else f"{carga_id}.{k}"
            if k > 1:
                number += 1
                con.execute(f"ALTER TABLE {sheet.table} RENAME TO {_read_table(number).split('.')[-1]}")
            hashes.submit(sheet_carga, path, state)
            name = path.name if len(sheets) == 1 else f"{path.name} (hoja {sheet.hoja})"
            reports.append(_log_read(con, by_fuente, sources, number, sheet_carga, name, sheet))
            reports[-1].segundos = (time.perf_counter() - t0) / len(sheets)
        say(f"[{folder} {n}/{len(files)}] {path.name}: {sum(r.filas_leidas for r in sheets):,} filas "
            f"({result.layout}, {time.perf_counter() - t0:.1f} s)")
    return reports


def _log_read(con, by_fuente, sources, number: int, carga_id: str, name: str, result) -> FileReport:
    """Records a file (or a workbook's sheet) read: archivo_leido, the reader's own rejects, its FileReport."""
    source = by_fuente[getattr(result, "fuente", None) or sources[0].fuente]
    # The file's name is shown (loads, rejects): identifiers in it are masked like any kept text.
    archivo = masked(con, name)
    con.execute(f"INSERT INTO {READ_DB}.archivo_leido VALUES (?, ?, ?, ?, ?)",
                [number, source.fuente, carga_id, archivo, result.layout])
    for fila, motivo in result.rechazos:
        con.execute("INSERT INTO rechazo VALUES (?, ?, ?, NULL, NULL, sin_identificadores(?))",
                    [carga_id, archivo, fila, motivo])
    # Rows the reader itself could not use are rejects too: they count as read.
    rep = FileReport(source.fuente, archivo, result.layout, filas_leidas=result.filas_leidas + len(result.rechazos),
                     avisos=[masked(con, a) for a in result.avisos])
    rep.carga_id, rep.codificacion = carga_id, result.codificacion
    return rep


def _read_table(number: int) -> str:
    return f"{READ_DB}.archivo_{number:04d}"


def _create_raw_view(con, source: Source) -> None:
    """raw_<fuente>: the rows of every file read for the fuente, with the file's carga_id, name and layout; a
    fuente with no file gets an empty table with its columns. The files' own tables are dropped with the scratch
    database at the end of the build: only staged facts belong in the warehouse, not a file's raw rows."""
    numbers = [n for (n,) in con.execute(f"SELECT n FROM {READ_DB}.archivo_leido WHERE fuente = ? ORDER BY n",
                                         [source.fuente]).fetchall()]
    if not numbers:
        con.execute(f"CREATE TEMP TABLE {source.raw} AS SELECT ''::VARCHAR AS carga_id, ''::VARCHAR AS archivo, "
                    f"''::VARCHAR AS layout, 0::BIGINT AS fila, {_empty_columns(source)} LIMIT 0")
        return
    # carga_id as an ENUM of the fuente's files: as text it is 30 bytes on every row of every staging table
    # (180 MB for a national requests file), as an ENUM one byte; SQL still reads it as text.
    carga = f"{READ_DB}.main.carga_{source.fuente}"
    con.execute(f"CREATE OR REPLACE TYPE {carga} AS ENUM "
                f"(SELECT carga_id FROM {READ_DB}.archivo_leido WHERE fuente = ? ORDER BY n)", [source.fuente])
    # n is an integer of ours, never data: the file's name and layout come from archivo_leido.
    parts = [f"SELECT CAST(a.carga_id AS {carga}) AS carga_id, a.archivo, a.layout, f.* "
             f"FROM {_read_table(n)} f, {READ_DB}.archivo_leido a WHERE a.n = {int(n)}" for n in numbers]
    con.execute(f"CREATE TEMP VIEW {source.raw} AS " + " UNION ALL BY NAME ".join(parts))


def release_raw(con, fuente: str) -> None:
    """Frees the raw rows of a fuente once its staging table holds everything later steps need: a national
    requests file is about a gigabyte of text that would otherwise sit in the buffer pool while the facts are
    written, pushing the staging rows out to disk and back. raw_<fuente> is gone after this. The build calls it
    after each stage; a stage may call it sooner (stage_requests does, before writing solicitud)."""
    source = next(s for s in SOURCES if s.fuente == fuente)
    numbers = con.execute(f"SELECT n FROM {READ_DB}.archivo_leido WHERE fuente = ?", [fuente]).fetchall()
    drop_read_table(con, source.raw)  # the view over the files, or the empty table of a fuente without files
    for (n,) in numbers:
        drop_read_table(con, _read_table(n))


def _read_stable(reader, path: Path, fuentes, con, table: str):
    """Reads a file into `table` and proves it did not change meanwhile: a copy still in progress would
    otherwise load half a file and call it complete."""
    before = _file_state(path)
    try:
        result = reader(path, fuentes, con, table)
    except Exception as exc:
        if _file_state(path) != before:
            raise _changed_while_read(path) from exc
        if isinstance(exc, FileError):
            raise BuildError(str(exc)) from exc
        raise BuildError(f"No se pudo leer {path}: {exc}. Revise que el archivo esté completo y "
                         "no esté abierto en otro programa.") from exc
    if _file_state(path) != before:
        raise _changed_while_read(path)
    return result, before


def _reader_of(source: Source):
    if source.reader is None:
        return read_source
    module, function = source.reader.split(":")
    return getattr(importlib.import_module(module), function)


def _empty_columns(source: Source) -> str:
    """The raw columns of a source: its canonical fields, or the FIELDS of its own reader module."""
    if source.reader:
        fields = importlib.import_module(source.reader.split(":")[0]).FIELDS
    else:
        layouts = tomllib.loads((Path(__file__).resolve().parent / "layouts.toml").read_text(encoding="utf-8"))
        fields = layouts["canonical"][source.fuente]["fields"]
    return ", ".join(f'NULL::VARCHAR AS "{c}"' for c in fields)


def _finish_log(con, reports: list[FileReport], hashes: _FileHashes) -> None:
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
        con.execute("INSERT INTO carga VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?)", [
            rep.carga_id, rep.carga_id.rsplit("-", 2)[0], rep.fuente, rep.archivo, rep.sha256, rep.layout,
            rep.codificacion, rep.filas_leidas, rep.filas_cargadas, rep.filas_rechazadas, rep.filas_duplicadas,
            rep.segundos, " ".join(rep.avisos) or None])


def _check(con) -> None:
    """Invariants checked before the swap: a build that breaks them is not served."""
    lost = con.execute("""SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas FROM carga
                          WHERE filas_leidas <> filas_cargadas + filas_rechazadas + filas_duplicadas""").fetchall()
    if lost:
        raise BuildError("Comprobación fallida: filas sin destino en " +
                         "; ".join(f"{a} (leídas {r}, cargadas {c}, rechazadas {x}, duplicadas {d})"
                                   for a, r, c, x, d in lost))
    repeated = con.execute("SELECT count(*) - count(DISTINCT folio) FROM solicitud").fetchall()[0][0]
    if repeated:
        raise BuildError(f"Comprobación fallida: {repeated} folios repetidos en solicitud.")
    # Days, counts and percentages cannot be negative; only a change in points (a variation) can.
    negative = con.execute("""SELECT (SELECT count(*) FROM solicitud WHERE dias_habiles_respuesta < 0)
                                     + (SELECT count(*) FROM indicador_valor v JOIN indicador i USING (indicador)
                                        WHERE v.denominador < 0
                                           OR (i.unidad <> 'puntos' AND (v.valor < 0 OR v.numerador < 0)))
                              """).fetchall()[0][0]
    if negative:
        raise BuildError(f"Comprobación fallida: {negative} días hábiles o valores de indicadores negativos donde su "
                         "unidad no lo admite.")
    orphans = con.execute("SELECT count(*) FROM solicitud s ANTI JOIN ente e USING (ente_id)").fetchall()[0][0]
    if orphans:
        raise BuildError(f"Comprobación fallida: {orphans} solicitudes con un ente fuera del catálogo.")
    if con.execute("SELECT count(*) FROM solicitud").fetchall()[0][0] and \
            not con.execute("SELECT count(*) FROM indicador_valor").fetchall()[0][0]:
        raise BuildError("Comprobación fallida: hay solicitudes pero no se calcularon indicadores.")
