"""Moderation of the citizens' comments (migration 0002): the queue, a decision (approve, or reject with a reason),
who decided what and when, and the attempts the abuse rules blocked.

A decision is one new row of `moderacion` (the database refuses to change or delete them) plus the evaluation's
estado, in one transaction. It names the estado the moderator saw: when two moderators decide the same
evaluation at once, the second is told that someone else already did, and nothing of theirs is written.
"""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from common.errors import TableroError
from common.masks import mask_text
from participacion.access_log import utc_now
from participacion.engine import writing
from participacion.evaluations import evaluacion_ciudadana, frame, guarded, intento_bloqueado

DECISIONES = {"aprobada": "Aprobada", "rechazada": "Rechazada"}
MOTIVOS_RECHAZO = ("Datos personales que la máscara no quitó", "Lenguaje ofensivo o discriminatorio",
                   "Publicidad, enlaces o contenido ajeno a la obligación", "Texto sin sentido o repetido", "Otro")
BLOQUEOS = {"trampa": "Campo trampa lleno (envío automático)", "repetida": "Evaluación idéntica repetida",
            "limite_hora_sesion": "Límite por hora del navegador", "limite_hora_direccion": "Límite por hora de la red",
            "limite_dia_fraccion_sesion": "Límite diario por obligación del navegador",
            "limite_dia_fraccion_direccion": "Límite diario por obligación de la red"}

moderacion = sa.Table(
    "moderacion", sa.MetaData(),
    sa.Column("evaluacion_id", sa.String(32), nullable=False),
    sa.Column("decidida_en", sa.DateTime, nullable=False),
    sa.Column("decision", sa.String(12), nullable=False),
    sa.Column("motivo", sa.Text),
    sa.Column("quien", sa.String(320), nullable=False),
)


class ModerationError(TableroError):
    """A decision that cannot be recorded (Spanish message)."""


def pending(engine: Engine, limite: int = 200) -> pd.DataFrame:
    """Evaluations whose comment waits for a decision, oldest first."""
    return _with_comments(engine, evaluacion_ciudadana.c.estado == "pendiente", limite, newest_first=False)


def decided(engine: Engine, limite: int = 200) -> pd.DataFrame:
    """Evaluations with a comment already decided (approved or rejected), newest first: a decision can be changed."""
    return _with_comments(engine, evaluacion_ciudadana.c.estado.in_(tuple(DECISIONES)), limite, newest_first=True)


def _with_comments(engine: Engine, where, limite: int, *, newest_first: bool) -> pd.DataFrame:
    t = evaluacion_ciudadana.c
    order = t.registrada_en.desc() if newest_first else t.registrada_en
    return frame(engine, sa.select(t.evaluacion_id, t.registrada_en, t.ente_id, t.ley_version, t.articulo, t.fraccion,
                                   t.encontrada, t.actualizada, t.comprension, t.comentario, t.estado)
                 .where(where, t.comentario.is_not(None)).order_by(order, t.evaluacion_id).limit(int(limite)))


def count_pending(engine: Engine) -> int:
    t = evaluacion_ciudadana.c
    query = sa.select(sa.func.count()).select_from(evaluacion_ciudadana).where(t.estado == "pendiente")
    return guarded(lambda: _scalar(engine, query), "leer")


def count_decisions(engine: Engine) -> int:
    return guarded(lambda: _scalar(engine, sa.select(sa.func.count()).select_from(moderacion)), "leer")


def decide(engine: Engine, evaluacion_id: str, decision: str, quien: str, *, motivo: str | None = None,
           estado_visto: str = "pendiente", now: datetime | None = None) -> None:
    """Records a decision on one evaluation whose estado the moderator saw as `estado_visto`. A rejection needs a
    reason; the reason is masked like the comments (it is shown beside them)."""
    if decision not in DECISIONES:
        raise ModerationError(f"Decisión desconocida «{decision}»: use aprobada o rechazada.")
    motivo = mask_text(motivo.strip()) if motivo and motivo.strip() else None
    if decision == "rechazada" and not motivo:
        raise ModerationError("Para rechazar un comentario escriba o elija el motivo.")
    if decision == estado_visto:
        raise ModerationError(f"La evaluación ya está {DECISIONES[decision].lower()}.")
    now = now or utc_now()
    t = evaluacion_ciudadana.c

    def run() -> int:
        with writing(engine) as conn:
            changed = conn.execute(sa.update(evaluacion_ciudadana)
                                   .where(t.evaluacion_id == evaluacion_id, t.estado == estado_visto,
                                          t.comentario.is_not(None))
                                   .values(estado=decision)).rowcount
            if changed == 1:
                conn.execute(sa.insert(moderacion).values(evaluacion_id=evaluacion_id, decidida_en=now,
                                                          decision=decision, motivo=motivo, quien=quien))
            return changed

    if guarded(run, "guardar la decisión en") != 1:
        raise ModerationError("Otra persona decidió esta evaluación mientras usted la revisaba (o ya no existe): "
                              "la lista se actualizó; revise la decisión vigente antes de cambiarla.")


def history(engine: Engine, limite: int = 1000) -> pd.DataFrame:
    """The latest decisions, newest first: decidida_en, evaluacion_id, decision, motivo, quien, ente_id."""
    m, t = moderacion.c, evaluacion_ciudadana.c
    query = (sa.select(m.decidida_en, m.evaluacion_id, m.decision, m.motivo, m.quien, t.ente_id)
             .join_from(moderacion, evaluacion_ciudadana, m.evaluacion_id == t.evaluacion_id)
             .order_by(m.decidida_en.desc(), m.evaluacion_id).limit(int(limite)))
    return frame(engine, query)


def blocked(engine: Engine, desde: datetime) -> pd.DataFrame:
    """Blocked attempts since `desde` (naive UTC) by motivo: motivo, intentos."""
    b = intento_bloqueado.c
    query = (sa.select(b.motivo, sa.func.count().label("intentos")).where(b.registrado_en >= desde)
             .group_by(b.motivo).order_by(sa.func.count().desc(), b.motivo))
    return frame(engine, query)


def _scalar(engine: Engine, query):
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()
