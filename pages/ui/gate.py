"""The access gate every page passes through (called by layout.start_page before anything is read):

- the mode (login with the identity provider, public only, or local), from [auth] and TABLERO_MODO;
- the visitor (st.user + data/catalogos/usuarios.csv), the login / logout buttons and the local-mode banner;
- a page the visitor may not open stops with a Spanish prompt, before any data or CSV;
- on internal pages an enlace or titular is held to their own ente (a URL naming another is refused);
- logins and internal page views go to the access log of the participación store.

The rules themselves are plain functions in access/policy.py; this module only wires them to Streamlit.
"""
from __future__ import annotations

import os
import sys
import uuid
from datetime import date
from pathlib import Path

import streamlit as st

from access import policy
from access.policy import Visitor
from access.users import ROLES, UsersCatalogError, load_catalog
from common.formatting import md_escape
from common.secret import secret
from participacion import access_log, config, engine
from participacion.access_log import AccessEvent, AccessLogError

_SESSION = "_acceso_sesion"
_LOGIN_DONE = "_acceso_login_registrado"
_LAST_PAGE = "_acceso_ultima_pagina"
_ENTES = "_acceso_entes"
_NOTICES_PRINTED: set[str] = set()
START_NOTICE = {
    policy.SESION: "Inicio de sesión configurado ([auth]): páginas internas según data/catalogos/usuarios.csv.",
    policy.PUBLICO: "Sin [auth] en .streamlit/secrets.toml: solo se muestran las páginas públicas (TABLERO_MODO=local "
                    "las muestra todas en una máquina propia).",
    policy.LOCAL: "Modo local (TABLERO_MODO=local), sin inicio de sesión: se muestran todas las páginas.",
}


# ---- mode, visitor ---------------------------------------------------------------------------------------

def _secrets() -> tuple[dict, str | None]:
    """(the app's secrets as a dict, or {}; a Spanish problem when secrets.toml cannot be read)."""
    try:
        return st.secrets.to_dict(), None
    except Exception as exc:  # Streamlit raises both when there is no file and when a file is not valid TOML
        if not any(Path(p).is_file() for p in st.get_option("secrets.files")):
            return {}, None
        return {}, (f"No se puede leer .streamlit/secrets.toml ({str(exc).splitlines()[0]}); corríjalo (formato TOML, "
                    "vea .streamlit/secrets.toml.example). Mientras tanto solo se muestran las páginas públicas.")


def mode() -> tuple[str, list[str]]:
    """(mode, Spanish problems of the configuration)."""
    secrets, problem = _secrets()
    if problem:
        return policy.PUBLICO, [problem]
    modo, problems = policy.decide_mode(secrets.get("auth"), os.environ)
    if problems:
        return modo, ["El inicio de sesión no está disponible; en [auth] de .streamlit/secrets.toml: "
                      + "; ".join(problems) + ". Mientras tanto solo se muestran las páginas públicas."]
    return modo, []


def _catalog():
    try:
        return load_catalog(), None
    except UsersCatalogError as exc:
        return (), str(exc)


def current_visitor() -> tuple[Visitor, list[str]]:
    """The visitor of this run and the configuration problems to show (mode, [auth], roles catalog)."""
    modo, problems = mode()
    users, catalog_problem = _catalog() if modo == policy.SESION else ((), None)
    if catalog_problem:
        problems = [*problems, catalog_problem + "\nMientras tanto nadie tiene acceso a las páginas internas."]
    claims = st.user.to_dict() if modo == policy.SESION else {}
    visitor = policy.visitor_for(modo, claims, users, date.today())
    for problem in problems:
        _print_once(problem)
    _print_once(START_NOTICE[modo] if not problems else "Solo páginas públicas hasta corregir lo anterior.")
    if modo == policy.SESION and os.environ.get(policy.MODE_ENV, "").strip().lower() == policy.LOCAL:
        _print_once("TABLERO_MODO=local no se aplica: [auth] está configurado y el tablero pide inicio de sesión.")
    return visitor, problems


def _print_once(message: str) -> None:
    """Configuration problems also go to the server's log, once per process."""
    if message not in _NOTICES_PRINTED:
        _NOTICES_PRINTED.add(message)
        print(f"tablero: {message}", file=sys.stderr)


# ---- the store ---------------------------------------------------------------------------------------------

def store():
    """The participación store's engine through st.connection (cached by Streamlit), with the store's settings."""
    secrets, _ = _secrets()
    url = config.store_url(secrets)
    try:
        conn = st.connection(config.CONNECTION_NAME, type="sql", url=url)
    except Exception as exc:  # a URL SQLAlchemy cannot parse, a driver that is not installed
        raise config.StoreConfigError(
            f"No se pudo abrir el almacén de participación ({type(exc).__name__}: {str(exc).splitlines()[0]}); revise "
            f"url en [connections.participacion] de .streamlit/secrets.toml o {config.URL_ENV}.") from exc
    return engine.prepare(conn.engine)


def session_id() -> str:
    """A random id of this browser session (no account): the access log and the evaluations' limits use it."""
    if _SESSION not in st.session_state:
        st.session_state[_SESSION] = uuid.uuid4().hex
    return st.session_state[_SESSION]


