"""Citizens' evaluations (migration 0002): submit one under the abuse rules, read the published comments, and the
snapshot the build reads.

One submission, in one write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock held until commit,
so replicas take turns): the honeypot, the limits of participacion/abuse.py counted over the stored evaluations,
the identical repeat, then the insert. Nothing is stored of a blocked attempt but its reason, time, session, client
key and ente (intento_bloqueado).
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from common.errors import TableroError
from common.masks import mask_text
from participacion.abuse import MAX_COMENTARIO, Limits, day_start_utc, local_day
from participacion.access_log import utc_now
from participacion.engine import guarded as store_guarded, reading, writing

ENCONTRADA = {"si": "Sí", "parcialmente": "Parcialmente", "no": "No"}
ACTUALIZADA = {"si": "Sí", "no": "No", "no_se": "No sé"}
# Evaluations that count (in the indicators and the published answers): without a comment, or with an approved one.
CUENTAN = ("publicada", "aprobada")
# Any constant: the key of the PostgreSQL advisory lock that makes submissions take turns across replicas.
_PG_SUBMIT_LOCK = 7_015_018

_md = sa.MetaData()
evaluacion_ciudadana = sa.Table(
    "evaluacion_ciudadana", _md,
    sa.Column("evaluacion_id", sa.String(32), primary_key=True),
    sa.Column("registrada_en", sa.DateTime, nullable=False),
    sa.Column("ente_id", sa.String(40), nullable=False),
    sa.Column("ley_version", sa.String(40), nullable=False),
    sa.Column("articulo", sa.String(10), nullable=False),
    sa.Column("fraccion", sa.String(12), nullable=False),
    sa.Column("encontrada", sa.String(12), nullable=False),
    sa.Column("actualizada", sa.String(12), nullable=False),
    sa.Column("comprension", sa.SmallInteger, nullable=False),
    sa.Column("comentario", sa.Text),
    sa.Column("estado", sa.String(12), nullable=False),
    sa.Column("sesion", sa.String(64), nullable=False),
    sa.Column("cliente", sa.String(64)),
    sa.Column("huella", sa.String(64), nullable=False),
)
intento_bloqueado = sa.Table(
    "intento_bloqueado", _md,
    sa.Column("registrado_en", sa.DateTime, nullable=False),
    sa.Column("motivo", sa.String(30), nullable=False),
    sa.Column("sesion", sa.String(64), nullable=False),
    sa.Column("cliente", sa.String(64)),
    sa.Column("ente_id", sa.String(40)),
)


class StoreError(TableroError):
    """The store cannot be read or written; the message is Spanish and says what to do."""


@dataclass(frozen=True)
class Answers:
    """What a citizen answered about one obligation (ley_version, articulo, fraccion) of one ente."""
    ente_id: str
    ley_version: str
    articulo: str
    fraccion: str
    encontrada: str
    actualizada: str
    comprension: int
    comentario: str | None = None

    def problem(self) -> str | None:
        """Why these answers cannot be stored (Spanish), or None."""
        if self.encontrada not in ENCONTRADA or self.actualizada not in ACTUALIZADA \
                or self.comprension not in range(1, 6):
            return "Responda las tres preguntas: ¿la encontró?, ¿está actualizada? y ¿se entiende? (de 1 a 5)."
        if self.comentario and len(self.comentario) > MAX_COMENTARIO:
            return (f"El comentario tiene {len(self.comentario):,} caracteres y el máximo es {MAX_COMENTARIO}: "
                    "acórtelo y vuelva a enviarlo.")
        return None


@dataclass(frozen=True)
class Origin:
    """Where a submission comes from: the browser session's random id, the day's client key (abuse.client_key;
    None when unknown) and the honeypot field as it arrived (a person never sees it, so leaves it empty)."""
    sesion: str
    cliente: str | None = None
    trampa: str = ""


@dataclass(frozen=True)
class Outcome:
    estado: str          # registrada | repetida | limite | invalida | trampa
    mensaje: str         # Spanish, for the citizen
    evaluacion_id: str | None = None

    @property
    def guardada(self) -> bool:
        return self.estado == "registrada"


GRACIAS = "Gracias: su evaluación quedó registrada."
GRACIAS_COMENTARIO = (GRACIAS + " Su comentario se publicará cuando lo revise la SABGOB (quita datos personales y "
                      "ofensas); sus respuestas cuentan desde entonces.")


def submit(engine: Engine, answers: Answers, origin: Origin, limits: Limits, *,
           now: datetime | None = None) -> Outcome:
    """Stores one evaluation unless a rule stops it; the Outcome's message says what happened, in Spanish."""
    now = now or utc_now()
    problem = answers.problem()
    if problem:
        return Outcome("invalida", problem)
    comentario = mask_text(answers.comentario.strip()) if answers.comentario and answers.comentario.strip() else None
    huella = _fingerprint(answers, comentario, origin, now)

    def run() -> Outcome:
        with writing(engine) as conn:
            _take_turn(conn)
            if origin.trampa.strip():
                # A bot filled the field a person never sees: it is told what a person would be told.
                _block(conn, "trampa", origin, answers.ente_id, now)
                return Outcome("trampa", GRACIAS)
            if conn.execute(sa.select(sa.literal(1)).where(evaluacion_ciudadana.c.huella == huella)).first():
                _block(conn, "repetida", origin, answers.ente_id, now)
                return Outcome("repetida", "Esta misma evaluación ya estaba registrada (se envió dos veces): se "
                                           "cuenta una sola vez. Gracias.")
            reached = _limit_reached(conn, answers, origin, limits, now)
            if reached:
                motivo, mensaje = reached
                _block(conn, motivo, origin, answers.ente_id, now)
                return Outcome("limite", mensaje)
            evaluacion_id = uuid.uuid4().hex
            conn.execute(sa.insert(evaluacion_ciudadana).values(
                evaluacion_id=evaluacion_id, registrada_en=now, ente_id=answers.ente_id,
                ley_version=answers.ley_version, articulo=answers.articulo, fraccion=answers.fraccion,
                encontrada=answers.encontrada, actualizada=answers.actualizada, comprension=answers.comprension,
                comentario=comentario, estado="pendiente" if comentario else "publicada", sesion=origin.sesion,
                cliente=origin.cliente, huella=huella))
            return Outcome("registrada", GRACIAS_COMENTARIO if comentario else GRACIAS, evaluacion_id)

    return guarded(run, "guardar su evaluación en")


