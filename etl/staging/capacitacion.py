"""Staging of training: raw_curso / raw_asistencia / raw_plantilla / raw_evento → curso, asistencia, plantilla,
evento_publico (+ rechazo), and the rule of data/catalogos/capacitacion.toml into capacitacion_regla.

Courses are staged first: attendance to a course that is not among the loaded courses is rejected."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.errors import CatalogError
from common.names import normalize_name
from common.paths import catalogos_dir
from common.typed_toml import load_typed
from etl import sql
from etl.staging.catalogs import load_value_map
from etl.staging.ente_names import build_ente_map
from etl.staging.file_order import rank_files
from etl.staging.rejects import write_rejects

VALUES_CATALOG = "capacitacion_valores.csv"
RULES_FILE = "capacitacion.toml"
STAGES = {"curso": ("stg_curso", "curso"), "asistencia": ("stg_asistencia", "asistencia"),
          "plantilla": ("stg_plantilla", "plantilla"), "evento": ("stg_evento", "evento_publico")}
MAPPED_COLUMNS = {"modalidad": "raw_curso", "tema": "raw_curso", "publico": "raw_curso", "sector": "raw_evento"}


@dataclass(frozen=True)
class _Institucion100:
    pct_personal_minimo: float
    pct_ut_minimo: float


@dataclass(frozen=True)
class _Aprobacion:
    calificacion_minima: float


@dataclass(frozen=True)
class _RulesFile:
    institucion_100: _Institucion100
    aprobacion: _Aprobacion


def load_rules(catalog_dir: Path | None = None) -> dict[str, float]:
    """The configurable thresholds, flat: pct_personal_minimo, pct_ut_minimo, calificacion_minima. Raises
    CatalogError listing every problem of capacitacion.toml."""
    rules = load_typed((catalog_dir or catalogos_dir()) / RULES_FILE, _RulesFile, CatalogError)
    return {k: float(v) for k, v in {**asdict(rules.institucion_100), **asdict(rules.aprobacion)}.items()}


def build_training_value_map(con: duckdb.DuckDBPyConnection, catalog_dir: Path | None = None) -> None:
    """map_capacitacion(campo, valor, categoria) for the distinct raw values, matched without case or accents.
    An unmatched value gets no row, so staging rejects it instead of guessing."""
    by_key = {(r["campo"], normalize_name(r["valor"])): r["categoria"]
              for r in load_value_map(catalog_dir or catalogos_dir(), VALUES_CATALOG)}
    rows = []
    for column, table in MAPPED_COLUMNS.items():
        # Identifiers come from this module's own constants, never from data.
        for (raw,) in con.execute(f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL').fetchall():
            categoria = by_key.get((column, normalize_name(raw)))
            if categoria:
                rows.append((column, raw, categoria))
    con.execute("CREATE OR REPLACE TEMP TABLE map_capacitacion (campo VARCHAR, valor VARCHAR, categoria VARCHAR)")
    insert_rows(con, "map_capacitacion", ["campo", "valor", "categoria"], rows)


def _stage(con, name: str, stg_params: dict | None = None, final_params: dict | None = None) -> None:
    """stg_<name>.sql builds the staging table, its rejects go to rechazo, <final>.sql loads the good rows."""
    stg, final = STAGES[name]
    con.execute(sql(f"staging/{stg}.sql"), stg_params)
    write_rejects(con, stg)
    con.execute(sql(f"facts/{final}.sql"), final_params)


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    rules = load_rules()
    con.executemany("INSERT INTO capacitacion_regla (clave, valor) VALUES (?, ?)", sorted(rules.items()))
    rank_files(con, "raw_curso", "parse_fecha(fecha_inicio)")
    rank_files(con, "raw_asistencia", "parse_fecha(fecha)")
    rank_files(con, "raw_plantilla", "parse_fecha(fecha_corte)")
    rank_files(con, "raw_evento", "parse_fecha(fecha)")
    build_training_value_map(con)
    _stage(con, "curso", final_params={"hoy": today})
    build_ente_map(con, "raw_asistencia")
    _stage(con, "asistencia", stg_params={"minima": rules["calificacion_minima"]})
    build_ente_map(con, "raw_plantilla")
    _stage(con, "plantilla", stg_params={"hoy": today})
    _stage(con, "evento", stg_params={"hoy": today})
    corte = con.execute("""SELECT least(greatest(max(a.fecha), max(c.fecha_inicio) FILTER (WHERE c.impartido),
                                                  (SELECT max(fecha) FROM evento_publico)), $hoy)
                           FROM curso c LEFT JOIN asistencia a USING (curso_id)""", {"hoy": today}).fetchone()[0]
    return {"fecha_corte_capacitacion": corte.isoformat() if corte else None}
