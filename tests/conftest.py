"""Shared fixtures for the page tests: one REAL warehouse per session, built from the sample inputs with the
real loader (samples.write.write_sample + etl.build.build_warehouse), and helpers to run pages with AppTest.

Nothing here is autouse: tests that do not ask for these fixtures pay nothing."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BUILD_TODAY = dt.date(2026, 11, 29)   # fixed "today" so the cut-off date does not depend on the clock


@pytest.fixture(scope="session")
def tablero_db(tablero_store) -> Path:
    """A real warehouse: sample inputs for 2024–2025 (with the demo file of bad rows) and the sample's citizens'
    evaluations (loaded into a participación store as `make tablero` does), built by build_warehouse."""
    from etl.build import build_warehouse

    inputs, url = tablero_store
    db = inputs.parent / "tablero.duckdb"
    build_warehouse(inputs, db, today=BUILD_TODAY, participacion=url)
    return db


@pytest.fixture(scope="session")
def tablero_store(tmp_path_factory) -> tuple[Path, str]:
    """(the sample inputs folder, the URL of an SQLite participación store holding the sample's evaluations)."""
    from samples.write import write_sample
    from participacion import engine, migrate, seed

    base = tmp_path_factory.mktemp("tablero")
    inputs = base / "inputs"
    write_sample(inputs, years=(2024, 2025), requests_per_year=1500, with_errors=True)
    url = f"sqlite:///{base / 'participacion.sqlite'}"
    store = engine.create(url)
    migrate.migrate(store)
    seed.load_seed(store, inputs / "participacion" / "evaluaciones_ejemplo.csv", b"clave-de-pruebas")
    store.dispose()
    return inputs, url


@pytest.fixture
def local_mode(monkeypatch, tmp_path) -> None:
    """Every page open, as `make tablero` on a user's machine (TABLERO_MODO=local, no [auth]); the participación
    store is a file of this test (tests/test_access_pages.py covers the other modes)."""
    monkeypatch.setenv("TABLERO_MODO", "local")
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", f"sqlite:///{tmp_path / 'participacion.sqlite'}")


@pytest.fixture
def app_db(tablero_db, monkeypatch, local_mode) -> Path:
    """Points the pages (TABLERO_DB) at the session warehouse for one test, in local mode."""
    monkeypatch.setenv("TABLERO_DB", str(tablero_db))
    return tablero_db


@pytest.fixture
def missing_db(tmp_path, monkeypatch, local_mode) -> Path:
    """Points the pages at a warehouse file that does not exist (local mode)."""
    path = tmp_path / "no_existe" / "tablero.duckdb"
    monkeypatch.setenv("TABLERO_DB", str(path))
    return path


@pytest.fixture
def sql(tablero_db):
    """sql(text, params) -> list of rows, read-only against the session warehouse."""
    def run(text: str, params=None) -> list[tuple]:
        with duckdb.connect(str(tablero_db), read_only=True) as con:
            return con.execute(text, params or {}).fetchall()
    return run


def run_page(page: str, query_params: dict[str, str] | None = None, timeout: float = 30, *,
             user: dict | None = None, secrets: dict | None = None):
    """Runs a page the way the app does (app.py is the main script, so st.page_link resolves) and returns the
    AppTest after the first run. user: what the page reads as st.user (AppTest's own way to be logged in);
    secrets: what it reads as st.secrets (e.g. an [auth] section)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if user is not None:
        at.user = user
    if secrets is not None:
        at.secrets = secrets
    if page != "app.py":
        at.switch_page(page)
    for key, value in (query_params or {}).items():
        at.query_params[key] = value
    at.run()
    return at


@pytest.fixture
def downloads(monkeypatch):
    """Keeps AppTest's in-memory media storage and file manager so the bytes behind each download button can be
    read: files_of(at) -> {button key: bytes}. A deferred button (data made on click) is clicked, as a browser
    would, through the file manager."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    stores: list[MemoryMediaFileStorage] = []
    managers: list[MediaFileManager] = []

    class Kept(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    class KeptManager(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Kept)
    monkeypatch.setattr(app_test, "MediaFileManager", KeptManager)

    def files_of(at) -> dict[str, bytes]:
        out = {}
        for button in at.get("download_button"):
            url = button.proto.url
            if not url and button.proto.deferred_file_id:
                url = managers[-1].execute_deferred(button.proto.deferred_file_id)
            out[button.proto.id.rsplit("-", 1)[-1]] = stores[-1].get_file(url.rsplit("/", 1)[-1]).content
        return out

    return files_of


def plain(text: str) -> str:
    """Text of a Markdown-escaped string as the user reads it."""
    return text.replace("\\", "")


def all_text(at) -> str:
    """Every title, header, caption, markdown, text, info/warning/success text of a page run, unescaped."""
    parts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "text", "info", "warning", "success", "error"):
        parts += [plain(str(e.value)) for e in getattr(at, kind)]
    return "\n".join(parts)


def metric_value(at, label: str) -> str:
    for m in at.metric:
        if plain(m.label) == label:
            return m.value
    raise AssertionError(f"no metric {label!r}; metrics: {[plain(m.label) for m in at.metric]}")


def parse_number(text: str) -> float:
    """'1,234' -> 1234.0, '91.2 %' -> 91.2"""
    return float(text.replace(",", "").replace("%", "").strip())


def latest_complete_month(sql) -> tuple[str, dt.date]:
    """The default period of the pages, computed independently: the latest month with government values
    whose last day is on or before the cut-off date."""
    corte = dt.date.fromisoformat(sql("SELECT valor FROM metadatos WHERE clave = 'fecha_corte'")[0][0][:10])
    rows = sql("""SELECT periodo, periodo_inicio FROM indicador_valor
                  WHERE nivel = 'gobierno' AND tipo_periodo = 'mes'
                    AND last_day(periodo_inicio) <= $corte
                  GROUP BY ALL ORDER BY periodo_inicio DESC LIMIT 1""", {"corte": corte})
    return rows[0][0], rows[0][1]


def fecha_corte(sql) -> dt.date:
    return dt.date.fromisoformat(sql("SELECT valor FROM metadatos WHERE clave = 'fecha_corte'")[0][0][:10])


def table_with(at, column: str, *, without: str | None = None):
    """The first st.dataframe of a page run that has `column` (and not `without`), as a DataFrame."""
    for d in at.dataframe:
        cols = list(d.value.columns)
        if column in cols and (without is None or without not in cols):
            return d.value
    raise AssertionError(f"no table with column {column!r}: {[list(d.value.columns) for d in at.dataframe]}")


# ---- the participación store, on SQLite and on a real PostgreSQL server -----------------------------------

PG_URL_ENV = "TABLERO_PRUEBAS_PG_URL"   # exported by .ci/run after it starts Debian's postgresql


def _postgres_admin_url() -> str:
    import os

    url = os.environ.get(PG_URL_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{PG_URL_ENV} no está definida y CI sí: .ci/run debe arrancar PostgreSQL y exportarla")
    pytest.skip(f"{PG_URL_ENV} no está definida (fuera de CI): se omiten las pruebas con PostgreSQL; "
                "arranque un servidor y exporte, p. ej., postgresql+psycopg://usuario:clave@127.0.0.1/postgres")


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database for one test (dropped afterwards); its SQLAlchemy URL."""
    import uuid

    import sqlalchemy as sa

    admin = sa.create_engine(_postgres_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"prueba_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")   # a name we made: hex only
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of a new, empty participación store: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'participacion' / 'participacion.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url):
    """An engine on a new, migrated participación store."""
    from participacion import engine, migrate

    eng = engine.create(store_url)
    migrate.migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module (the browser tests skip without it). An
    assertion waits up to 60 s, as the pages' own actions do: on a machine shared by several builds a page can take
    longer than Playwright's 5 s to draw, which is slowness, not a failure."""
    from playwright.sync_api import expect, sync_playwright

    from app_server import CHROMIUM, CHROMIUM_ARGS
    expect.set_options(timeout=60_000)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# ---- a real SMTP server for the delivery tests ----------------------------------------------------------------

@pytest.fixture
def smtp_server():
    """A running aiosmtpd server on 127.0.0.1 (tests/smtp_server.py): .received, .refuse, .env()."""
    from smtp_server import SmtpServer

    server = SmtpServer().start()
    yield server
    server.stop()
