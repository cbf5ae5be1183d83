"""The abuse rules of the citizens' evaluations, as data: how many evaluations a browser session and a client address
may send per hour and per ente-fracción per day (data/catalogos/evaluacion_ciudadana.toml, validated all at once),
and the client address turned into a key that cannot be turned back.

The address: the server knows the address of the connection. Streamlit (1.67, on uvicorn) takes a reverse proxy's
X-Forwarded-For only from the proxies uvicorn trusts (FORWARDED_ALLOW_IPS; by default 127.0.0.1 and ::1, i.e. a
proxy on the same machine), so a visitor cannot choose the address they are counted under by sending the header
themselves; this code never reads the header. Behind a load balancer on another machine, set FORWARDED_ALLOW_IPS
to its address. When the address is unknown (a visit to localhost, a proxy that does not send it) only the
session's limits apply.

The key: HMAC-SHA256 of the address with the secret of TABLERO_SECRETO (or data/secreto.key) and the date in
Quintana Roo: the salt rotates every day at midnight there, so the same address gives unrelated keys on two days,
and the key alone tells nothing. The raw address is never stored nor logged.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from common.errors import CatalogError
from common.paths import catalogos_dir
from common.typed_toml import build, raise_problems, read_checked

LIMITS_FILE = "evaluacion_ciudadana.toml"
# Quintana Roo keeps UTC−5 all year (no daylight saving time since 2015).
HORA_QROO = timezone(timedelta(hours=-5), "Quintana Roo")
MAX_COMENTARIO = 500


class LimitsError(CatalogError):
    """evaluacion_ciudadana.toml is invalid; the message lists every problem."""


@dataclass(frozen=True)
class Limits:
    por_hora_sesion: int = 10               # evaluations of one browser session in the last 60 minutes
    por_hora_direccion: int = 30            # of one client address (a school or an office share one)
    por_dia_fraccion_sesion: int = 1        # of one ente-fracción by one session on one day (Quintana Roo)
    por_dia_fraccion_direccion: int = 3     # of one ente-fracción from one address on one day


@dataclass(frozen=True)
class _LimitsFile:
    limites: Limits = field(default_factory=Limits)


def load_limits(path: Path | None = None) -> Limits:
    """The limits of the catalog folder (TABLERO_CATALOGOS or data/catalogos/); the defaults when the file is
    absent. Raises LimitsError listing every problem."""
    path = path or catalogos_dir() / LIMITS_FILE
    if not path.is_file():
        return Limits()
    data, problems = read_checked(path, _LimitsFile)
    section = data.get("limites", {})
    if isinstance(section, dict):
        problems += [f"{path.name}, [limites]: «{k}» debe ser un número entero mayor que 0; se encontró {v!r}"
                     for k, v in section.items() if isinstance(v, int) and not isinstance(v, bool) and v < 1]
    raise_problems(path, problems, LimitsError)
    return build(data, _LimitsFile).limites


def local_day(moment: datetime) -> date:
    """The date in Quintana Roo of a naive UTC moment."""
    return moment.replace(tzinfo=timezone.utc).astimezone(HORA_QROO).date()


def day_start_utc(moment: datetime) -> datetime:
    """Naive UTC of the last midnight in Quintana Roo before `moment` (naive UTC)."""
    midnight = datetime.combine(local_day(moment), datetime.min.time(), HORA_QROO)
    return midnight.astimezone(timezone.utc).replace(tzinfo=None)


def client_key(address: str | None, secret: bytes, moment: datetime) -> str | None:
    """The day's key of a client address (None when the address is unknown)."""
    if not address:
        return None
    message = f"{local_day(moment).isoformat()}|{address.strip().lower()}".encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]
