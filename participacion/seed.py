"""`python -m participacion ejemplo`: loads the sample evaluations (samples/evaluaciones.py writes them) into a
store that holds no evaluations yet, replaying each attempt through the page's own code at its own time: comments
masked, limits, honeypot and repeats applied, moderation decisions logged. A store that already holds evaluations
is never touched: the sample is for a new local store (`make tablero`), not for a real one.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from participacion import moderation
from participacion.abuse import client_key, load_limits
from participacion.evaluations import Answers, Origin, evaluacion_ciudadana, guarded, submit


@dataclass(frozen=True)
class SeedResult:
    cargada: bool
    registradas: int = 0
    bloqueadas: dict[str, int] | None = None
    decisiones: int = 0


def has_evaluations(engine: Engine) -> bool:
    query = sa.select(sa.literal(1)).select_from(evaluacion_ciudadana).limit(1)

    def read() -> bool:
        with engine.connect() as conn:
            return conn.execute(query).first() is not None
    return guarded(read, "leer")


def load_seed(engine: Engine, path: Path, secret: bytes) -> SeedResult:
    """Replays the attempts of `path` unless the store holds evaluations already (then SeedResult(False))."""
    if has_evaluations(engine):
        return SeedResult(False)
    limits = load_limits()
    blocked: dict[str, int] = {}
    registered = decisions = 0
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        when = datetime.fromisoformat(row["registrada_en"])
        answers = Answers(row["ente_id"], row["ley_version"], row["articulo"], row["fraccion"], row["encontrada"],
                          row["actualizada"], int(row["comprension"]), row["comentario"] or None)
        origin = Origin(row["sesion"], client_key(row["direccion"], secret, when), row["trampa"])
        outcome = submit(engine, answers, origin, limits, now=when)
        if not outcome.guardada:
            blocked[outcome.estado] = blocked.get(outcome.estado, 0) + 1
            continue
        registered += 1
        if row["decision"] and row["comentario"]:
            moderation.decide(engine, outcome.evaluacion_id, row["decision"], row["moderador"],
                              motivo=row["motivo"] or None, now=datetime.fromisoformat(row["decidida_en"]))
            decisions += 1
    return SeedResult(True, registered, blocked, decisions)
