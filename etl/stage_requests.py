"""Staging of requests and appeals: raw_solicitud / raw_recurso → solicitud / recurso_revision (+ rechazo)."""
from __future__ import annotations

import datetime as dt

import duckdb

from etl.build import READ_DB, release_raw
from etl.mapping import build_ente_map, build_value_map
from etl.sqlfiles import sql_file
from warehouse.paths import catalogos_dir


def write_rejects(con: duckdb.DuckDBPyConnection, stg: str) -> None:
    """Rows of a staging table whose `motivo` is set go to rechazo with file, row, column and value; the value
    is shown to the public, so identifiers in it are masked before it is written (sin_identificadores).
    The file's name comes from the list of files read, by carga_id: staging tables need not carry it."""
    con.execute(f"INSERT INTO rechazo SELECT s.carga_id, a.archivo, s.fila, s.rechazo_columna, "
                f"sin_identificadores(s.rechazo_valor), sin_identificadores(s.motivo) "
                f"FROM {stg} s JOIN {READ_DB}.archivo_leido a USING (carga_id) WHERE s.motivo IS NOT NULL")


def rank_files(con: duckdb.DuckDBPyConnection, table: str, date_column: str, *, parsed: bool = False) -> None:
    """A later export carries the later state of a record: files are ranked by the newest date they hold.
    `date_column` is raw text (parsed here) or, with parsed=True, a DATE column a staging table already parsed."""
    newest = date_column if parsed else f"parse_fecha({date_column})"
    con.execute(f"""
        INSERT INTO carga_orden
        SELECT carga_id, row_number() OVER (ORDER BY max_fecha NULLS FIRST, a.archivo)
        FROM (SELECT carga_id, max({newest}) AS max_fecha FROM {table} GROUP BY carga_id)
        JOIN {READ_DB}.archivo_leido a USING (carga_id)""")


def stage_requests(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    catalogs = catalogos_dir()  # read at call time: TABLERO_CATALOGOS may point elsewhere
    build_ente_map(con, "raw_solicitud")
    build_value_map(con, "raw_solicitud", "estatus", catalogs, "estatus.csv", "estatus",
                    ["estado", "implica_prevencion", "implica_ampliacion"])
    build_value_map(con, "raw_solicitud", "respuesta", catalogs, "respuesta.csv", "respuesta",
                    ["categoria", "implica_prevencion", "implica_ampliacion"])
    build_value_map(con, "raw_solicitud", "tipo_solicitud", catalogs, "tipo_solicitud.csv", "tipo",
                    ["tipo_solicitud"])
    con.execute(sql_file("stg_solicitud_tipos.sql"))
    con.execute(sql_file("stg_solicitud.sql"), {"hoy": today})
    release_raw(con, "solicitudes")
    rank_files(con, "stg_solicitud", "f_presentacion", parsed=True)  # dates parsed once, by staging
    write_rejects(con, "stg_solicitud")
    # The cut-off is the newest filing or answer date in the data (never a receipt date pushed past a weekend).
    # The same pass says whether any folio may repeat: a national export usually has none, and looking for the
    # repeated ones in the written table costs more than this count. Counting distinct 64-bit hashes instead of
    # the folios keeps the set small; two folios with the same hash only make superseded.sql run for nothing.
    newest, maybe_repeated = con.execute("""
        SELECT max(greatest(f_presentacion, coalesce(f_respuesta, f_presentacion))),
               count(*) - count(DISTINCT hash(folio))
        FROM stg_solicitud WHERE motivo IS NULL""").fetchall()[0]
    corte = min(newest, today) if newest else None
    con.execute(sql_file("solicitud.sql"), {"corte": corte or today})
    if maybe_repeated:
        con.execute(sql_file("superseded.sql"))
    return {"fecha_corte": corte.isoformat() if corte else None}


def stage_appeals(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    """Appeals come after requests: an appeal counts in the cohort month of the request its folio names."""
    catalogs = catalogos_dir()
    rank_files(con, "raw_recurso", "fecha_interposicion")
    build_ente_map(con, "raw_recurso")
    build_value_map(con, "raw_recurso", "sentido", catalogs, "sentido_recurso.csv", "sentido",
                    ["sentido", "modifica_o_revoca"])
    con.execute(sql_file("stg_recurso.sql"), {"hoy": today})
    write_rejects(con, "stg_recurso")
    con.execute(sql_file("recurso_revision.sql"))
    return {}
