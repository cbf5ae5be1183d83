"""Staging of the citizens' evaluations (a snapshot of the participación store, etl/read/participacion.py):
raw_evaluacion → stg_evaluacion (+ rechazo) → evaluacion_ciudadana. The store keeps what the page offered when the
citizen answered; a catalog may have changed since, so each evaluation is checked against this build's entes and
obligations (loaded by the verification stage, which runs before)."""
from __future__ import annotations

import datetime as dt

import duckdb

from etl import sql
from etl.staging.rejects import write_rejects


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    con.execute(sql("staging/stg_evaluacion.sql"), {"hoy": today})
    write_rejects(con, "stg_evaluacion")
    con.execute(sql("facts/evaluacion_ciudadana.sql"))
    last = con.execute("SELECT max(fecha) FROM evaluacion_ciudadana").fetchone()[0]
    return {"fecha_ultima_evaluacion_ciudadana": last.isoformat() if last else None}
