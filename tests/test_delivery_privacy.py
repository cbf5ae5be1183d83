"""No message of either delivery carries a request's text or any personal data but its recipient's address: the
monthly fichas and the reminders of the real sample warehouse go through a real SMTP server, and every text of
every message (headers, body, the PDF's text) is searched for the sample inputs' request texts, the names and
addresses of the people in the training lists, and any e-mail address at all."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

import duckdb
from pypdf import PdfReader

from delivery import commands
from delivery.settings import DeliverySettings, SmtpSettings
from participacion import engine, migrate

SENDER = "tablero@sabgob.ejemplo.gob.mx"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The sample's PNT exports carry texts with a citizen's stray quotes (the reader repairs them): each text is taken
# between its key and the next one rather than by a JSON parser.
TEXT_FIELDS = [re.compile(rf'"{key}":"(.*?)","{after}":') for key, after in (
    ("DescripcionSolicitud", "OtrosDatos"), ("OtrosDatos", "ArchivosAdjuntos"), ("TextoRespuesta", "FechaRespuesta"))]


def needles(inputs) -> set[str]:
    """What the sample inputs hold that no message may: request and answer texts, people's names and addresses."""
    found = set()
    for path in sorted((inputs / "solicitudes").glob("*.JSON")):
        text = path.read_bytes().decode("cp1252")
        for field in TEXT_FIELDS:
            found |= {t.replace('\\"', '"').strip() for t in field.findall(text)}
    with open(inputs / "capacitacion" / "listas_asistencia.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            found |= {row["Nombre"].strip(), row["Correo"].strip()}
    return {n for n in found if len(n) >= 12}


def message_texts(received) -> str:
    message = received.message
    parts = [f"{k}: {v}" for k, v in message.items()]
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            parts.append(part.get_content())
        elif part.get_content_type() == "application/pdf":
            parts += [p.extract_text() for p in PdfReader(io.BytesIO(part.get_content())).pages]
    return "\n".join(parts)


def test_no_request_text_or_personal_data_in_any_message(tablero_db, smtp_server, tmp_path):
    store = engine.create(f"sqlite:///{tmp_path / 'p.sqlite'}")
    migrate.migrate(store)
    settings = DeliverySettings(SmtpSettings("127.0.0.1", smtp_server.port, SENDER), None, 36.0)
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        corte = date.fromisoformat(con.execute("SELECT valor FROM metadatos WHERE clave = 'fecha_corte'")
                                   .fetchone()[0][:10])
    fichas = commands.send_fichas(tablero_db, "2025-06", settings=settings, store=store)
    reminders = commands.send_reminders(tablero_db, hoy=corte, settings=settings, store=store)
    assert fichas.enviados and reminders.enviados
    assert len(smtp_server.received) == len(fichas.enviados) + len(reminders.enviados)

    forbidden = needles(tablero_db.parent / "inputs")
    assert len(forbidden) > 100
    for received in smtp_server.received:
        text = message_texts(received)
        flat = " ".join(text.split())
        assert [n for n in forbidden if " ".join(n.split()) in flat] == []
        (recipient,) = received.rcpt_tos
        addresses = {a.lower().rstrip(".") for a in EMAIL.findall(text)}
        # Message-ID is <number@sender's domain>: not an address of anyone
        addresses = {a for a in addresses if not re.fullmatch(r"[\d.]+@sabgob\.ejemplo\.gob\.mx", a)}
        assert addresses <= {recipient, SENDER}, addresses
