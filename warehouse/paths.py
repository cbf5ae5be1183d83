"""Where the served warehouse and the default inputs live. TABLERO_DB overrides the warehouse path."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGOS_DIR = ROOT / "data" / "catalogos"
DEFAULT_INPUTS = ROOT / "data" / "inputs"
DEFAULT_DB = ROOT / "data" / "warehouse" / "tablero.duckdb"
SCHEMA_SQL = Path(__file__).resolve().parent / "schema.sql"


def served_db() -> Path:
    """The warehouse file the dashboard reads."""
    return Path(os.environ.get("TABLERO_DB", DEFAULT_DB))
