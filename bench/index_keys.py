"""`python -m bench claves`: what one row per ente and period costs in indice_desempeno and indice_explicacion.

The build writes them once; a PRIMARY KEY builds an index while inserting, the check before the swap
(etl/checks.py) groups the rows once afterwards. This writes national-scale row counts (8 000 entes × 54 periods:
36 months, 12 quarters, 6 years; one explanation less per ente and type of period, the first has no previous one)
into the warehouse's own tables in a database file, with and without the key, alternating, and reports the CPU of
the inserts (and of the check, without the key) as a ratio to the inserts with the key, measured in the same run.
"""
from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

import duckdb

from common.schema import create_warehouse_schema
from etl.checks import check_one_per_ente_and_period

KEY = "(ente_id, tipo_periodo, periodo)"
TEXT = "El índice subió 3.4 puntos, de 72.2 a 68.8, entre septiembre de 2026 y octubre de 2026. " * 4


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _once(path: Path, entes: int, key: bool) -> float:
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        create_warehouse_schema(con)
        if key:
            con.execute(f"ALTER TABLE indice_desempeno ADD PRIMARY KEY {KEY}")
            con.execute(f"ALTER TABLE indice_explicacion ADD PRIMARY KEY {KEY}")
        # the rows in a shuffled order, as the index's threads write them
        con.execute("""CREATE TEMP TABLE filas AS
            SELECT 'SO' || lpad((i % $entes)::VARCHAR, 5, '0') AS ente_id,
                   CASE WHEN p < 36 THEN 'mes' WHEN p < 48 THEN 'trimestre' ELSE 'anio' END AS tipo_periodo,
                   'P' || p AS periodo, DATE '2024-01-01' + p::INTEGER AS periodo_inicio, (i * 7919 % 1000) / 10 AS indice,
                   p IN (0, 36, 48) AS primero
            FROM (SELECT i, i // $entes AS p FROM range($entes * 54) t(i)) ORDER BY hash(i)""", {"entes": entes})
        start = _cpu()
        con.execute("""INSERT INTO indice_desempeno SELECT ente_id, tipo_periodo, periodo, periodo_inicio, indice,
                       'solicitudes, verificacion', NULL, TRUE FROM filas""")
        con.execute("""INSERT INTO indice_explicacion SELECT ente_id, tipo_periodo, periodo, periodo, indice, $texto
                       || indice FROM filas WHERE NOT primero""", {"texto": TEXT})
        if not key:
            check_one_per_ente_and_period(con)
        return _cpu() - start
    finally:
        con.close()
        path.unlink(missing_ok=True)


def measure(entes: int = 8000, rounds: int = 3) -> dict[str, list[float]]:
    """CPU seconds per round: 'clave' (PRIMARY KEY), 'comprobacion' (no key, the check after)."""
    seconds: dict[str, list[float]] = {"clave": [], "comprobacion": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(rounds):
            for name, key in (("clave", True), ("comprobacion", False)):
                seconds[name].append(_once(Path(folder) / "claves.duckdb", entes, key))
    return seconds


def report(seconds: dict[str, list[float]]) -> str:
    base, check = statistics.median(seconds["clave"]), statistics.median(seconds["comprobacion"])
    rounds = lambda name: " / ".join(f"{s:.2f}" for s in seconds[name])  # noqa: E731
    return (f"Con PRIMARY KEY: {base:.2f} s de CPU (rondas {rounds('clave')})\n"
            f"Sin clave, con la comprobación: {check:.2f} s de CPU (rondas {rounds('comprobacion')})\n"
            f"Razón comprobación / clave: {check / base:.2f}")
