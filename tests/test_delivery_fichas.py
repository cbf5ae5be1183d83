"""`python -m indicators enviar`: each titular of the sample roles catalog gets their ente's PDF ficha through a real
SMTP server (aiosmtpd), once per period; a refused recipient is retried on the next run; --prueba writes the
messages to a folder; a stale warehouse sends nothing. Against the session's real sample warehouse."""
from __future__ import annotations

import email
import email.policy
import io
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfReader

from access.users import load_catalog, with_role
from indicators.acciones import top_actions
from indicators.period_status import PeriodStates
from participacion import delivery_log, engine, migrate

ROOT = Path(__file__).resolve().parent.parent
PERIODO = "2025-06"
URL = "https://tablero.ejemplo.gob.mx"


@pytest.fixture
def store_env(store_url):
    """A migrated participación store (SQLite, then PostgreSQL) and the variables that point the commands at it."""
    eng = engine.create(store_url)
    migrate.migrate(eng)
    yield eng, {"TABLERO_PARTICIPACION_URL": store_url}
    eng.dispose()


@pytest.fixture
def sqlite_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'participacion.sqlite'}"
    eng = engine.create(url)
    migrate.migrate(eng)
    return eng, {"TABLERO_PARTICIPACION_URL": url}


def enviar(db: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(ROOT), "TABLERO_URL": URL, **env}
    return subprocess.run([sys.executable, "-m", "indicators", "enviar", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=full)


def expected_titulares(db: Path) -> dict[str, str]:
    """{address: ente} of the catalog's titulares today whose ente has an index in PERIODO."""
    with duckdb.connect(str(db), read_only=True) as con:
        with_index = {r[0] for r in con.execute("""SELECT clave FROM indicador_valor WHERE nivel = 'ente'
                         AND indicador = 'indice_desempeno' AND tipo_periodo = 'mes' AND periodo = ?""",
                                               [PERIODO]).fetchall()}
    return {u.correo: u.ente_id for u in with_role(load_catalog(), "titular", datetime.now().date())
            if u.ente_id in with_index}


def test_each_titular_gets_their_ficha_once(tablero_db, smtp_server, sqlite_store):
    store, env = sqlite_store
    env |= smtp_server.env()
    titulares = expected_titulares(tablero_db)
    # the sample catalog: titulares of SEFIPLAN, SEGOB, SEQ, SESA and SABGOB, all with an index in June 2025
    assert sorted(titulares.values()) == ["SABGOB", "SEFIPLAN", "SEGOB", "SEQ", "SESA"]

    first = enviar(tablero_db, env, "--periodo", PERIODO)
    assert first.returncode == 0, first.stderr
    assert f"Fichas de {PERIODO}: 5 enviados, 0 fallidos, 0 ya enviados antes." in first.stdout
    assert smtp_server.recipients() == sorted(titulares)
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        index = dict(con.execute("""SELECT clave, valor FROM indicador_valor WHERE nivel = 'ente' AND
                                    indicador = 'indice_desempeno' AND periodo = ?""", [PERIODO]).fetchall())
        names = dict(con.execute("SELECT ente_id, nombre_oficial FROM ente").fetchall())
        actions = {ente: top_actions(con, ente, PERIODO) for ente in titulares.values()}
    for received in smtp_server.received:
        message = received.message
        (to,) = received.rcpt_tos
        ente = titulares[to]
        assert message["To"] == to and message["From"] == "tablero@sabgob.ejemplo.gob.mx"
        assert message["Cc"] is None and message["Bcc"] is None
        body = message.get_body(("plain",)).get_content()
        assert names[ente] in body and f"{index[ente]:.1f} de 100" in body
        assert f"{URL}/Ficha_del_ente?ente={ente}&tipo=mes&periodo={PERIODO}" in body
        # the top three actions of indicators/acciones.py, in their order, each with its gain in index points
        assert 1 <= len(actions[ente]) <= 3
        positions = [body.index(f"{n}. {a.texto} Sumaría {a.ganancia:.1f} puntos") for n, a in
                     enumerate(actions[ente], start=1)]
        assert positions == sorted(positions)
        (pdf,) = list(message.iter_attachments())
        assert pdf.get_content_type() == "application/pdf"
        assert pdf.get_filename() == f"ficha_{ente}_{PERIODO}.pdf"
        text = " ".join(PdfReader(io.BytesIO(pdf.get_content())).pages[0].extract_text().split())
        assert f"{index[ente]:.1f}" in text and "Qué corregir" in text

    # a second run for the same period sends nothing
    again = enviar(tablero_db, env, "--periodo", PERIODO)
    assert again.returncode == 0, again.stderr
    assert "0 enviados, 0 fallidos, 5 ya enviados antes" in again.stdout and "--reenviar" in again.stdout
    assert len(smtp_server.received) == 5
    # unless asked to: --reenviar sends each again, and the log says it was a resend
    resend = enviar(tablero_db, env, "--periodo", PERIODO, "--reenviar", "--ente", "SEQ")
    assert resend.returncode == 0 and "1 enviados" in resend.stdout
    assert smtp_server.recipients().count("titular@seq.ejemplo.gob.mx") == 2
    log = delivery_log.read(store, tipo="ficha")
    assert len(log) == 6 and set(log["estado"]) == {"enviado"} and set(log["periodo"]) == {PERIODO}
    assert log.loc[0, "destinatario"] == "titular@seq.ejemplo.gob.mx" and bool(log.loc[0, "reenvio"])
    assert log.loc[log["ente_id"] == "SEFIPLAN", "resumen"].tolist() == [f"índice {index['SEFIPLAN']:.1f}"]


def test_a_refused_recipient_is_retried_on_the_next_run(tablero_db, smtp_server, store_env):
    store, env = store_env
    env |= smtp_server.env()
    smtp_server.refuse = {"titular@segob.ejemplo.gob.mx"}
    first = enviar(tablero_db, env, "--periodo", PERIODO)
    # exit code 2: some recipient failed, the others were sent
    assert first.returncode == 2, first.stderr
    assert "4 enviados, 1 fallidos" in first.stdout
    assert "FALLÓ titular@segob.ejemplo.gob.mx (SEGOB): 550 5.1.1 Mailbox unavailable" in first.stdout
    assert "titular@segob.ejemplo.gob.mx" not in smtp_server.recipients()
    assert delivery_log.failed(store, "ficha", PERIODO) == {
        ("SEGOB", "titular@segob.ejemplo.gob.mx"): "550 5.1.1 Mailbox unavailable"}

    smtp_server.refuse = set()     # the mailbox was created
    second = enviar(tablero_db, env, "--periodo", PERIODO)
    assert second.returncode == 0, second.stderr
    assert "1 enviados, 0 fallidos, 4 ya enviados antes" in second.stdout
    assert "reintento de una falla anterior: titular@segob.ejemplo.gob.mx (SEGOB)" in second.stdout
    assert smtp_server.recipients().count("titular@segob.ejemplo.gob.mx") == 1 and len(smtp_server.received) == 5
    assert delivery_log.failed(store, "ficha", PERIODO) == {}


def test_prueba_writes_the_messages_to_a_folder(tablero_db, smtp_server, sqlite_store, tmp_path):
    store, env = sqlite_store
    folder = tmp_path / "prueba"
    done = enviar(tablero_db, env, "--periodo", PERIODO, "--ente", "SEFIPLAN", "--prueba", "--carpeta", str(folder))
    assert done.returncode == 0, done.stderr
    (eml,) = sorted(folder.glob("*.eml"))
    assert eml.name == "001_SEFIPLAN_ficha_titular@sefiplan.ejemplo.gob.mx.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["To"] == "titular@sefiplan.ejemplo.gob.mx"
    assert [a.get_filename() for a in message.iter_attachments()] == [f"ficha_SEFIPLAN_{PERIODO}.pdf"]
    # nothing was sent, and a trial does not count as delivered
    assert smtp_server.received == [] and delivery_log.read(store).empty
    # without --periodo: the last closed month (indicators.period_status), as the pages and the fichas
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        last_closed = PeriodStates.from_connection(con).last_closed("mes")
    default = enviar(tablero_db, env, "--ente", "SEFIPLAN", "--prueba", "--carpeta", str(tmp_path / "omision"))
    assert default.returncode == 0, default.stderr
    assert f"Fichas de {last_closed}: 1 escritos en la carpeta de prueba" in default.stdout
    assert [p.name for p in (tmp_path / "omision").glob("*.eml")] == [eml.name]


def test_nothing_is_sent_from_a_stale_warehouse(tablero_db, smtp_server, sqlite_store, tmp_path):
    _store, env = sqlite_store
    env |= smtp_server.env()
    stale = tmp_path / "viejo.duckdb"
    shutil.copy(tablero_db, stale)
    built = (datetime.now() - timedelta(hours=50)).isoformat(timespec="seconds")
    with duckdb.connect(str(stale)) as con:
        con.execute("UPDATE metadatos SET valor = ? WHERE clave = 'construido_en'", [built])
    for extra in ([], ["--prueba", "--carpeta", str(tmp_path / "prueba")]):
        done = enviar(stale, env, "--periodo", PERIODO, *extra)
        assert done.returncode == 1
        assert "hace 50.0 horas" in done.stderr and "No se envía nada desde un almacén viejo" in done.stderr
    assert smtp_server.received == [] and not (tmp_path / "prueba").exists()
    # the limit is a setting: 72 hours accepts the same warehouse
    assert enviar(stale, {**env, "TABLERO_ENVIO_ANTIGUEDAD_HORAS": "72"}, "--periodo", PERIODO,
                  "--ente", "SEQ").returncode == 0


def test_without_smtp_settings_it_says_what_to_set(tablero_db, sqlite_store):
    _store, env = sqlite_store
    clean = {k: "" for k in ("TABLERO_SMTP_HOST", "TABLERO_SMTP_PORT", "TABLERO_SMTP_REMITENTE")}
    done = enviar(tablero_db, {**env, **clean}, "--periodo", PERIODO)
    assert done.returncode == 1 and "TABLERO_SMTP_HOST" in done.stderr and "--prueba" in done.stderr
    bad = enviar(tablero_db, env, "--periodo", "junio")
    assert bad.returncode == 1 and "no válido" in bad.stderr

