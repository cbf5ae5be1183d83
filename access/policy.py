"""From an identity to what it may open: the app's mode, the visitor, the audiences of the pages.

Modes:
- "sesion": [auth] is configured; visitors log in with the identity provider and the roles catalog decides.
- "publico": no usable [auth]; only public pages (a malformed [auth] also ends here, with its message).
- "local": no [auth] and TABLERO_MODO=local (a user's own machine, `make tablero`): every page, no login.
A configured [auth] always wins over TABLERO_MODO=local: a server that has login never opens up by a variable.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import urlparse

from access.users import ENTE_ROLES, UserRole, role_for

MODE_ENV = "TABLERO_MODO"
SESION, PUBLICO, LOCAL = "sesion", "publico", "local"

# Who may open a page of each audience (None: everyone). enlace and titular see only their own ente there.
AUDIENCIAS: dict[str, frozenset[str] | None] = {
    "publica": None,
    "entes": frozenset({"sabgob", "sefiplan", "enlace", "titular"}),
    "coordinacion": frozenset({"sabgob", "sefiplan"}),
    "sabgob": frozenset({"sabgob"}),
}
AUDIENCIA_TEXTO = {
    "entes": "la SABGOB, la SEFIPLAN y las Unidades de Transparencia y titulares de cada ente",
    "coordinacion": "la SABGOB y la SEFIPLAN",
    "sabgob": "la SABGOB",
}
AUTH_REQUIRED = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32
PSEUDONYM_PREFIX = "seudonimo:"


@dataclass(frozen=True)
class Visitor:
    modo: str
    sesion_iniciada: bool = False
    correo: str | None = None       # the verified address of a logged-in visitor
    rol: str | None = None          # None: public
    ente_id: str | None = None      # the own ente of an enlace or titular
    emitida: datetime | None = None  # issue time of the identity token (UTC)

    @property
    def local(self) -> bool:
        return self.modo == LOCAL


def auth_problems(section) -> list[str]:
    """What is wrong with an [auth] section, in Spanish ([] when it can be used). Only the default provider
    (settings directly under [auth]) is supported: the app calls st.login() without a name."""
    if not isinstance(section, Mapping):
        return ["[auth] debe ser una sección de secrets.toml"]
    problems = [f"falta {key}" for key in AUTH_REQUIRED if not str(section.get(key) or "").strip()]
    redirect = str(section.get("redirect_uri") or "")
    if redirect and not (_absolute_url(redirect.replace("{port}", "8501")) and redirect.endswith("/oauth2callback")):
        problems.append("redirect_uri debe ser la dirección completa del tablero terminada en /oauth2callback "
                        "(p. ej. https://tablero.ejemplo.gob.mx/oauth2callback)")
    metadata = str(section.get("server_metadata_url") or "")
    if metadata and not _absolute_url(metadata):
        problems.append("server_metadata_url debe ser una dirección completa (https://…/.well-known/"
                        "openid-configuration)")
    secret = str(section.get("cookie_secret") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET:
        problems.append(f"cookie_secret debe tener al menos {MIN_COOKIE_SECRET} caracteres aleatorios (genere uno con: "
                        "python -c \"import secrets; print(secrets.token_urlsafe(48))\")")
    return problems


def decide_mode(auth_section, env: Mapping[str, str]) -> tuple[str, list[str]]:
    """(mode, problems of [auth]). auth_section: the [auth] mapping, or None when secrets have none."""
    if auth_section is not None:
        problems = auth_problems(auth_section)
        if not problems:
            return SESION, []
        return PUBLICO, problems
    return (LOCAL if env.get(MODE_ENV, "").strip().lower() == LOCAL else PUBLICO), []


def visitor_for(modo: str, claims: Mapping, users: tuple[UserRole, ...], today: date) -> Visitor:
    """The visitor of a run. claims: st.user (identity token claims; is_logged_in says whether there is one).
    A role needs mode "sesion", a login and an address the provider did not mark as unverified."""
    if modo == LOCAL:
        return Visitor(LOCAL)
    if modo != SESION or claims.get("is_logged_in") is not True:
        return Visitor(modo)
    correo = str(claims.get("email") or "").strip().lower() or None
    emitida = _issued_at(claims.get("iat"))
    if correo is None or claims.get("email_verified") is False:
        return Visitor(modo, True, correo, emitida=emitida)
    user = role_for(users, correo, today)
    if user is None:
        return Visitor(modo, True, correo, emitida=emitida)
    return Visitor(modo, True, correo, user.rol, user.ente_id, emitida)


def can_open(visitor: Visitor, audiencia: str) -> bool:
    if visitor.local:
        return True
    allowed = AUDIENCIAS.get(audiencia, AUDIENCIAS["coordinacion"])  # an unknown audience is internal
    return allowed is None or visitor.rol in allowed


def own_entes(visitor: Visitor) -> frozenset[str] | None:
    """The entes an internal page may show to this visitor: None means all."""
    if visitor.rol in ENTE_ROLES:
        return frozenset({visitor.ente_id})
    return None


def log_identity(visitor: Visitor, key: bytes) -> str:
    """Who the access log records: the catalog's institutional address for a visitor with a role (the log must
    say who saw the open folios), a keyed pseudonym for anyone else (counted, never identified)."""
    if visitor.rol is not None and visitor.correo:
        return visitor.correo
    digest = hmac.new(key, (visitor.correo or "").encode("utf-8"), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:24]


def _absolute_url(text: str) -> bool:
    parsed = urlparse(text)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _issued_at(value) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
