"""The access rules as plain functions: mode, visitor, audiences, who the log records."""
from __future__ import annotations

from datetime import date, datetime

from access import policy
from access.policy import LOCAL, PUBLICO, SESION, Visitor
from access.users import UserRole

USERS = (UserRole("ut@uno.ejemplo.gob.mx", "enlace", "UNO", date(2025, 1, 1), None, 2),
         UserRole("jefa@sabgob.ejemplo.gob.mx", "sabgob", None, None, None, 3))
AUTH = {"redirect_uri": "https://tablero.ejemplo.gob.mx/oauth2callback", "cookie_secret": "s" * 40,
        "client_id": "tablero", "client_secret": "c", "server_metadata_url": "https://id.ejemplo.gob.mx/.well-known/x"}
TODAY = date(2026, 12, 1)


def test_modes():
    assert policy.decide_mode(AUTH, {}) == (SESION, [])
    assert policy.decide_mode(AUTH, {"TABLERO_MODO": "local"}) == (SESION, [])   # [auth] wins
    assert policy.decide_mode(None, {}) == (PUBLICO, [])
    assert policy.decide_mode(None, {"TABLERO_MODO": "Local "}) == (LOCAL, [])
    assert policy.decide_mode(None, {"TABLERO_MODO": "produccion"}) == (PUBLICO, [])
    modo, problems = policy.decide_mode({"cookie_secret": "s" * 40}, {"TABLERO_MODO": "local"})
    assert modo == PUBLICO   # a broken [auth] never falls back to local
    assert problems == ["falta redirect_uri", "falta client_id", "falta client_secret", "falta server_metadata_url"]
    assert policy.auth_problems({**AUTH, "redirect_uri": "http://127.0.0.1:{port}/oauth2callback"}) == []


def test_visitors():
    claims = {"is_logged_in": True, "email": "UT@uno.ejemplo.gob.mx", "iat": 1_796_000_000}
    enlace = policy.visitor_for(SESION, claims, USERS, TODAY)
    assert enlace == Visitor(SESION, True, "ut@uno.ejemplo.gob.mx", "enlace", "UNO", datetime(2026, 11, 30, 0, 53, 20))
    assert policy.own_entes(enlace) == frozenset({"UNO"})
    assert policy.visitor_for(SESION, {**claims, "email_verified": False}, USERS, TODAY).rol is None
    assert policy.visitor_for(SESION, {**claims, "is_logged_in": False}, USERS, TODAY) == Visitor(SESION)
    assert policy.visitor_for(SESION, {"email": "ut@uno.ejemplo.gob.mx"}, USERS, TODAY) == Visitor(SESION)
    # the same claims give nothing without a configured login (a cookie from elsewhere is not trusted)
    assert policy.visitor_for(PUBLICO, claims, USERS, TODAY) == Visitor(PUBLICO)
    sabgob = policy.visitor_for(SESION, {**claims, "email": "jefa@sabgob.ejemplo.gob.mx"}, USERS, TODAY)
    assert policy.own_entes(sabgob) is None


def test_audiences():
    by_role = {rol: Visitor(SESION, True, "x@y.mx", rol, "UNO" if rol in ("enlace", "titular") else None)
               for rol in ("sabgob", "sefiplan", "enlace", "titular")}
    anonymous, local = Visitor(SESION), Visitor(LOCAL)
    opens = lambda v: [a for a in ("publica", "entes", "coordinacion", "sabgob") if policy.can_open(v, a)]
    assert opens(anonymous) == ["publica"]
    assert opens(by_role["enlace"]) == opens(by_role["titular"]) == ["publica", "entes"]
    assert opens(by_role["sefiplan"]) == ["publica", "entes", "coordinacion"]
    assert opens(by_role["sabgob"]) == ["publica", "entes", "coordinacion", "sabgob"]
    assert opens(local) == ["publica", "entes", "coordinacion", "sabgob"]
    assert not policy.can_open(by_role["enlace"], "no_declarada")   # an unknown audience is closed


def test_log_identity():
    key = b"k" * 32
    enlace = Visitor(SESION, True, "ut@uno.ejemplo.gob.mx", "enlace", "UNO")
    assert policy.log_identity(enlace, key) == "ut@uno.ejemplo.gob.mx"
    citizen = Visitor(SESION, True, "ciudadano@correo.mx")
    pseudonym = policy.log_identity(citizen, key)
    assert pseudonym.startswith("seudonimo:") and len(pseudonym) == len("seudonimo:") + 24
    assert "ciudadano" not in pseudonym and pseudonym == policy.log_identity(citizen, key)
    assert pseudonym != policy.log_identity(citizen, b"otra clave" * 4)


def test_secrets_example_is_complete_and_the_real_file_stays_out_of_git(monkeypatch):
    import subprocess
    import tomllib
    from pathlib import Path

    from participacion.config import store_url

    monkeypatch.delenv("TABLERO_PARTICIPACION_URL", raising=False)
    root = Path(__file__).resolve().parent.parent
    example = tomllib.loads((root / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    assert policy.auth_problems(example["auth"]) == []
    assert store_url(example).startswith("postgresql+psycopg://")
    ignored = subprocess.run(["git", "check-ignore", "-q", ".streamlit/secrets.toml"], cwd=root)
    assert ignored.returncode == 0, ".gitignore must keep .streamlit/secrets.toml out of git"
