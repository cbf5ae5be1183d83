"""Evaluar una obligación and Moderación, run as the app runs them (AppTest): the obligation in plain words with the
article as secondary text, links only from the catalog, an evaluation sent and stored, the answers it lacks, the
limit, published comments as plain text, and the moderation of a comment with who decided it."""
from __future__ import annotations

import shutil
from datetime import datetime

import pytest
import sqlalchemy as sa

from conftest import ROOT, all_text, plain, run_page
from participacion import engine, evaluations, migrate, moderation
from participacion.abuse import Limits
from participacion.evaluations import Answers, Origin

EVALUAR, MODERACION = "pages/10_Evaluar_una_obligacion.py", "pages/11_Moderacion.py"
SABGOB = "coordinacion@sabgob.ejemplo.gob.mx"


@pytest.fixture
def store(app_db, tmp_path, monkeypatch):
    """A migrated store of this test, where the pages write (local mode, the session warehouse)."""
    url = f"sqlite:///{tmp_path / 'evaluaciones.sqlite'}"
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", url)
    eng = engine.create(url)
    migrate.migrate(eng)
    yield eng
    eng.dispose()


def stored(store) -> list[tuple]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT ente_id, fraccion, encontrada, actualizada, comprension, comentario, estado FROM evaluacion_ciudadana"
        )).all()]


def answer(at, encontrada="parcialmente", actualizada="no_se", comprension=4, comentario=""):
    gen = at.session_state["_evaluacion_generacion"]
    for key, value in (("encontrada", encontrada), ("actualizada", actualizada), ("comprension", comprension)):
        if value is not None:
            at.radio(key=f"eval_{key}_{gen}").set_value(value)
    at.text_area(key=f"eval_comentario_{gen}").input(comentario)
    next(b for b in at.button if b.label == "Enviar evaluación").click()
    return at.run()


def test_the_obligation_in_plain_words_and_its_links(store):
    at = run_page(EVALUAR, {"ente": "SEFIPLAN", "obligacion": "65-VIII"}, timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="f_obligacion").value == "65-VIII"
    assert "Gastos de representación y viáticos" in at.selectbox(key="f_obligacion").options
    text = all_text(at)
    assert "Artículo 65, fracción VIII de la Ley General de Transparencia" in text
    links = {b.proto.label: b.proto.url for b in at.get("link_button")}
    assert links["Portal de transparencia del ente"] == "https://www.sefiplan.qroo.gob.mx"   # entes.csv
    assert links["Consultar en la PNT"].startswith("https://consultapublicamx.plataformadetransparencia.org.mx/")
    other = run_page(EVALUAR, {"ente": "SEGOB"}, timeout=60)
    assert "No hay un enlace registrado al portal de transparencia de este ente." in all_text(other)
    assert [b.proto.label for b in other.get("link_button")] == ["Consultar en la PNT"]
    # only the obligations that apply to the ente under the law in force today (aplicabilidad_obligaciones.csv:
    # fr. XX, deuda pública, does not apply to the Secretaría Particular)
    assert "Deuda pública" in at.selectbox(key="f_obligacion").options
    assert "Deuda pública" not in run_page(EVALUAR, {"ente": "SP"}, timeout=60).selectbox(key="f_obligacion").options


def test_an_evaluation_is_sent_stored_and_limited(store):
    at = run_page(EVALUAR, {"ente": "SEFIPLAN", "obligacion": "65-VIII"}, timeout=60)
    at = answer(at, encontrada=None)
    assert "Responda las tres preguntas" in all_text(at) and stored(store) == []
    at = answer(at, comentario="No abre el archivo; escríbanme a vecina@correo.mx")
    assert not at.exception, [e.value for e in at.exception]
    assert "Gracias: su evaluación quedó registrada" in all_text(at)
    assert stored(store) == [("SEFIPLAN", "VIII", "parcialmente", "no_se", 4,
                              "No abre el archivo; escríbanme a [correo omitido]", "pendiente")]
    assert at.radio(key=f"eval_encontrada_{at.session_state['_evaluacion_generacion']}").value is None  # fresh form
    again = answer(at, encontrada="no")
    assert "Ya se registró una evaluación de esta obligación desde este navegador hoy" in all_text(again)
    assert len(stored(store)) == 1