def _fingerprint(answers: Answers, comentario: str | None, origin: Origin, now: datetime) -> str:
    who = f"cliente:{origin.cliente}" if origin.cliente else f"sesion:{origin.sesion}"
    parts = [who, local_day(now).isoformat(), answers.ente_id, answers.ley_version, answers.articulo,
             answers.fraccion, answers.encontrada, answers.actualizada, str(answers.comprension), comentario or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _take_turn(conn: Connection) -> None:
    """Submissions take turns, so two replicas cannot both pass a limit that only one of them may (SQLite: the
    BEGIN IMMEDIATE of `writing` already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SUBMIT_LOCK})


def _limit_reached(conn: Connection, answers: Answers, origin: Origin, limits: Limits,
                   now: datetime) -> tuple[str, str] | None:
    """(motivo, Spanish message) of the first limit this submission would pass, or None."""
    t = evaluacion_ciudadana.c
    hour, day = now - timedelta(hours=1), day_start_utc(now)
    same = sa.and_(t.ente_id == answers.ente_id, t.ley_version == answers.ley_version,
                   t.articulo == answers.articulo, t.fraccion == answers.fraccion)
    whose = [("sesion", t.sesion == origin.sesion, "desde este navegador")]
    if origin.cliente:
        whose.append(("direccion", t.cliente == origin.cliente, "desde su red"))

    def count(*where) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(evaluacion_ciudadana).where(*where)).scalar_one()

    for who, match, where in whose:
        limit = getattr(limits, f"por_dia_fraccion_{who}")
        if count(match, same, t.registrada_en >= day) >= limit:
            veces = "una evaluación" if limit == 1 else f"{limit} evaluaciones"
            return (f"limite_dia_fraccion_{who}",
                    f"Ya se registró {veces} de esta obligación {where} hoy, el máximo por día. Puede evaluar otra "
                    "obligación u otro ente, o volver mañana.")
    for who, match, where in whose:
        limit = getattr(limits, f"por_hora_{who}")
        if count(match, t.registrada_en > hour) >= limit:
            return (f"limite_hora_{who}",
                    f"Se han enviado {limit} evaluaciones {where} en la última hora, el máximo permitido. Espere un "
                    "rato y vuelva a intentarlo: así evitamos envíos automáticos.")
    return None


def _block(conn: Connection, motivo: str, origin: Origin, ente_id: str, now: datetime) -> None:
    conn.execute(sa.insert(intento_bloqueado).values(registrado_en=now, motivo=motivo, sesion=origin.sesion,
                                                     cliente=origin.cliente, ente_id=ente_id))


# ---- reads ----------------------------------------------------------------------------------------------------

def published_comments(engine: Engine, ente_id: str, ley_version: str, articulo: str, fraccion: str,
                       limite: int = 20) -> pd.DataFrame:
    """The latest approved comments on one obligation of one ente: registrada_en, encontrada, actualizada,
    comprension, comentario (masked; plain text, never Markdown nor HTML)."""
    t = evaluacion_ciudadana.c
    query = (sa.select(t.registrada_en, t.encontrada, t.actualizada, t.comprension, t.comentario)
             .where(t.ente_id == ente_id, t.ley_version == ley_version, t.articulo == articulo,
                    t.fraccion == fraccion, t.estado == "aprobada")
             .order_by(t.registrada_en.desc()).limit(int(limite)))
    return frame(engine, query)


def snapshot(engine: Engine) -> tuple[pd.DataFrame, dict[str, int]]:
    """What the build reads, in one read transaction (one consistent state however many citizens write meanwhile):
    the evaluations that count, oldest first, without comments, sessions or client keys; and how many of the
    others there are by estado."""
    t = evaluacion_ciudadana.c
    rows = (sa.select(t.evaluacion_id, t.registrada_en, t.ente_id, t.ley_version, t.articulo, t.fraccion,
                      t.encontrada, t.actualizada, t.comprension)
            .where(t.estado.in_(CUENTAN)).order_by(t.registrada_en, t.evaluacion_id))
    others = (sa.select(t.estado, sa.func.count()).where(t.estado.not_in(CUENTAN)).group_by(t.estado))

    def read() -> tuple[pd.DataFrame, dict[str, int]]:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":  # SQLite's read transaction in WAL mode is a snapshot already
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                result = conn.execute(rows)
                data = pd.DataFrame([tuple(r) for r in result.all()], columns=list(result.keys()))
                return data, {estado: n for estado, n in conn.execute(others).all()}

    return guarded(read, "leer")


def frame(engine: Engine, query) -> pd.DataFrame:
    def read() -> pd.DataFrame:
        with reading(engine) as conn:
            result = conn.execute(query)
            return pd.DataFrame([tuple(r) for r in result.all()], columns=list(result.keys()))
    return guarded(read, "leer")


def guarded(action, verb: str):
    return store_guarded(action, StoreError, f"No se pudo {verb} el almacén de participación")
