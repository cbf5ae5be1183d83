"""Citizens' evaluations in the participación store, on SQLite and on a real PostgreSQL server: what is stored
(masked comments, no address), the abuse rules (honeypot, identical repeats, the limits per session and per
address, per hour and per ente-fracción per day, counted by hand below), moderation (approve, reject with a reason,
both logged; a decision taken twice at once; a log that refuses changes) and the snapshot the build reads."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from participacion import engine as store_engine
from participacion import evaluations, moderation
from participacion.abuse import Limits, LimitsError, client_key, day_start_utc, load_limits, local_day
from participacion.evaluations import Answers, Origin
from participacion.moderation import ModerationError

T0 = datetime(2026, 11, 20, 15, 0)            # UTC: 10:00 in Quintana Roo
LIMITS = Limits(por_hora_sesion=3, por_hora_direccion=5, por_dia_fraccion_sesion=1, por_dia_fraccion_direccion=2)


def answers(fraccion="VIII", encontrada="si", comentario=None, ente="SEFIPLAN") -> Answers:
    return Answers(ente, "LGTAIP2025", "65", fraccion, encontrada, "no_se", 4, comentario)


def send(store, a: Answers, sesion="s1", cliente="c1", at=T0, trampa="", limits=LIMITS):
    return evaluations.submit(store, a, Origin(sesion, cliente, trampa), limits, now=at)


def rows(store, sql: str) -> list[tuple]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql)).all()]


def test_an_evaluation_is_stored_with_its_comment_masked(store):
    comentario = ("No la encontré; llámenme al 998 765 4321 o escriban a juan.perez@correo.mx. "
                  "Mi CURP es PEGJ800101HQRRRN09 y mi RFC PEGJ800101AB1.")
    outcome = send(store, answers(comentario=comentario))
    assert outcome.guardada and "se publicará cuando lo revise la SABGOB" in outcome.mensaje
    [(stored, estado, cliente)] = rows(store, "SELECT comentario, estado, cliente FROM evaluacion_ciudadana")
    assert stored == ("No la encontré; llámenme al [teléfono omitido] o escriban a [correo omitido]. "
                      "Mi CURP es [CURP omitida] y mi RFC [RFC omitido].")
    assert estado == "pendiente" and cliente == "c1"
    # without a comment there is nothing to moderate: it counts at once
    assert send(store, answers("IX"), at=T0 + timedelta(minutes=1)).guardada
    assert rows(store, "SELECT estado FROM evaluacion_ciudadana WHERE fraccion = 'IX'") == [("publicada",)]


def test_a_comment_longer_than_500_characters_is_refused(store):
    outcome = send(store, answers(comentario="a" * 501))
    assert outcome.estado == "invalida" and "501 caracteres y el máximo es 500" in outcome.mensaje
    assert send(store, answers(comentario="a" * 500)).guardada
    assert send(store, Answers("SEFIPLAN", "LGTAIP2025", "65", "X", "", "si", 3), at=T0 + timedelta(minutes=2)
                ).estado == "invalida"


def test_the_honeypot_stores_nothing_but_the_attempt(store):
    outcome = send(store, answers(), trampa="https://promo.invalid")
    assert outcome.estado == "trampa" and outcome.mensaje == evaluations.GRACIAS   # a bot is told what a person is
    assert rows(store, "SELECT count(*) FROM evaluacion_ciudadana") == [(0,)]
    assert rows(store, "SELECT motivo, sesion, cliente, ente_id FROM intento_bloqueado") == [
        ("trampa", "s1", "c1", "SEFIPLAN")]


def test_an_identical_repeat_collapses_to_one(store):
    assert send(store, answers(comentario="Muy clara")).guardada
    again = send(store, answers(comentario="Muy clara"), sesion="s2", at=T0 + timedelta(seconds=1))  # a reload
    assert again.estado == "repetida" and "se cuenta una sola vez" in again.mensaje
    assert rows(store, "SELECT count(*) FROM evaluacion_ciudadana") == [(1,)]
    # another person behind another address with the same answers is not a repeat
    assert send(store, answers(comentario="Muy clara"), sesion="s3", cliente="c2").guardada


def test_limits_per_session_per_hour(store):
    # 3 per hour per session (LIMITS): at 15:00, 15:10 and 15:20 they pass, at 15:30 the fourth is refused; at
    # 16:01 the first has left the last 60 minutes and one more passes.
    for k, fraccion in enumerate(["I", "II", "III"]):
        assert send(store, answers(fraccion), cliente=None, at=T0 + timedelta(minutes=10 * k)).guardada
    refused = send(store, answers("IV"), cliente=None, at=T0 + timedelta(minutes=30))
    assert refused.estado == "limite"
    assert refused.mensaje.startswith("Se han enviado 3 evaluaciones desde este navegador en la última hora")
    assert send(store, answers("IV"), cliente=None, at=T0 + timedelta(minutes=61)).guardada
    assert rows(store, "SELECT motivo FROM intento_bloqueado") == [("limite_hora_sesion",)]


def test_limits_per_address_per_hour(store):
    # 5 per hour per address, whatever the session (a reload makes a new one): the sixth is refused.
    for k in range(5):
        assert send(store, answers(f"{['I', 'II', 'III', 'IV', 'V'][k]}"), sesion=f"s{k}",
                    at=T0 + timedelta(minutes=k)).guardada
    refused = send(store, answers("VI"), sesion="s9", at=T0 + timedelta(minutes=6))
    assert refused.estado == "limite" and "desde su red en la última hora" in refused.mensaje
    assert send(store, answers("VI"), sesion="s9", cliente="otra", at=T0 + timedelta(minutes=6)).guardada


def test_limits_per_ente_fraccion_per_day(store):
    # One per session and two per address for one ente-fracción on one day (Quintana Roo): 10:00 and 10:05 local.
    assert send(store, answers(encontrada="si")).guardada
    refused = send(store, answers(encontrada="no"), at=T0 + timedelta(minutes=5))
    assert refused.estado == "limite" and "Ya se registró una evaluación de esta obligación desde este navegador hoy" \
        in refused.mensaje
    assert send(store, answers(encontrada="no"), sesion="s2", at=T0 + timedelta(minutes=5)).guardada
    third = send(store, answers(encontrada="parcialmente"), sesion="s3", at=T0 + timedelta(minutes=6))
    assert third.estado == "limite" and "Ya se registró 2 evaluaciones de esta obligación desde su red hoy" \
        in third.mensaje
    # another ente, or the same one the next day in Quintana Roo (00:00 local is 05:00 UTC), is a new count
    assert send(store, answers(ente="SEQ"), at=T0 + timedelta(minutes=7)).guardada
    next_day = datetime(2026, 11, 21, 5, 0)
    assert send(store, answers(encontrada="no"), at=next_day).guardada
    assert [m for (m,) in rows(store, "SELECT motivo FROM intento_bloqueado ORDER BY registrado_en")] == [
        "limite_dia_fraccion_sesion", "limite_dia_fraccion_direccion"]


def test_the_client_key_changes_every_day_in_quintana_roo():
    secret = b"clave"
    evening = datetime(2026, 11, 21, 4, 59)    # 23:59 of the 20th in Quintana Roo
    midnight = datetime(2026, 11, 21, 5, 0)    # 00:00 of the 21st
    assert local_day(evening).day == 20 and local_day(midnight).day == 21
    assert day_start_utc(evening) == datetime(2026, 11, 20, 5, 0)
    assert client_key("203.0.113.7", secret, evening) == client_key("203.0.113.7", secret, T0)
    assert client_key("203.0.113.7", secret, midnight) != client_key("203.0.113.7", secret, evening)
    assert client_key("203.0.113.7", b"otra", T0) != client_key("203.0.113.7", secret, T0)
    assert "203.0.113.7" not in client_key("203.0.113.7", secret, T0) and client_key(None, secret, T0) is None


def test_the_limits_file_is_checked_whole(tmp_path):
    path = tmp_path / "evaluacion_ciudadana.toml"
    path.write_text("[limites]\npor_hora_sesion = 0\npor_minuto = 3\n[otra]\n", encoding="utf-8")
    with pytest.raises(LimitsError) as err:
        load_limits(path)
    text = str(err.value)
    assert "clave de primer nivel desconocida «otra»" in text and "clave desconocida «por_minuto»" in text
    assert "evaluacion_ciudadana.toml, [limites]: «por_hora_sesion» debe ser un número entero mayor que 0; " \
        "se encontró 0" in text
    assert load_limits(tmp_path / "no_existe.toml") == Limits()
    assert load_limits() == Limits(10, 30, 1, 3)   # the catalog's file says the defaults


def test_moderation_approve_and_reject_are_logged(store):
    first = send(store, answers("I", comentario="Está completa")).evaluacion_id
    second = send(store, answers("II", comentario="Son unos inútiles")).evaluacion_id
    assert moderation.count_pending(store) == 2 and evaluations.published_comments(
        store, "SEFIPLAN", "LGTAIP2025", "65", "I").empty
    moderation.decide(store, first, "aprobada", "mod@sabgob.ejemplo.gob.mx", now=T0 + timedelta(hours=1))
    with pytest.raises(ModerationError, match="elija el motivo"):
        moderation.decide(store, second, "rechazada", "mod@sabgob.ejemplo.gob.mx")
    moderation.decide(store, second, "rechazada", "mod@sabgob.ejemplo.gob.mx", motivo="Lenguaje ofensivo",
                      now=T0 + timedelta(hours=2))
    published = evaluations.published_comments(store, "SEFIPLAN", "LGTAIP2025", "65", "I")
    assert published["comentario"].tolist() == ["Está completa"]
    log = moderation.history(store)
    assert log[["decision", "quien"]].values.tolist() == [["rechazada", "mod@sabgob.ejemplo.gob.mx"],
                                                          ["aprobada", "mod@sabgob.ejemplo.gob.mx"]]
    assert log["motivo"].iloc[0] == "Lenguaje ofensivo" and log["motivo"].isna().iloc[1]
    assert moderation.count_pending(store) == 0 and moderation.count_decisions(store) == 2
    # a decision can be changed later, by another decision: the log keeps both
    moderation.decide(store, first, "rechazada", "otra@sabgob.ejemplo.gob.mx", motivo="Otro: era publicidad",
                      estado_visto="aprobada", now=T0 + timedelta(hours=3))
    assert evaluations.published_comments(store, "SEFIPLAN", "LGTAIP2025", "65", "I").empty
    assert len(moderation.history(store)) == 3


def test_two_moderators_deciding_at_once(store):
    evaluacion = send(store, answers(comentario="Bien")).evaluacion_id
    moderation.decide(store, evaluacion, "aprobada", "una@sabgob.ejemplo.gob.mx")
    # the other one still saw it pending: told, and nothing of theirs is written
    with pytest.raises(ModerationError, match="Otra persona decidió esta evaluación"):
        moderation.decide(store, evaluacion, "rechazada", "otra@sabgob.ejemplo.gob.mx", motivo="Otro: spam")
    assert moderation.history(store)["quien"].tolist() == ["una@sabgob.ejemplo.gob.mx"]


def test_the_moderation_log_refuses_changes(store):
    evaluacion = send(store, answers(comentario="Bien")).evaluacion_id
    moderation.decide(store, evaluacion, "aprobada", "una@sabgob.ejemplo.gob.mx")
    for statement in ("UPDATE moderacion SET quien = 'nadie'", "DELETE FROM moderacion"):
        with pytest.raises(sa.exc.DBAPIError, match="solo admiten registros nuevos"):
            with store.begin() as conn:
                conn.execute(sa.text(statement))


def test_the_snapshot_holds_only_what_counts(store):
    send(store, answers("I"), sesion="a", cliente="a")                         # no comment: counts
    pending = send(store, answers("II", comentario="Pendiente"), sesion="b", cliente="b").evaluacion_id
    rejected = send(store, answers("III", comentario="Basura"), sesion="c", cliente="c").evaluacion_id
    approved = send(store, answers("IV", comentario="Bien"), sesion="d", cliente="d").evaluacion_id
    moderation.decide(store, rejected, "rechazada", "m@sabgob.ejemplo.gob.mx", motivo="Texto sin sentido")
    moderation.decide(store, approved, "aprobada", "m@sabgob.ejemplo.gob.mx")
    data, others = evaluations.snapshot(store)
    assert sorted(data["fraccion"]) == ["I", "IV"] and others == {"pendiente": 1, "rechazada": 1}
    assert "comentario" not in data.columns and "cliente" not in data.columns and "sesion" not in data.columns
    assert pending not in set(data["evaluacion_id"])


def test_two_replicas_see_each_others_evaluations(store_url, store):
    """Two engines on one store (two app servers): what one writes the other reads, and the limits count both."""
    other = store_engine.create(store_url)
    try:
        assert send(store, answers("I", comentario="Desde la réplica A")).guardada
        moderation.decide(other, moderation.pending(other)["evaluacion_id"][0], "aprobada", "m@sabgob.ejemplo.gob.mx")
        assert evaluations.published_comments(store, "SEFIPLAN", "LGTAIP2025", "65", "I")["comentario"].tolist() == [
            "Desde la réplica A"]
        assert send(other, answers("II"), at=T0 + timedelta(minutes=1)).guardada
        assert send(store, answers("III"), at=T0 + timedelta(minutes=2)).guardada
        assert send(other, answers("IV"), at=T0 + timedelta(minutes=3)).estado == "limite"   # 3 per hour in all
    finally:
        other.dispose()


def test_the_comment_mask_is_the_load_mask():
    """One implementation of the patterns (etl/sql/functions/privacidad.sql): the comments' mask gives what the
    macro gives."""
    import duckdb

    from common.masks import define_masks, mask_text
    samples = ["usuario @correo.mx", "usuario arroba correo.mx", "curp:PEGJ800101HQRRRN09_x", "(998) 765-4321",
               "+52 998 765 4321", "998-765-43-21", "RFC PEGJ800101AB1", "folio 240001234567890", "V-202401",
               "sin datos personales"]
    with duckdb.connect() as con:
        define_masks(con)
        expected = [con.execute("SELECT sin_identificadores(?)", [s]).fetchone()[0] for s in samples]
    assert [mask_text(s) for s in samples] == expected
    assert expected[:3] == ["[correo omitido]", "[correo omitido]", "curp:[CURP omitida]_x"]
    assert expected[-2:] == ["V-202401", "sin datos personales"]
