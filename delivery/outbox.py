"""Where messages go: an SMTP server (one connection for the whole run) or, with --prueba, a folder of .eml files
that any mail program opens.

Each message has one recipient, so a server that refuses an address refuses that message only: `send` raises
Refused with the server's answer, and the run logs it and goes on. A server that cannot be reached at all raises
ServerUnavailable: nothing more can be sent, and nothing was logged as sent.
"""
from __future__ import annotations

import re
import smtplib
import socket
import ssl
from email.message import EmailMessage
from pathlib import Path

from common.errors import TableroError
from delivery.settings import SmtpSettings

TIMEOUT_S = 30


class Refused(Exception):
    """The server refused this message; str() is its answer."""


class ServerUnavailable(TableroError):
    """The SMTP server cannot be reached or refuses the session; the message is Spanish."""


class SmtpOutbox:
    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpOutbox:
        return self

    def __exit__(self, *_exc) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except smtplib.SMTPException:
                pass
            self._smtp = None

    def send(self, message: EmailMessage) -> None:
        # A server may close an idle or long session: one new connection, then the failure is the server's.
        for attempt in (1, 2):
            try:
                refused = self._session().send_message(message)
            except smtplib.SMTPRecipientsRefused as exc:
                raise Refused(_answer(next(iter(exc.recipients.values())))) from exc
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
                raise Refused(_answer((exc.smtp_code, exc.smtp_error))) from exc
            except smtplib.SMTPServerDisconnected:
                self._smtp = None
                if attempt == 2:
                    raise ServerUnavailable(f"El servidor SMTP {self._where()} cerró la conexión dos veces seguidas; "
                                            "revise el servidor y vuelva a correr el envío.") from None
                continue
            if refused:
                raise Refused(_answer(next(iter(refused.values()))))
            return

    def _session(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        s = self.settings
        try:
            smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_S)
            if s.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if s.usuario:
                smtp.login(s.usuario, s.clave or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise ServerUnavailable(f"El servidor SMTP {self._where()} rechazó el usuario y la clave "
                                    f"({_answer((exc.smtp_code, exc.smtp_error))}); revise TABLERO_SMTP_USUARIO y "
                                    "TABLERO_SMTP_CLAVE o [smtp] de .streamlit/secrets.toml.") from exc
        except (OSError, smtplib.SMTPException, socket.timeout) as exc:
            raise ServerUnavailable(f"No se pudo conectar al servidor SMTP {self._where()} ({type(exc).__name__}: "
                                    f"{exc}); revise host, port y starttls (TABLERO_SMTP_* o [smtp] de "
                                    ".streamlit/secrets.toml). No se envió nada más.") from exc
        self._smtp = smtp
        return smtp

    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"


class FolderOutbox:
    """--prueba: each message becomes NNN_<ente>_<tipo>_<recipient>.eml in `folder` (created when missing)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.written: list[Path] = []

    def __enter__(self) -> FolderOutbox:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *_exc) -> None:
        pass

    def send(self, message: EmailMessage) -> None:
        tag = "_".join(message.get(h, "") for h in ("X-Tablero-Ente", "X-Tablero-Tipo", "To"))
        path = self.folder / f"{len(self.written) + 1:03d}_{re.sub(r'[^A-Za-z0-9@._-]+', '_', tag)}.eml"
        path.write_bytes(bytes(message))
        self.written.append(path)


def _answer(code_and_text) -> str:
    code, text = code_and_text
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {text}".strip()