def moderator_identity() -> str:
    """Who a moderation decision is logged under: the address of the logged-in sabgob user (the page admits no
    one else), or the local mode's name on a user's own machine."""
    visitor, _ = current_visitor()
    return visitor.correo if visitor.sesion_iniciada and visitor.correo else "modo local (sin inicio de sesión)"


def _event(visitor: Visitor, evento: str, pagina: str | None = None) -> AccessEvent:
    return AccessEvent(evento, policy.log_identity(visitor, secret()), session_id(), visitor.rol, visitor.ente_id,
                       pagina, visitor.emitida if evento == "login" else None)


def _record_login(visitor: Visitor) -> None:
    if not visitor.sesion_iniciada or st.session_state.get(_LOGIN_DONE):
        return
    try:
        access_log.record_login(store(), _event(visitor, "login"))
        st.session_state[_LOGIN_DONE] = True
    except (AccessLogError, config.StoreConfigError) as exc:
        _print_once(str(exc))   # tried again on the next run; an internal page will not open meanwhile


def _logout(visitor: Visitor) -> None:
    try:
        access_log.record(store(), _event(visitor, "logout"))
    except (AccessLogError, config.StoreConfigError) as exc:
        _print_once(str(exc))
    st.logout()


# ---- what the page shows ------------------------------------------------------------------------------------

def sidebar_session(visitor: Visitor, problems: list[str]) -> None:
    """Who is in, the login / logout button, and any configuration problem."""
    if visitor.modo != policy.SESION and not problems:
        return
    with st.sidebar:
        st.divider()
        if visitor.modo == policy.SESION:
            if visitor.sesion_iniciada:
                role = ROLES.get(visitor.rol, "sin rol: páginas públicas") if visitor.rol else "sin rol: páginas públicas"
                ente = f" · {visitor.ente_id}" if visitor.ente_id else ""
                # the address as code: Markdown would turn it into a mailto link
                correo = (visitor.correo or "sin correo").replace("`", "")
                st.caption(f"Sesión: `{correo}` · {md_escape(role + ente)}")
                st.button("Cerrar sesión", key="acceso_salir", icon=":material/logout:", on_click=_logout,
                          args=(visitor,))
            else:
                st.button("Iniciar sesión", key="acceso_entrar", icon=":material/login:", on_click=st.login,
                          help="Para servidores públicos con rol en el tablero")
        for problem in problems:
            st.warning(md_escape(problem), icon=":material/warning:")


def local_banner(visitor: Visitor) -> None:
    if visitor.local:
        st.warning("Modo local, sin inicio de sesión: se muestran todas las páginas, también las internas. Así se usa "
                   "en la máquina propia; un servidor publicado configura [auth] en .streamlit/secrets.toml.",
                   icon=":material/lock_open:")


def admit(visitor: Visitor, pagina: str, audiencia: str, title: str) -> None:
    """Stops the page unless the visitor may open it; records internal views. Call before reading any data."""
    internal = policy.AUDIENCIAS.get(audiencia, ()) is not None
    st.session_state[_ENTES] = policy.own_entes(visitor) if internal else None
    _record_login(visitor)
    if not policy.can_open(visitor, audiencia):
        st.session_state[_LAST_PAGE] = pagina
        _refuse(visitor, audiencia, title)
    if not internal:
        st.session_state[_LAST_PAGE] = pagina
        return
    allowed = st.session_state[_ENTES]
    requested = st.query_params.get("ente")
    if allowed is not None and requested and requested not in allowed:
        st.title(title)
        st.error(md_escape(f"Esta página muestra solo los datos de su ente ({', '.join(sorted(allowed))}); la "
                           f"dirección pide «{requested}». Quite el parámetro ente= de la dirección o elija su ente."),
                 icon=":material/block:")
        st.stop()
    if visitor.local or st.session_state.get(_LAST_PAGE) == pagina:
        return
    try:
        access_log.record(store(), _event(visitor, "vista", pagina))
    except (AccessLogError, config.StoreConfigError) as exc:
        st.title(title)
        st.error(md_escape(f"{exc} Por seguridad, las páginas internas no se muestran mientras no se pueda registrar "
                           "el acceso."), icon=":material/error:")
        st.stop()
    st.session_state[_LAST_PAGE] = pagina


def _refuse(visitor: Visitor, audiencia: str, title: str) -> None:
    st.title(title)
    who = policy.AUDIENCIA_TEXTO.get(audiencia, "personal autorizado")
    if visitor.modo != policy.SESION:
        st.info(md_escape(f"Inicie sesión para ver esta página: es una página interna, para {who}. El inicio de "
                          "sesión no está disponible en este servidor; las páginas públicas están en el menú."),
                icon=":material/lock:")
    elif not visitor.sesion_iniciada:
        st.info(md_escape(f"Inicie sesión para ver esta página: es una página interna, para {who}."),
                icon=":material/lock:")
        st.button("Iniciar sesión", key="acceso_entrar_pagina", icon=":material/login:", on_click=st.login,
                  type="primary")
    else:
        st.info(md_escape(f"Esta página es para {who}; su cuenta ({visitor.correo or 'sin correo'}) no tiene ese rol "
                          "en el catálogo de usuarios del tablero. Si debería tenerlo, pida a la SABGOB que la "
                          "registre."), icon=":material/lock:")
    st.stop()


def ente_restriction() -> frozenset[str] | None:
    """The entes an ente filter may offer on this page (None: all), as decided by `admit` for this run."""
    return st.session_state.get(_ENTES)
