"""`python -m bench evaluaciones`: what the citizens' evaluations cost, measured against baselines of the same run.

1. A submission (participacion/evaluations.py `submit`: mask, honeypot, repeat, four limit counts and the insert, in
   one write transaction) against the bare insert of the same row, on an SQLite store (and on PostgreSQL with
   --url), over a store that already holds N evaluations.
2. A build with N evaluations in the store (snapshot, load record, staging, indicators per ente and fracción, the
   comparison with the verifiers) against the same build without a store.
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

from common.paths import CATALOGOS_DIR
from etl.build import build_warehouse
from participacion import engine as store_engine
from participacion import migrate
from participacion.abuse import Limits
from participacion.evaluations import Answers, Origin, evaluacion_ciudadana, submit

FRACCIONES = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
              "XVI", "XVII", "XVIII", "XIX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]
START = dt.datetime(2025, 4, 1, 15, 0)


def _entes() -> list[str]:
    import csv
    with (CATALOGOS_DIR / "entes.csv").open(encoding="utf-8") as fh:
        return [r["ente_id"] for r in csv.DictReader(fh) if not r["vigente_hasta"]]


def fill(store, n: int, rng: random.Random) -> None:
    """n evaluations without comment over 18 months, written in bulk (what citizens would have sent)."""
    entes = _entes()
    rows = []
    for k in range(n):
        rows.append({"evaluacion_id": uuid.uuid4().hex, "registrada_en": START + dt.timedelta(minutes=k * 3),
                     "ente_id": rng.choice(entes), "ley_version": "LGTAIP2025", "articulo": "65",
                     "fraccion": rng.choice(FRACCIONES), "encontrada": rng.choice(["si", "parcialmente", "no"]),
                     "actualizada": rng.choice(["si", "no", "no_se"]), "comprension": rng.randint(1, 5),
                     "comentario": None, "estado": "publicada", "sesion": f"b{k}", "cliente": None,
                     "huella": uuid.uuid4().hex})
        if len(rows) == 20_000 or k == n - 1:
            with store.begin() as conn:
                conn.execute(sa.insert(evaluacion_ciudadana), rows)
            rows = []


def submissions(url: str, n: int, held: int) -> dict[str, float]:
    """Median milliseconds of `submit` and of the bare insert, over a store holding `held` evaluations."""
    store = store_engine.create(url)
    migrate.migrate(store)
    fill(store, held, random.Random(18))
    now = START + dt.timedelta(minutes=held * 3 + 10)
    timed, bare = [], []
    for k in range(n):
        answers = Answers("SEFIPLAN", "LGTAIP2025", "65", FRACCIONES[k % len(FRACCIONES)], "si", "si", 4,
                          "Encontré el archivo, pero el teléfono 998 765 4321 no contesta" if k % 4 == 0 else None)
        t0 = time.perf_counter()
        assert submit(store, answers, Origin(f"s{k}", f"c{k}"), Limits(), now=now).guardada
        timed.append(time.perf_counter() - t0)
        row = {"evaluacion_id": uuid.uuid4().hex, "registrada_en": now, "ente_id": "SEFIPLAN",
               "ley_version": "LGTAIP2025", "articulo": "65", "fraccion": "I", "encontrada": "si", "actualizada": "si",
               "comprension": 4, "comentario": None, "estado": "publicada", "sesion": f"x{k}", "cliente": None,
               "huella": uuid.uuid4().hex}
        t0 = time.perf_counter()
        with store.begin() as conn:
            conn.execute(sa.insert(evaluacion_ciudadana).values(**row))
        bare.append(time.perf_counter() - t0)
    store.dispose()
    return {"envio_ms": 1000 * statistics.median(timed), "insercion_ms": 1000 * statistics.median(bare)}


def build_cost(n: int, folder: Path) -> dict[str, float]:
    """Seconds of the build without and with a store of n evaluations (the same empty inputs folder)."""
    url = f"sqlite:///{folder / 'participacion.sqlite'}"
    store = store_engine.create(url)
    migrate.migrate(store)
    fill(store, n, random.Random(2026))
    store.dispose()
    (folder / "in").mkdir(exist_ok=True)
    times = {}
    for label, store_url in (("sin", None), ("con", url), ("sin2", None), ("con2", url)):
        t0 = time.perf_counter()
        build_warehouse(folder / "in", folder / f"{label}.duckdb", today=dt.date(2026, 11, 29), participacion=store_url)
        times[label] = time.perf_counter() - t0
    return {"construccion_sin_s": min(times["sin"], times["sin2"]), "construccion_con_s": min(times["con"], times["con2"])}


def report(n: int, submits: int, url: str | None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sqlite = submissions(f"sqlite:///{folder / 'envios.sqlite'}", submits, n)
        lines = [f"Envío de una evaluación (mediana de {submits}, almacén con {n:,} evaluaciones):",
                 f"  SQLite: {sqlite['envio_ms']:.1f} ms; inserción sola {sqlite['insercion_ms']:.1f} ms "
                 f"({sqlite['envio_ms'] / sqlite['insercion_ms']:.1f} ×)"]
        if url:
            pg = submissions(url, submits, n)
            lines.append(f"  PostgreSQL: {pg['envio_ms']:.1f} ms; inserción sola {pg['insercion_ms']:.1f} ms "
                         f"({pg['envio_ms'] / pg['insercion_ms']:.1f} ×)")
        cost = build_cost(n, folder)
        lines.append(f"Construcción con {n:,} evaluaciones: {cost['construccion_con_s']:.1f} s; sin almacén "
                     f"{cost['construccion_sin_s']:.1f} s (+{cost['construccion_con_s'] - cost['construccion_sin_s']:.1f} s)")
    return "\n".join(lines)
