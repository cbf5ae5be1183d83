"""`python -m etl build`: inputs + catalogs → a new warehouse file, checked, then swapped in atomically.

The orchestration only, on top of everything and imported by nothing but the command line: take the lock, create
the new file beside the served one, load the catalogs, read and stage one domain after another, compute the
indicators, write the load log, check the invariants and swap. A failed build (bad file, broken catalog, --strict
with rejected rows, a crash) never touches the warehouse the dashboard serves.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.errors import BuildError, CatalogError, FileError
from common.paths import catalogos_dir
from common.schema import create_warehouse_schema
from etl import raw, sql
from etl.checks import check
from etl.load_log import BuildReport, FileHashes, FileReport, Progress, finish_log, load_folder
from etl.lock import build_lock, remove_leftovers
from etl.read.participacion import write_snapshot
from common.masks import define_masks
from etl.read.text import scratch_folder
from etl.sources import Source, folders, input_files
from etl.staging import capacitacion, estadistica, evaluaciones, recursos, solicitudes, verificacion
from etl.staging.catalogs import load_catalogs
from etl.swap import named_disk_full, swap_in, writable_target
from indicators.compute import compute_indicators

# Each stage maps and checks its domain's raw tables, writes rejects and fills its final tables; it returns entries
# for the metadatos table (e.g. the data cut-off date). Stages run in this order, each right after the folders it
# reads: only one domain's raw rows are in memory at a time (a national build holds gigabytes of them).
Stage = Callable[[duckdb.DuckDBPyConnection, dt.date], dict[str, str | None]]
STAGES: tuple[tuple[str, Stage, tuple[str, ...]], ...] = (
    ("solicitudes", solicitudes.stage, ("solicitudes",)),
    ("recursos", recursos.stage, ("recursos",)),  # after requests: an appeal counts in its request's month
    ("estadistica", estadistica.stage, ("estadistica_trimestral",)),
    ("capacitacion", capacitacion.stage, ("capacitacion",)),
    ("verificacion", verificacion.stage, ("verificaciones",)),
    # after verification: the citizens' evaluations are checked against the obligations it loads
    ("evaluaciones", evaluaciones.stage, ("almacen_participacion",)),
)
MEMORY_ENV = "TABLERO_MEMORIA_DUCKDB"
# DuckDB's share of the build's memory (README, Rendimiento: the national build stays under 2 GiB).
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
    target = writable_target(db_path)
    today = today or dt.date.today()
    started = time.perf_counter()
    build_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    with build_lock(target):
        remove_leftovers(target)
        work = target.with_name(f".{target.name}.build-{build_id}")
        tmp = work / target.name
        try:
            with named_disk_full(target, work):
                work.mkdir()
                con = duckdb.connect(str(tmp), config=_duckdb_config(work / "spill"))
                try:
                    with scratch_folder(work):
                        report = _build_into(con, Path(inputs_dir), build_id, today, say, (participacion, work))
                    report.db_path = db_path
                    if strict and report.filas_rechazadas:
                        raise BuildError(f"Modo estricto: {report.filas_rechazadas} filas rechazadas (vea el "
                                         "resumen). Corrija los archivos o construya sin --strict.")
                    with _timed(report.fases, "revision_y_escritura"):
                        check(con)
                        con.execute("CHECKPOINT")
                finally:
                    con.close()
                swap_in(tmp, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    report.segundos = time.perf_counter() - started
    return report


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
    create_warehouse_schema(con)
    con.execute(sql("functions/macros.sql"))
    con.execute(sql("functions/plazo.sql"))  # persisted in the warehouse: the deadline calculator runs them too
    define_masks(con)
    raw.prepare(con)
    say("Cargando catálogos…")
    try:
        load_catalogs(con, catalogos_dir())
    except CatalogError as exc:  # it carries the full list of problems
        raise BuildError(str(exc)) from exc
    fases["catalogos"] = time.perf_counter() - started
    reports: list[FileReport] = []
    empty: list[str] = []
    hashes = FileHashes()
    metadata: dict[str, str | None] = {}
    by_folder = folders()
    try:
        for name, stage, stage_folders in STAGES:
            for folder in stage_folders:
                files = _source_files(by_folder[folder][0], inputs, store)
                if not files:
                    empty.append(folder)
                    where = "el almacén de participación" if by_folder[folder][0].store else inputs / folder
                    say(f"Sin datos en {where}: la fuente '{folder}' queda sin datos.")
                with _timed(fases, f"lectura_{folder}"):
                    reports += load_folder(con, by_folder[folder], files, build_id, hashes, say)
                for source in by_folder[folder]:
                    raw.create_raw_view(con, source)
            say(f"Normalizando y validando: {', '.join(stage_folders)}…")
            with _timed(fases, f"etapa_{name}"):
                metadata.update(stage(con, today))
                for folder in stage_folders:  # staged: the raw rows are not needed any more
                    for source in by_folder[folder]:
                        raw.release_raw(con, source.fuente)
        # The stages' metadata first: the indicators read the cut-off date (open requests, preliminary periods).
        _write_metadata(con, metadata)
        say("Calculando indicadores…")
        with _timed(fases, "indicadores"):
            compute_indicators(con, fases=fases)
        with _timed(fases, "bitacora"):
            finish_log(con, reports, hashes)
    finally:
        hashes.close()
    finished = {"build_id": build_id, "construido_en": dt.datetime.now().isoformat(timespec="seconds"),
                "fuentes_sin_datos": ",".join(empty)}
    _write_metadata(con, finished)
    metadata.update(finished)
    # With no row-level requests, the data run up to the end of the last published quarter.
    metadata["fecha_corte"] = metadata.get("fecha_corte") or metadata.get("fecha_corte_estadistica")
    corte = metadata["fecha_corte"]
    return BuildReport(build_id, Path(), dt.date.fromisoformat(corte) if corte else None, reports, empty, 0.0, fases)


def _source_files(source: Source, inputs: Path, store: tuple[str | None, Path]) -> list[Path]:
    """The files to read for a folder: its input files, or the snapshot of the store written into the build folder."""
    if not source.store:
        return input_files(inputs / source.folder)
    url, work = store
    try:
        return write_snapshot(url, work / source.folder)
    except FileError as exc:
        raise BuildError(str(exc)) from exc


def _write_metadata(con: duckdb.DuckDBPyConnection, entries: dict[str, str | None]) -> None:
    insert_rows(con, "metadatos", ["clave", "valor"], sorted(entries.items()))
