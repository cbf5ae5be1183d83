"""Numbered migrations: participacion/migrations/NNNN_nombre.sql, applied in order, each in its own transaction,
recorded in esquema_version. Running it again applies nothing; two processes running it at once apply each
migration once (the first waits for the second's lock and then finds it done).

A migration is one file of portable SQL (`0002_evaluaciones.sql`), optionally followed by what only one backend
understands (`0002_evaluaciones.sqlite.sql`, `0002_evaluaciones.postgresql.sql`: triggers, functions), run in the
same transaction. Adding a migration is adding its file(s); nothing else changes.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from common.errors import TableroError
from participacion.engine import writing

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DIALECTS = ("sqlite", "postgresql")
_FILE = re.compile(r"^(?P<version>\d{4})_(?P<nombre>[a-z0-9_]+?)(?:\.(?P<dialecto>[a-z]+))?\.sql$")
# Any constant: the key of the PostgreSQL advisory lock that serializes concurrent migrate runs.
_PG_LOCK_KEY = 7_015_017

VERSION_TABLE = sa.table("esquema_version", sa.column("version", sa.Integer), sa.column("nombre", sa.String),
                         sa.column("aplicada_en", sa.DateTime))
_CREATE_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS esquema_version (
    version     INTEGER      PRIMARY KEY,
    nombre      VARCHAR(100) NOT NULL,
    aplicada_en TIMESTAMP    NOT NULL
)"""


class MigrationError(TableroError):
    """A migration file is misnamed or missing, or the store is newer than this code; Spanish message."""


@dataclass(frozen=True)
class Migration:
    version: int
    nombre: str
    common: Path | None = None
    by_dialect: dict[str, Path] = field(default_factory=dict)

    def scripts(self, dialect: str) -> list[Path]:
        """The files to run on `dialect`: the portable one first, then that backend's own."""
        return [p for p in (self.common, self.by_dialect.get(dialect)) if p is not None]


def discover(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration in `folder`, by version. Rejects, all at once, misnamed files, one version under two names
    and gaps in the numbering (the usual trace of two branches that both added a migration 0002)."""
    problems: list[str] = []
    found: dict[int, Migration] = {}
    for path in sorted(Path(folder).glob("*.sql")):
        m = _FILE.match(path.name)
        if not m or (m["dialecto"] and m["dialecto"] not in DIALECTS):
            problems.append(f"{path.name}: el nombre debe ser NNNN_nombre.sql o NNNN_nombre.<{'|'.join(DIALECTS)}>"
                            ".sql (cuatro cifras, minúsculas y guiones bajos)")
            continue
        version, nombre, dialect = int(m["version"]), m["nombre"], m["dialecto"]
        current = found.get(version, Migration(version, nombre))
        if current.nombre != nombre:
            problems.append(f"{path.name}: la versión {version:04d} ya es «{current.nombre}»; renumere la nueva "
                            "migración con el siguiente número libre")
            continue
        if dialect:
            found[version] = Migration(version, nombre, current.common, {**current.by_dialect, dialect: path})
        else:
            found[version] = Migration(version, nombre, path, current.by_dialect)
    versions = sorted(found)
    if versions and versions != list(range(1, versions[-1] + 1)):
        missing = sorted(set(range(1, versions[-1] + 1)) - set(versions))
        problems.append("faltan las migraciones " + ", ".join(f"{v:04d}" for v in missing)
                        + ": los números van de uno en uno desde 0001")
    if problems:
        raise MigrationError(f"Migraciones inválidas en {folder}:\n- " + "\n- ".join(problems))
    return [found[v] for v in versions]


def applied(engine: Engine) -> dict[int, tuple[str, datetime]]:
    """{version: (nombre, aplicada_en)} of the migrations already applied ({} on a new store)."""
    if not sa.inspect(engine).has_table("esquema_version"):
        return {}
    with engine.connect() as conn:
        rows = conn.execute(sa.select(VERSION_TABLE.c.version, VERSION_TABLE.c.nombre, VERSION_TABLE.c.aplicada_en))
        return {r.version: (r.nombre, r.aplicada_en) for r in rows}


def pending(engine: Engine, folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = discover(folder)
    done = applied(engine)
    _check_not_newer(done, migrations)
    return [m for m in migrations if m.version not in done]


def migrate(engine: Engine, folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Applies the pending migrations in order, each in one transaction; returns those this call applied."""
    ran = []
    for migration in discover(folder):
        with writing(engine) as conn:
            _lock(conn)
            conn.exec_driver_sql(_CREATE_VERSION_TABLE)
            done = conn.execute(sa.select(VERSION_TABLE.c.version)).scalars().all()
            if migration.version in done:
                continue
            for script in migration.scripts(engine.dialect.name):
                try:
                    _run_script(conn, script.read_text(encoding="utf-8"))
                except (sa.exc.DBAPIError, engine.dialect.loaded_dbapi.Error) as exc:
                    detail = str(getattr(exc, "orig", exc)).splitlines()[0]
                    raise MigrationError(f"La migración {script.name} falló y no se aplicó nada de ella: "
                                         f"{detail}") from exc
            conn.execute(sa.insert(VERSION_TABLE).values(
                version=migration.version, nombre=migration.nombre,
                aplicada_en=datetime.now(timezone.utc).replace(tzinfo=None)))
        ran.append(migration)
    _check_not_newer(applied(engine), discover(folder))
    return ran


def _lock(conn: Connection) -> None:
    """Serializes concurrent migrate runs (SQLite: the BEGIN IMMEDIATE of `writing` already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def _run_script(conn: Connection, script: str) -> None:
    if conn.dialect.name == "sqlite":
        for statement in split_sqlite(script):
            conn.exec_driver_sql(statement)
    else:
        # psycopg runs a whole script (functions with $$ bodies included) in one call when it has no parameters.
        cursor = conn.connection.cursor()
        try:
            cursor.execute(script)
        finally:
            cursor.close()


def split_sqlite(script: str) -> list[str]:
    """Statements of an SQLite script; sqlite3.complete_statement knows where a trigger's BEGIN … END ends."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if _has_code(current):
                statements.append(current.strip())
            current = ""
    if _has_code(current):
        raise MigrationError(f"La migración termina con una sentencia sin «;»: {current.strip()[:80]}")
    return statements


def _has_code(text: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in text.splitlines())


def _check_not_newer(done: dict, migrations: list[Migration]) -> None:
    known = {m.version for m in migrations}
    unknown = sorted(set(done) - known)
    if unknown:
        raise MigrationError(
            "El almacén de participación tiene migraciones que este código no conoce ("
            + ", ".join(f"{v:04d}" for v in unknown) + "): actualice el tablero a la versión que las trae.")
