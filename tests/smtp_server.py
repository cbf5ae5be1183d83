"""A real SMTP server for the delivery tests: aiosmtpd on 127.0.0.1, in a thread of the test process, keeping every
message it accepts and refusing, at RCPT time, the addresses a test lists (as a mail server does with a mailbox
that does not exist). With `login=(user, password)` it demands that login (AUTH PLAIN/LOGIN; without TLS, as only a
test may) before any message."""
from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app_server import free_port

REFUSAL = "550 5.1.1 Mailbox unavailable"


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_RCPT(self, _server, _session, envelope, address, _options):
        if address.lower() in self.server.refuse:
            return REFUSAL
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server, _session, envelope):
        self.server.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


class _Authenticator:
    def __init__(self, login: tuple[str, str]):
        self.login = (login[0].encode(), login[1].encode())

    def __call__(self, _server, _session, _envelope, _mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == self.login
        return AuthResult(success=ok, handled=False)


class SmtpServer:
    def __init__(self, login: tuple[str, str] | None = None):
        self.received: list[Received] = []
        self.refuse: set[str] = set()
        self.port = free_port()
        auth = {} if login is None else {"authenticator": _Authenticator(login), "auth_required": True,
                                         "auth_require_tls": False}
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **auth)

    def start(self) -> SmtpServer:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def env(self, remitente: str = "tablero@sabgob.ejemplo.gob.mx") -> dict[str, str]:
        """The TABLERO_SMTP_* variables that point the commands at this server."""
        return {"TABLERO_SMTP_HOST": "127.0.0.1", "TABLERO_SMTP_PORT": str(self.port),
                "TABLERO_SMTP_REMITENTE": remitente}

    def recipients(self) -> list[str]:
        return sorted(r for m in self.received for r in m.rcpt_tos)
