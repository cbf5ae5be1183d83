"""A build running while citizens submit loses none, on SQLite and on PostgreSQL: the build reads one consistent
snapshot (every evaluation it loads exists, its load record adds up), the submissions never wait for it nor fail,
and the next build holds every one of them."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from helpers import build, query
from participacion import engine as store_engine
from participacion import migrate
from participacion.abuse import Limits
from participacion.evaluations import Answers, Origin, submit
from samples.write import write_sample

T0 = datetime(2026, 11, 2, 15, 0)
FRACCIONES = ["I", "II", "III", "VIII", "IX", "X"]


class Citizens(threading.Thread):
    """Submits evaluations one after another until stopped; remembers each one's id and outcome."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.store = store_engine.create(url)
        self.ids: list[str] = []
        self.failures: list[str] = []
        self.stop = threading.Event()

    def send(self) -> str:
        n = len(self.ids) + len(self.failures)
        answer = Answers("SEFIPLAN", "LGTAIP2025", "65", FRACCIONES[n % len(FRACCIONES)], ["si", "no"][n % 2], "si",
                         1 + n % 5)
        outcome = submit(self.store, answer, Origin(f"ciudadano-{n}"), Limits(), now=T0 + timedelta(seconds=n))
        (self.ids if outcome.guardada else self.failures).append(outcome.evaluacion_id or outcome.mensaje)
        return outcome.evaluacion_id

    def run(self) -> None:
        while not self.stop.is_set():
            self.send()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The sample's inputs, written once for both stores (a build only reads them)."""
    folder = tmp_path_factory.mktemp("evaluaciones_concurrentes") / "in"
    write_sample(folder, years=(2025,), requests_per_year=1500)
    return folder


def test_a_build_while_citizens_submit_loses_none(store_url, inputs, tmp_path):
    migrate.migrate(store_engine.create(store_url))
    citizens = Citizens(store_url)
    for _ in range(20):
        citizens.send()
    before = set(citizens.ids)
    citizens.start()
    first = build(inputs, tmp_path / "a", participacion=store_url)
    during = len(citizens.ids)
    citizens.stop.set()
    citizens.join(30)
    citizens.send()
    assert citizens.failures == []
    assert during > len(before)                                 # citizens kept submitting while it built
    loaded = {i for (i,) in query(first, "SELECT evaluacion_id FROM evaluacion_ciudadana")}
    assert before <= loaded <= set(citizens.ids)                # one consistent snapshot: nothing invented
    [(leidas, cargadas)] = query(first, "SELECT filas_leidas, filas_cargadas FROM carga "
                                        "WHERE fuente = 'evaluaciones_ciudadanas'")
    assert leidas == cargadas == len(loaded)
    # the rest waited in the store: the next build has every one
    second = build(inputs, tmp_path / "b", participacion=store_url)
    assert {i for (i,) in query(second, "SELECT evaluacion_id FROM evaluacion_ciudadana")} == set(citizens.ids)
    citizens.store.dispose()
