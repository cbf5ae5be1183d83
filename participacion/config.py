"""Where the participación store is. One rule for the app and for the commands, first match wins:

1. the environment variable TABLERO_PARTICIPACION_URL (an SQLAlchemy URL);
2. `url` in the `[connections.participacion]` section of .streamlit/secrets.toml (the app passes Streamlit's own
   secrets; the commands read the project's file);
3. SQLite in data/participacion/participacion.sqlite.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from common.errors import TableroError

ROOT = Path(__file__).resolve().parent.parent
URL_ENV = "TABLERO_PARTICIPACION_URL"
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
DEFAULT_SQLITE = ROOT / "data" / "participacion" / "participacion.sqlite"
CONNECTION_NAME = "participacion"


class StoreConfigError(TableroError):
    """The store's settings cannot be read; the message is Spanish and says what to fix."""


def default_url() -> str:
    return f"sqlite:///{DEFAULT_SQLITE}"


def secrets_from_file(path: Path = SECRETS_FILE) -> dict:
    """The project's secrets.toml as a dict ({} when there is none)."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise StoreConfigError(f"No se puede leer {path}: {exc}. Corrija el archivo (formato TOML; vea "
                               ".streamlit/secrets.toml.example).") from exc


def store_url(secrets: Mapping | None = None) -> str:
    """The store's SQLAlchemy URL. `secrets`: the app's secrets; None reads the project's secrets.toml."""
    from_env = os.environ.get(URL_ENV, "").strip()
    if from_env:
        return from_env
    if secrets is None:
        secrets = secrets_from_file()
    section = (secrets.get("connections") or {}).get(CONNECTION_NAME) or {}
    url = section.get("url") if isinstance(section, Mapping) else None
    if url is not None and (not isinstance(url, str) or not url.strip()):
        raise StoreConfigError("[connections.participacion] url debe ser una URL de SQLAlchemy, por ejemplo "
                               "postgresql+psycopg://usuario:clave@servidor:5432/tablero")
    return url.strip() if url else default_url()
