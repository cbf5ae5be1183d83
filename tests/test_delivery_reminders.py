"""`python -m indicators recordatorios`: each enlace gets their ente's open requests overdue or due within 3 business
days, counted with the warehouse's calendar, once per day, through a real SMTP server; an ente with nothing due
gets nothing. A small warehouse built from a template file with deadlines worked out by hand."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app_server import free_port
from delivery import commands
from delivery.outbox import ServerUnavailable
from delivery.settings import DeliverySettings, SmtpSettings
from helpers import PLANTILLA_HEADER, build, query, write
from participacion import delivery_log, engine, migrate
from smtp_server import SmtpServer

ROOT = Path(__file__).resolve().parent.parent
OPEN = "Información pública,,,En proceso,Registro de la Solicitud,,No,No"
# Law in force in March 2025 for these state entes: LTAIPQROO 2016, 10 business days. Monday 17 March 2025 is a
# holiday (Benito Juárez) and the reminders run on Thursday 13 March. Business days after it: Fri 14 (1),
# Tue 18 (2), Wed 19 (3), Thu 20 (4).
#   …001 received Tue 4 Mar: Mar 5 6 7 10 11 12 13 14 18 19 → deadline Wed 19 = 3 business days ahead: listed
#        (6 calendar days ahead: a count of calendar days would leave it out).
#   …002 received Wed 5 Mar → deadline Thu 20 = 4 business days ahead: not listed.
#   …003 received Mon 24 Feb: Feb 25 26 27 28, Mar 3 4 5 6 7 10 → deadline Mon 10: overdue by 3 business days
#        (11, 12, 13).
#   …004 received Tue 4 Mar like …001 but answered: never listed.
#   …005 SEGOB, received Wed 5 Mar → Thu 20: nothing due, so SEGOB's enlace gets nothing.
#   …006 SESA, received Tue 4 Mar → Wed 19: listed.
ROWS = f"""
250000000000001,2025-03-04,,SEFIPLAN,{OPEN}
250000000000002,2025-03-05,,SEFIPLAN,{OPEN}
250000000000003,2025-02-24,,SEFIPLAN,{OPEN}
250000000000004,2025-03-04,,SEFIPLAN,Información pública,,,Terminada,Entrega de información vía Plataforma Nacional de Transparencia (Terminada),2025-03-12,No,No
250000000000005,2025-03-05,,SEGOB,{OPEN}
250000000000006,2025-03-04,,SESA,{OPEN}
"""
HOY = date(2025, 3, 13)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("recordatorios")
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + ROWS)
    return build(tmp / "in", tmp)


@pytest.fixture
def store(tmp_path):
    eng = engine.create(f"sqlite:///{tmp_path / 'participacion.sqlite'}")
    migrate.migrate(eng)
    yield eng
    eng.dispose()


def settings_for(server) -> DeliverySettings:
    return DeliverySettings(SmtpSettings("127.0.0.1", server.port, "tablero@sabgob.ejemplo.gob.mx"),
                            "https://tablero.ejemplo.gob.mx", 36.0)


def test_the_deadlines_worked_out_by_hand(db):
    assert query(db, "SELECT folio, fecha_limite::VARCHAR FROM solicitud ORDER BY folio") == [
        ("250000000000001", "2025-03-19"), ("250000000000002", "2025-03-20"), ("250000000000003", "2025-03-10"),
        ("250000000000004", "2025-03-19"), ("250000000000005", "2025-03-20"), ("250000000000006", "2025-03-19")]


def test_due_within_three_business_days_and_overdue(db, smtp_server, store):
    report = commands.send_reminders(db, hoy=HOY, settings=settings_for(smtp_server), store=store)
    assert report.ok and len(report.enviados) == 2
    # the enlaces of the sample catalog; SEGOB has nothing due and its enlace gets nothing
    assert smtp_server.recipients() == ["ut@sefiplan.ejemplo.gob.mx", "ut@sesa.ejemplo.gob.mx"]
    sefiplan = next(m.message for m in smtp_server.received if m.rcpt_tos == ("ut@sefiplan.ejemplo.gob.mx",))
    assert sefiplan["Subject"] == "Solicitudes por vencer o vencidas al 13 de marzo de 2025: SEFIPLAN"
    body = sefiplan.get_body(("plain",)).get_content()
    assert "Vencidas (1):" in body and "Por vencer (1):" in body
    assert "250000000000003      2025-02-24  2025-03-10    3 de atraso" in body
    assert "250000000000001      2025-03-04  2025-03-19    faltan 3" in body
    assert "250000000000002" not in body and "250000000000004" not in body
    assert "https://tablero.ejemplo.gob.mx/Plazos_en_riesgo?ente=SEFIPLAN" in body
    assert list(sefiplan.iter_attachments()) == []
    log = delivery_log.read(store)
    assert sorted(zip(log["ente_id"], log["resumen"])) == [("SEFIPLAN", "1 vencidas, 1 por vencer"),
                                                           ("SESA", "1 por vencer")]
    assert set(log["periodo"]) == {"2025-03-13"}


def test_once_a_day(db, smtp_server, store):
    settings = settings_for(smtp_server)
    commands.send_reminders(db, hoy=HOY, settings=settings, store=store)
    again = commands.send_reminders(db, hoy=HOY, settings=settings, store=store)
    assert again.enviados == [] and len(again.ya_enviados) == 2 and len(smtp_server.received) == 2
    # the next day is another reminder: Friday 14, …002 is now 3 business days ahead (Tue 18, Wed 19, Thu 20)
    friday = commands.send_reminders(db, hoy=date(2025, 3, 14), settings=settings, store=store, ente="SEFIPLAN")
    assert [p.destinatario for p in friday.enviados] == ["ut@sefiplan.ejemplo.gob.mx"]
    body = smtp_server.received[-1].message.get_body(("plain",)).get_content()
    assert "250000000000002      2025-03-05  2025-03-20    faltan 3" in body


def test_command_line_with_dias(db, smtp_server, tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    migrate.migrate(engine.create(url))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TABLERO_PARTICIPACION_URL": url, **smtp_server.env(),
           "TABLERO_ENVIO_ANTIGUEDAD_HORAS": "24"}
    done = subprocess.run([sys.executable, "-m", "indicators", "recordatorios", "--db", str(db), "--fecha",
                           HOY.isoformat(), "--dias", "4", "--ente", "SEGOB"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    # four business days reach Thursday 20: SEGOB's request is now listed
    assert "Recordatorios de 2025-03-13: 1 enviados" in done.stdout
    assert smtp_server.recipients() == ["ut@segob.ejemplo.gob.mx"]


def test_a_server_that_does_not_answer_stops_the_run_and_logs_nothing(db, store):
    settings = DeliverySettings(SmtpSettings("127.0.0.1", free_port(), "tablero@sabgob.ejemplo.gob.mx"), None, 36.0)
    with pytest.raises(ServerUnavailable, match="No se pudo conectar al servidor SMTP 127.0.0.1:.*No se envió nada"):
        commands.send_reminders(db, hoy=HOY, settings=settings, store=store)
    assert delivery_log.read(store).empty     # the next run sends everything


# A test server may ask for a login without TLS (aiosmtpd warns: a real one must not).
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_server_that_asks_for_a_login(db, store):
    server = SmtpServer(login=("tablero", "clave-del-buzon")).start()
    try:
        good = DeliverySettings(SmtpSettings("127.0.0.1", server.port, "tablero@sabgob.ejemplo.gob.mx", "tablero",
                                             "clave-del-buzon"), None, 36.0)
        bad = DeliverySettings(SmtpSettings("127.0.0.1", server.port, "tablero@sabgob.ejemplo.gob.mx", "tablero",
                                            "otra"), None, 36.0)
        with pytest.raises(ServerUnavailable, match="rechazó el usuario y la clave.*TABLERO_SMTP_CLAVE"):
            commands.send_reminders(db, hoy=HOY, settings=bad, store=store)
        assert server.received == [] and delivery_log.read(store).empty
        report = commands.send_reminders(db, hoy=HOY, settings=good, store=store)
        assert len(report.enviados) == 2 and server.recipients() == ["ut@sefiplan.ejemplo.gob.mx",
                                                                     "ut@sesa.ejemplo.gob.mx"]
    finally:
        server.stop()
