"""Where the served warehouse, the catalogs and the default inputs live. TABLERO_DB overrides the warehouse path;
TABLERO_CATALOGOS the catalog folder (e.g. a national catalog of thousands of entes, see bench/)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGOS_DIR = ROOT / "data" / "catalogos"
DEFAULT_INPUTS = ROOT / "data" / "inputs"
DEFAULT_DB = ROOT / "data" / "warehouse" / "tablero.duckdb"
SCHEMA_SQL = ROOT / "warehouse" / "schema.sql"


def schema_files() -> list[Path]:
    """The warehouse's schema: schema.sql first, then each domain's schema_*.sql (perfil_ut, verificación…)."""
    return sorted(SCHEMA_SQL.parent.glob("schema*.sql"))


def catalogos_dir(default: Path | None = None) -> Path:
    """The catalog folder, read at call time: TABLERO_CATALOGOS if set, else `default` (data/catalogos/)."""
    return Path(os.environ.get("TABLERO_CATALOGOS") or default or CATALOGOS_DIR)


def served_db() -> Path:
    """The warehouse file the dashboard reads."""
    return Path(os.environ.get("TABLERO_DB", DEFAULT_DB))
