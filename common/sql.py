"""SQL lives in .sql files, one model per file; values always travel as parameters, never in the text."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def sql_folder(folder: Path) -> Callable[[str], str]:
    """A reader of the .sql files under `folder`: `sql = sql_folder(DIR)`, then `sql("staging/stg_x.sql")`."""
    folder = Path(folder)

    def sql(name: str) -> str:
        return (folder / name).read_text(encoding="utf-8")

    return sql
