"""The access log on SQLite and on a real PostgreSQL server: events written and read back, one login per identity
token, and a table that refuses to be changed."""
from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from helpers import assert_table_matches_migration
from participacion import access_log, engine
from participacion.access_log import AccessEvent, AccessLogError

ROOT = Path(__file__).resolve().parent.parent
ENLACE = "ut@sefiplan.ejemplo.gob.mx"


def _login(quien=ENLACE, iat=datetime(2026, 12, 1, 15, 0, 0), sesion="s1"):
    return AccessEvent("login", quien, sesion, rol="enlace", ente_id="SEFIPLAN", identidad_emitida=iat)


def test_events_are_read_back_newest_first(store):
    access_log.record(store, _login(), when=datetime(2026, 12, 1, 15, 0, 1))
    access_log.record(store, AccessEvent("vista", ENLACE, "s1", "enlace", "SEFIPLAN", "pages/4_Plazos_en_riesgo.py"),
                      when=datetime(2026, 12, 1, 15, 0, 7))
    access_log.record(store, AccessEvent("logout", ENLACE, "s1", "enlace", "SEFIPLAN"),
                      when=datetime(2026, 12, 2, 9, 30))
    log = access_log.read(store)
    assert list(log.columns) == ["registrado_en", "evento", "quien", "rol", "ente_id", "pagina", "sesion",
                                 "identidad_emitida"]
    assert log["evento"].tolist() == ["logout", "vista", "login"]
    assert log.loc[1, "pagina"] == "pages/4_Plazos_en_riesgo.py"
    assert pd_timestamp(log.loc[2, "registrado_en"]) == datetime(2026, 12, 1, 15, 0, 1)
    assert pd_timestamp(log.loc[2, "identidad_emitida"]) == datetime(2026, 12, 1, 15, 0, 0)
    # days are whole days: 1 December holds the login and the view, 2 December the logout
    assert access_log.read(store, date(2026, 12, 1), date(2026, 12, 1))["evento"].tolist() == ["vista", "login"]
    assert access_log.read(store, date(2026, 12, 2))["evento"].tolist() == ["logout"]
    assert access_log.read(store, evento="vista", limite=5)["sesion"].tolist() == ["s1"]


def pd_timestamp(value) -> datetime:
    return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value


def test_one_login_per_identity_token(store):
    assert access_log.record_login(store, _login(sesion="pestaña-1")) is True
    # the same cookie in a new tab, or on another replica: same token, no second login
    assert access_log.record_login(store, _login(sesion="pestaña-2")) is False
    # a new login at the identity provider issues a new token
    assert access_log.record_login(store, _login(iat=datetime(2026, 12, 2, 8, 0), sesion="s3")) is True
    assert access_log.record_login(store, _login(quien="otra@sabgob.ejemplo.gob.mx", sesion="s4")) is True
    assert len(access_log.read(store, evento="login")) == 3


def test_the_log_refuses_updates_and_deletes(store):
    access_log.record(store, _login())
    for statement in ("UPDATE bitacora_acceso SET quien = 'nadie'", "DELETE FROM bitacora_acceso"):
        with pytest.raises(sa.exc.DBAPIError, match="solo admite registros nuevos"):
            with store.begin() as conn:
                conn.execute(sa.text(statement))
    assert access_log.read(store)["quien"].tolist() == [ENLACE]


def test_unknown_event_is_refused():
    with pytest.raises(ValueError):
        AccessEvent("borrado", ENLACE, "s1")


def test_the_table_definition_matches_the_migration(store):
    assert_table_matches_migration(store, access_log.bitacora_acceso)


def test_a_store_not_migrated_says_how_to_fix(tmp_path):
    eng = engine.create(f"sqlite:///{tmp_path / 'vacio.sqlite'}")
    with pytest.raises(AccessLogError, match="python -m participacion migrate"):
        access_log.record(eng, _login())


def test_access_log_command_writes_csv(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    eng = engine.create(url)
    from participacion import migrate
    migrate.migrate(eng)
    access_log.record(eng, _login(), when=datetime(2026, 12, 1, 15, 0, 1))
    out = tmp_path / "bitacora.csv"
    done = subprocess.run([sys.executable, "-m", "participacion", "--url", url, "bitacora", "--desde", "2026-12-01",
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "registrado_en,evento,quien,rol,ente_id,pagina,sesion,identidad_emitida"
    assert lines[1].startswith(f"2026-12-01 15:00:01,login,{ENLACE},enlace,SEFIPLAN,,s1,2026-12-01 15:00:00")
