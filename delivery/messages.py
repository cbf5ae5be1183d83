"""The e-mail itself: one recipient, plain text in UTF-8 (never HTML: texts come from outside), an optional
attachment, and headers that say it is automatic (Auto-Submitted, so no vacation reply bounces back) and which
ente and kind it is (X-Tablero-*, for the mail server's filters and the --prueba file names).

No address but the recipient's is ever written into a message: one message per recipient, no Cc, no Bcc."""
from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import PurePosixPath

FIRMA = ("--\nTablero de Indicadores de Transparencia del Poder Ejecutivo de Quintana Roo.\n"
         "Mensaje automático: no responda a esta dirección. Si usted ya no es la persona destinataria, pida a la "
         "SABGOB que actualice el catálogo de usuarios del tablero.")


def new_message(remitente: str, destinatario: str, asunto: str, cuerpo: str, *, tipo: str, ente_id: str,
                adjunto: tuple[str, bytes, str] | None = None) -> EmailMessage:
    """adjunto: (file name, bytes, MIME type such as 'application/pdf')."""
    message = EmailMessage()
    message["From"] = remitente
    message["To"] = destinatario
    message["Subject"] = asunto
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=remitente.rsplit("@", 1)[-1])
    message["Auto-Submitted"] = "auto-generated"
    message["X-Tablero-Tipo"] = tipo
    message["X-Tablero-Ente"] = ente_id
    message.set_content(f"{cuerpo.rstrip()}\n\n{FIRMA}\n", charset="utf-8")
    if adjunto is not None:
        name, data, mime = adjunto
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def ficha_link(url_tablero: str | None, ente_id: str, tipo: str, periodo: str) -> str | None:
    """The ente's Ficha page for the period (the page reads ente, tipo and periodo from the URL)."""
    if not url_tablero:
        return None
    return f"{url_tablero}/Ficha_del_ente?ente={ente_id}&tipo={tipo}&periodo={periodo}"


def page_link(url_tablero: str | None, pagina: str, ente_id: str) -> str | None:
    """A page of the dashboard (its path as in pages/ui/layout.py PAGES, e.g. pages/4_Plazos_en_riesgo.py) showing
    one ente: Streamlit serves pages/N_Nombre.py at /Nombre."""
    if not url_tablero:
        return None
    path = "" if pagina == "app.py" else re.sub(r"^\d+_", "", PurePosixPath(pagina).stem)
    return f"{url_tablero}/{path}?ente={ente_id}"
