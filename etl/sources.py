"""The input sources: which folder of data/inputs/ each kind of file lives in, the raw table its reader fills, its
staging table (one row per source row, `motivo` NULL for a good row) and the final table (with `carga_id`); and
which files of a folder are inputs at all.

The build counts, per file, read = loaded + rejected + superseded duplicates from these tables. A domain adds its
sources here, its reader (etl/layouts.toml, or a reader of its own in etl/read/source.py) and one staging module
listed in etl/build.py; nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    fuente: str   # key of [canonical.<fuente>] in etl/layouts.toml
    folder: str   # folder under the inputs directory
    raw: str      # raw table the reader fills (all canonical fields as text, plus fila)
    stg: str      # staging table: carga_id, motivo (NULL = good row)
    final: str    # final warehouse table: carga_id
    # A source that is no folder of inputs but a snapshot of the participación store, written into the build's own
    # folder when the build reaches it (etl/read/participacion.py); `folder` is then only a name.
    store: bool = False


SOURCES: tuple[Source, ...] = (
    Source("solicitudes", "solicitudes", "raw_solicitud", "stg_solicitud", "solicitud"),
    Source("recursos", "recursos", "raw_recurso", "stg_recurso", "recurso_revision"),
    Source("estadistica_trimestral", "estadistica_trimestral", "raw_estadistica", "stg_estadistica",
           "solicitud_estadistica"),
    # Training: four kinds of file in one folder, told apart by their headers.
    Source("cursos", "capacitacion", "raw_curso", "stg_curso", "curso"),
    Source("asistencias", "capacitacion", "raw_asistencia", "stg_asistencia", "asistencia"),
    Source("plantillas", "capacitacion", "raw_plantilla", "stg_plantilla", "plantilla"),
    Source("eventos", "capacitacion", "raw_evento", "stg_evento", "evento_publico"),
    # Verification of transparency obligations: one fuente, criterion or fracción level per row.
    Source("verificaciones", "verificaciones", "raw_verificacion", "stg_verificacion", "verificacion_resultado"),
    # Citizens' evaluations: a snapshot of the participación store, not input files.
    Source("evaluaciones_ciudadanas", "almacen_participacion", "raw_evaluacion", "stg_evaluacion",
           "evaluacion_ciudadana", store=True),
)
# Partial downloads and copies in progress are not inputs yet; `python -m etl fetch` leaves a NAME.fetch.json
# sidecar (provenance) next to each file it downloads.
SKIPPED_SUFFIXES = (".md", ".part", ".partial", ".crdownload", ".download", ".tmp", ".fetch.json")


def source(fuente: str) -> Source:
    return next(s for s in SOURCES if s.fuente == fuente)


def folders() -> dict[str, list[Source]]:
    """Sources grouped by input folder, in registry order."""
    grouped: dict[str, list[Source]] = {}
    for s in SOURCES:
        grouped.setdefault(s.folder, []).append(s)
    return grouped


def folder_of(fuente: str) -> str:
    """The input folder of a fuente (the fuente itself when it is not a source's)."""
    return next((s.folder for s in SOURCES if s.fuente == fuente), fuente)


def is_input_name(name: str) -> bool:
    """Hidden files, office lock files (~$x.xlsx), partial downloads, notes and fetch sidecars are not inputs."""
    return not name.startswith((".", "~$")) and not name.lower().endswith(SKIPPED_SUFFIXES)


def input_files(folder: Path) -> list[Path]:
    """Data files of a source folder, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and is_input_name(p.name))