def test_published_comments_are_plain_text_and_only_approved(store):
    now = datetime.now().replace(microsecond=0)
    for n, comentario in enumerate(["**Publicado** <b>sin formato</b>", "Pendiente"]):
        outcome = evaluations.submit(store, Answers("SEFIPLAN", "LGTAIP2025", "65", "VIII", "si", "si", 5, comentario),
                                     Origin(f"s{n}"), Limits(), now=now)
        if n == 0:
            moderation.decide(store, outcome.evaluacion_id, "aprobada", SABGOB)
    at = run_page(EVALUAR, {"ente": "SEFIPLAN", "obligacion": "65-VIII"}, timeout=60)
    [table] = [d.value for d in at.dataframe if "Comentario" in d.value.columns]
    assert table["Comentario"].tolist() == ["**Publicado** <b>sin formato</b>"]   # a cell: never Markdown nor HTML
    assert "Publicado" not in " ".join(plain(m.value) for m in at.markdown)


def test_a_store_not_ready_answers_in_spanish(app_db):
    at = run_page(EVALUAR, {"ente": "SEFIPLAN", "obligacion": "65-VIII"}, timeout=60)   # the store has no tables
    at = answer(at)
    assert not at.exception
    assert "No pudimos guardar su evaluación" in all_text(at) and "python -m participacion migrate" in all_text(at)


def test_moderation_in_local_mode(store):
    for n, comentario in enumerate(["Está completa", "Publicidad barata"]):
        evaluations.submit(store, Answers("SEFIPLAN", "LGTAIP2025", "65", ["VIII", "IX"][n], "si", "si", 5, comentario),
                           Origin(f"s{n}"), Limits(), now=datetime(2026, 11, 20, 15, n))
    at = run_page(MODERACION, timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].value == "2"
    first = at.selectbox(key="pendiente_elegida").value
    at.radio(key="pendiente_decision").set_value("rechazada")
    at = _save(at)
    assert "Para rechazar elija el motivo" in all_text(at) and moderation.count_decisions(store) == 0
    at.selectbox(key="pendiente_motivo").set_value("Publicidad, enlaces o contenido ajeno a la obligación")
    at = _save(at)
    log = moderation.history(store)
    assert log[["evaluacion_id", "decision", "motivo", "quien"]].values.tolist() == [
        [first, "rechazada", "Publicidad, enlaces o contenido ajeno a la obligación", "modo local (sin inicio de sesión)"]]
    assert "rechazada" in all_text(at) and moderation.count_pending(store) == 1


def _save(at):
    next(b for b in at.button if b.label == "Guardar decisión").click()
    return at.run()


def test_moderation_records_the_sabgob_user(store, monkeypatch, tmp_path):
    catalogos = tmp_path / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", catalogos)
    (catalogos / "usuarios.csv").write_text(f"correo,rol,ente_id,vigente_desde,vigente_hasta\n{SABGOB},sabgob,,,\n",
                                            encoding="utf-8")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogos))
    monkeypatch.delenv("TABLERO_MODO")
    evaluations.submit(store, Answers("SEFIPLAN", "LGTAIP2025", "65", "VIII", "si", "si", 5, "Bien"), Origin("s"),
                       Limits(), now=datetime(2026, 11, 20, 15, 0))
    auth = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 48,
                     "client_id": "tablero", "client_secret": "secreto", "server_metadata_url":
                     "http://localhost:9400/.well-known/openid-configuration"}}
    at = run_page(MODERACION, timeout=60, user={"is_logged_in": True, "email": SABGOB, "iat": 1_796_000_000},
                  secrets=auth)
    at = _save(at)   # «Aprobar y publicar» is the first choice
    assert moderation.history(store)[["decision", "quien"]].values.tolist() == [["aprobada", SABGOB]]
    anonymous = run_page(MODERACION, timeout=60, user={"is_logged_in": False}, secrets=auth)
    assert "Inicie sesión para ver esta página" in all_text(anonymous) and anonymous.dataframe == []
