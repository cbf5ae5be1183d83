"""Staging of requests: raw_solicitud → stg_solicitud → solicitud (+ rechazo, solicitud_reemplazo, plazo_aplicado).
One row per folio: the most advanced copy of a repeated folio wins (etl/sql/staging/solicitud_reemplazo.sql)."""
from __future__ import annotations

import datetime as dt

import duckdb

from common.paths import catalogos_dir
from etl import sql
from etl.raw import release_raw
from etl.staging.ente_names import build_ente_map
from etl.staging.file_order import rank_files
from etl.staging.rejects import write_rejects
from etl.staging.value_maps import build_value_map


# The newest date a request's row holds, and the one the cut-off date is taken from (filing or answer: never a
# receipt date pushed past a weekend, nor a deadline).
NEWEST_OF_ANY_KIND = "greatest(f_presentacion, f_recepcion, f_respuesta, f_termino)"
NEWEST_FOR_CUTOFF = "greatest(f_presentacion, coalesce(f_respuesta, f_presentacion))"


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    catalogs = catalogos_dir()  # read at call time: TABLERO_CATALOGOS may point elsewhere
    build_ente_map(con, "raw_solicitud")
    build_value_map(con, "raw_solicitud", "estatus", catalogs, "estatus.csv", "estatus",
                    ["estado", "implica_prevencion", "implica_ampliacion"])
    build_value_map(con, "raw_solicitud", "respuesta", catalogs, "respuesta.csv", "respuesta",
                    ["categoria", "implica_prevencion", "implica_ampliacion"])
    build_value_map(con, "raw_solicitud", "tipo_solicitud", catalogs, "tipo_solicitud.csv", "tipo",
                    ["tipo_solicitud"])
    con.execute(sql("staging/stg_solicitud_tipos.sql"))
    con.execute(sql("staging/stg_solicitud.sql"), {"hoy": today})
    release_raw(con, "solicitudes")
    rank_files(con, "stg_solicitud", NEWEST_OF_ANY_KIND)  # dates parsed once, by staging
    write_rejects(con, "stg_solicitud")
    # The same pass says whether any folio may repeat: a national export usually has none, and looking for the
    # repeated ones costs more than this count. Counting distinct 64-bit hashes instead of the folios keeps the
    # set small; two folios with the same hash only make solicitud_reemplazo.sql run for nothing.
    newest, maybe_repeated = con.execute(f"""
        SELECT max({NEWEST_FOR_CUTOFF}), count(*) - count(DISTINCT hash(folio))
        FROM stg_solicitud WHERE motivo IS NULL""").fetchall()[0]
    superseded = None
    if maybe_repeated:
        con.execute(sql("staging/solicitud_reemplazo.sql"))
        newest = _newest_kept(con, newest)
        superseded = con.execute("SELECT count(DISTINCT folio) FROM sol_descartada").fetchone()[0]
    corte = min(newest, today) if newest else None
    con.execute(sql("facts/solicitud.sql"), {"corte": corte or today})
    if maybe_repeated:
        con.execute("""DELETE FROM solicitud s USING sol_descartada d
                       WHERE s.carga_id = d.carga_id AND s.fila = d.fila""")
    con.execute(sql("marts/plazo_aplicado.sql"))
    return {"fecha_corte": corte.isoformat() if corte else None, "folios_repetidos": str(superseded or 0)}


def _newest_kept(con: duckdb.DuckDBPyConnection, newest: dt.date | None) -> dt.date | None:
    """The cut-off comes from the kept copies only. The discarded ones are few: only when one of them holds the
    newest date is the date looked for again among the others."""
    lost = con.execute(f"""SELECT max({NEWEST_FOR_CUTOFF}) FROM stg_solicitud s
                           SEMI JOIN sol_descartada d ON s.carga_id = d.carga_id AND s.fila = d.fila""").fetchone()[0]
    if lost is None or newest is None or lost < newest:
        return newest
    return con.execute(f"""SELECT max({NEWEST_FOR_CUTOFF}) FROM stg_solicitud s
                           ANTI JOIN sol_descartada d ON s.carga_id = d.carga_id AND s.fila = d.fila
                           WHERE s.motivo IS NULL""").fetchone()[0]
