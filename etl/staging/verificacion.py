"""Staging of verifications of transparency obligations: raw_verificacion → verificacion, verificacion_resultado
(+ rechazo), then the compliance index per fracción and per ente and the follow-up of failed fracciones."""
from __future__ import annotations

import datetime as dt

import duckdb

from common.bulk import insert_rows
from common.errors import BuildError, CatalogError
from common.names import normalize_fraccion
from common.paths import catalogos_dir
from etl import sql
from etl.staging.ente_names import build_ente_map
from etl.staging.file_order import rank_files
from etl.staging.obligaciones import Weights, load_obligation_catalogs
from etl.staging.rejects import write_rejects


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    weights = _load_catalogs(con)
    build_ente_map(con, "raw_verificacion")
    _build_fraccion_map(con)
    con.execute(sql("staging/stg_verificacion.sql"), {"hoy": today})
    rank_files(con, "stg_verificacion", "f_verificacion")  # dates parsed once, by staging
    write_rejects(con, "stg_verificacion")
    con.execute(sql("facts/verificacion.sql"))
    _compute_index(con, weights)
    last = con.execute("SELECT max(fecha) FROM verificacion").fetchone()[0]
    return {
        "fecha_ultima_verificacion": last.isoformat() if last else None,
        "verificacion_peso_sustantivos": str(weights.sustantivos),
        "verificacion_peso_adjetivos": str(weights.adjetivos),
        "verificacion_umbral_cumplimiento": str(weights.umbral_cumplimiento),
        # read by indicators/sql/bases/base_verificacion_mes.sql: the standing result of each month
        "verificacion_tipos_indice": ",".join(weights.tipos_indice),
        "verificacion_meses_vigencia": str(weights.meses_vigencia),
    }


def _load_catalogs(con) -> Weights:
    try:
        return load_obligation_catalogs(con, catalogos_dir())
    except CatalogError as exc:
        raise BuildError(str(exc)) from exc


def _build_fraccion_map(con) -> None:
    """map_fraccion(valor, fraccion_norm) over the distinct raw values: 'Fracción 22' → 'XXII'."""
    values = [r[0] for r in con.execute(
        "SELECT DISTINCT fraccion FROM raw_verificacion WHERE fraccion IS NOT NULL").fetchall()]
    con.execute("CREATE OR REPLACE TEMP TABLE map_fraccion (valor VARCHAR, fraccion_norm VARCHAR)")
    insert_rows(con, "map_fraccion", ["valor", "fraccion_norm"], [(v, normalize_fraccion(v)) for v in values])


def _compute_index(con, weights: Weights) -> None:
    params = {"sustantivos": weights.sustantivos, "adjetivos": weights.adjetivos,
              "umbral": weights.umbral_cumplimiento}
    con.execute(sql("marts/indice_fraccion.sql"), params)
    con.execute(sql("marts/indice_ente.sql"))
    con.execute(sql("marts/seguimiento_fraccion.sql"), {"umbral": weights.umbral_cumplimiento})
