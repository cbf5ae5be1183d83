"""Staging of appeals (recursos de revisión): raw_recurso → stg_recurso → recurso_revision (+ rechazo)."""
from __future__ import annotations

import datetime as dt

import duckdb

from common.paths import catalogos_dir
from etl import sql
from etl.staging.ente_names import build_ente_map
from etl.staging.file_order import rank_files
from etl.staging.rejects import write_rejects
from etl.staging.value_maps import build_value_map


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    """Appeals come after requests: an appeal counts in the cohort month of the request its folio names."""
    catalogs = catalogos_dir()
    rank_files(con, "raw_recurso", "greatest(parse_fecha(fecha_interposicion), parse_fecha(fecha_resolucion))")
    build_ente_map(con, "raw_recurso")
    build_value_map(con, "raw_recurso", "sentido", catalogs, "sentido_recurso.csv", "sentido",
                    ["sentido", "modifica_o_revoca"])
    build_value_map(con, "raw_recurso", "causa", catalogs, "causa_recurso.csv", "causa", ["causa"])
    build_value_map(con, "raw_recurso", "cumplimiento", catalogs, "cumplimiento_recurso.csv", "cumplimiento",
                    ["cumplimiento"])
    con.execute(sql("staging/stg_recurso.sql"), {"hoy": today})
    write_rejects(con, "stg_recurso")
    con.execute(sql("facts/recurso_revision.sql"))
    return {}
