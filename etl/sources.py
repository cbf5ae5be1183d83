"""The registry of input sources and the staging step of each domain.

A source is a kind of input file: which folder it lives in, the raw table the reader fills, the staging
table (one row per source row, with `motivo` NULL for a good row) and the final table (with `carga_id`).
The build counts, per file, read = loaded + rejected + superseded duplicates from these tables.
A domain adds its sources here and one stage function; the build needs no other change.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import duckdb


@dataclass(frozen=True)
class Source:
    fuente: str   # key of [canonical.<fuente>] in etl/layouts.toml
    folder: str   # folder under the inputs directory
    raw: str      # raw table the reader fills (all canonical fields as text, plus fila)
    stg: str      # staging table: carga_id, motivo (NULL = good row)
    final: str    # final warehouse table: carga_id
    reader: str | None = None  # "module:function" with read_source's signature, for layouts that are not tables
    # "module:function(store_url, folder) -> [paths]": a source that is not a folder of inputs but a snapshot of a
    # store, written as files into the build's own folder when the build reaches it (`folder` is then only a name).
    snapshot: str | None = None


SOURCES: tuple[Source, ...] = (
    Source("solicitudes", "solicitudes", "raw_solicitud", "stg_solicitud", "solicitud"),
    Source("recursos", "recursos", "raw_recurso", "stg_recurso", "recurso_revision"),
    Source("estadistica_trimestral", "estadistica_trimestral", "raw_estadistica", "stg_estadistica",
           "solicitud_estadistica", reader="etl.quarterly:read_quarterly"),
    # Training: four kinds of file in one folder, told apart by their headers (etl/stage_training.py).
    Source("cursos", "capacitacion", "raw_curso", "stg_curso", "curso"),
    Source("asistencias", "capacitacion", "raw_asistencia", "stg_asistencia", "asistencia"),
    Source("plantillas", "capacitacion", "raw_plantilla", "stg_plantilla", "plantilla"),
    Source("eventos", "capacitacion", "raw_evento", "stg_evento", "evento_publico"),
    # Verification of transparency obligations: one fuente, criterion or fracción level per row.
    Source("verificaciones", "verificaciones", "raw_verificacion", "stg_verificacion", "verificacion_resultado"),
    # Citizens' evaluations: a snapshot of the participación store (etl/participacion_snapshot.py), not input files.
    Source("evaluaciones_ciudadanas", "almacen_participacion", "raw_evaluacion", "stg_evaluacion",
           "evaluacion_ciudadana", reader="etl.participacion_snapshot:read_snapshot",
           snapshot="etl.participacion_snapshot:write_snapshot"),
)

# Each stage maps and checks its raw tables, writes rejects and fills its final tables; it returns entries for
# the metadatos table (e.g. the data cut-off date). Stages run in this order, each right after the folders it
# reads: only one domain's raw rows are in memory at a time (a national build holds gigabytes of them).
Stage = Callable[[duckdb.DuckDBPyConnection, dt.date], dict[str, str | None]]


def stages() -> list[tuple[Stage, tuple[str, ...]]]:
    """(stage, the input folders whose raw tables it reads), in build order. Every folder is read by one stage."""
    from etl.stage_history import stage_history
    from etl.stage_requests import stage_appeals, stage_requests
    from etl.stage_training import stage_training
    from etl.stage_evaluations import stage_evaluations
    from etl.stage_verification import stage_verification
    return [(stage_requests, ("solicitudes",)), (stage_appeals, ("recursos",)),
            (stage_history, ("estadistica_trimestral",)), (stage_training, ("capacitacion",)),
            (stage_verification, ("verificaciones",)), (stage_evaluations, ("almacen_participacion",))]


def folders() -> dict[str, list[Source]]:
    """Sources grouped by input folder, in registry order."""
    grouped: dict[str, list[Source]] = {}
    for source in SOURCES:
        grouped.setdefault(source.folder, []).append(source)
    return grouped
