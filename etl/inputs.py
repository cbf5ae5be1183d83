"""Which files of an inputs folder are inputs: the build reads them, `etl fetch` refuses to write any other name."""
from __future__ import annotations

from pathlib import Path

# Partial downloads and copies in progress are not inputs yet; `python -m etl fetch` leaves a NAME.fetch.json
# sidecar (provenance) next to each file it downloads.
SKIPPED_SUFFIXES = (".md", ".part", ".partial", ".crdownload", ".download", ".tmp", ".fetch.json")


def is_input_name(name: str) -> bool:
    """Hidden files, office lock files (~$x.xlsx), partial downloads, notes and fetch sidecars are not inputs."""
    return not name.startswith((".", "~$")) and not name.lower().endswith(SKIPPED_SUFFIXES)


def input_files(folder: Path) -> list[Path]:
    """Data files of a source folder, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and is_input_name(p.name))
