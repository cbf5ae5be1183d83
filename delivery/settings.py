"""Where the delivery commands send from: the SMTP server, the dashboard's address for the links, and how old a
warehouse may be before nothing is sent from it.

Each setting comes from its environment variable when set, else from .streamlit/secrets.toml:

    [smtp]                      TABLERO_SMTP_HOST, TABLERO_SMTP_PORT, TABLERO_SMTP_REMITENTE,
    host, port, remitente,      TABLERO_SMTP_USUARIO, TABLERO_SMTP_CLAVE, TABLERO_SMTP_STARTTLS
    usuario, clave, starttls
    [envio]                     TABLERO_URL, TABLERO_ENVIO_ANTIGUEDAD_HORAS
    url_tablero, antiguedad_maxima_horas
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from common.errors import TableroError
from participacion.config import secrets_from_file

DEFAULT_PORT = 25
DEFAULT_MAX_AGE_HOURS = 36.0   # a nightly build plus a day's margin: one failed night is enough to stop
SMTP_FIELDS = {"host": "TABLERO_SMTP_HOST", "port": "TABLERO_SMTP_PORT", "remitente": "TABLERO_SMTP_REMITENTE",
               "usuario": "TABLERO_SMTP_USUARIO", "clave": "TABLERO_SMTP_CLAVE", "starttls": "TABLERO_SMTP_STARTTLS"}
ENVIO_FIELDS = {"url_tablero": "TABLERO_URL", "antiguedad_maxima_horas": "TABLERO_ENVIO_ANTIGUEDAD_HORAS"}
_TRUE, _FALSE = {"1", "true", "si", "sí", "yes"}, {"0", "false", "no", ""}


class SettingsError(TableroError):
    """A delivery setting is missing or malformed; the message is Spanish and names the setting."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    remitente: str
    usuario: str | None = None
    clave: str | None = None
    starttls: bool = False


@dataclass(frozen=True)
class DeliverySettings:
    smtp: SmtpSettings | None        # None: no server configured (only --prueba can run)
    url_tablero: str | None          # the dashboard's public address, for the link to each Ficha
    antiguedad_maxima_horas: float


def load_settings(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> DeliverySettings:
    """The settings, environment first; `secrets` None reads the project's .streamlit/secrets.toml."""
    env = os.environ if env is None else env
    secrets = secrets_from_file() if secrets is None else secrets
    smtp = _section(secrets, "smtp", SMTP_FIELDS, env)
    envio = _section(secrets, "envio", ENVIO_FIELDS, env)
    return DeliverySettings(_smtp(smtp), (envio.get("url_tablero") or "").rstrip("/") or None,
                            _hours(envio.get("antiguedad_maxima_horas")))


def _section(secrets: Mapping, name: str, fields: dict[str, str], env: Mapping[str, str]) -> dict[str, str]:
    section = secrets.get(name) or {}
    if not isinstance(section, Mapping):
        raise SettingsError(f"[{name}] de .streamlit/secrets.toml debe ser una sección (vea secrets.toml.example)")
    out = {}
    for key, variable in fields.items():
        value = env.get(variable)
        if value is None or not value.strip():
            value = section.get(key)
        if value is not None:
            out[key] = str(value).strip() if not isinstance(value, bool) else ("true" if value else "false")
    return out


def _smtp(values: dict[str, str]) -> SmtpSettings | None:
    if not values.get("host"):
        return None
    if not values.get("remitente") or "@" not in values["remitente"]:
        raise SettingsError("Falta el remitente de los correos: defina TABLERO_SMTP_REMITENTE o remitente en [smtp] "
                            "de .streamlit/secrets.toml (p. ej. tablero@sabgob.qroo.gob.mx)")
    try:
        port = int(values.get("port") or DEFAULT_PORT)
    except ValueError:
        raise SettingsError(f"El puerto SMTP «{values['port']}» no es un número: defina TABLERO_SMTP_PORT o port en "
                            "[smtp] (25, 587 con STARTTLS)") from None
    starttls = (values.get("starttls") or "").lower()
    if starttls not in _TRUE | _FALSE:
        raise SettingsError(f"starttls «{values['starttls']}» debe ser true o false (TABLERO_SMTP_STARTTLS o [smtp])")
    return SmtpSettings(values["host"], port, values["remitente"], values.get("usuario") or None,
                        values.get("clave") or None, starttls in _TRUE)


def _hours(value: str | None) -> float:
    try:
        hours = float(value) if value else DEFAULT_MAX_AGE_HOURS
    except ValueError:
        hours = -1
    if hours <= 0:
        raise SettingsError(f"antiguedad_maxima_horas «{value}» debe ser un número de horas mayor que cero "
                            "(TABLERO_ENVIO_ANTIGUEDAD_HORAS o [envio] de .streamlit/secrets.toml)")
    return hours
