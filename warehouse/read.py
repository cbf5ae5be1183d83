"""Read-only access to the served warehouse for the dashboard pages.

Every query opens the DuckDB file read-only, fetches a small pandas frame and closes the connection, so the
app never holds a lock a build would wait for. Results are cached with ``st.cache_data`` keyed on the SQL
file, the parameters and the warehouse file's identity (path, mtime, inode, size): when a build swaps a new
file in with ``os.replace`` the next read sees it without restarting the app.

SQL lives in ``warehouse/queries/*.sql``; values are always passed as named parameters. A query a page shares with
a report (the open requests due soon: Plazos en riesgo and the reminders to each Unidad de Transparencia) lives with
the reports, in ``indicators/sql/reports/``, so both read the same rows.
"""
from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Callable, NamedTuple, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from common.errors import WarehouseError
from common.paths import served_db
from common.sql import sql_folder
from indicators import sql as indicators_sql
from indicators.acciones import Accion, ranked_actions
from indicators.export import export_bytes, export_columns

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
SHARED_WITH_REPORTS = frozenset({"plazos_abiertos"})
BUILD_COMMAND = "python -m etl build"
_LOCK_RETRIES = 40
_LOCK_WAIT_S = 0.05
T = TypeVar("T")


class FileSignature(NamedTuple):
    path: str
    mtime_ns: int
    inode: int
    size: int


def file_signature(path: Path | None = None) -> FileSignature | None:
    """Identity of the served warehouse file, or None when it does not exist."""
    path = Path(path or served_db())
    try:
        st_ = os.stat(path)
    except FileNotFoundError:
        return None
    return FileSignature(str(path.resolve()), st_.st_mtime_ns, st_.st_ino, st_.st_size)


def missing_message(path: Path | None = None) -> str:
    path = Path(path or served_db())
    return (
        f"Todavía no hay un almacén de datos en «{path}». "
        f"Para construirlo a partir de los archivos de data/inputs/, ejecute en la carpeta del proyecto: "
        f"{BUILD_COMMAND}"
    )


_query_sql = sql_folder(QUERIES_DIR)


def _sql(name: str) -> str:
    if name in SHARED_WITH_REPORTS:
        return indicators_sql(f"reports/{name}.sql")
    return _query_sql(f"{name}.sql")


def _execute(path: str, sql: str, params: dict) -> pd.DataFrame:
    """Open read-only, fetch everything, close. Retries briefly while a writer holds the file."""
    return with_read_only(lambda con: con.execute(sql, params).df(), path)


def with_read_only(work: Callable[[duckdb.DuckDBPyConnection], T], path: str | None = None) -> T:
    """`work` on a read-only connection to the served warehouse (or `path`), closed right after, so no lock outlives
    it. Retries briefly while a writer holds the file."""
    path = path or str(served_db())
    if not Path(path).exists():
        raise WarehouseError(missing_message(Path(path)))
    last: Exception | None = None
    for _ in range(_LOCK_RETRIES):
        try:
            with duckdb.connect(path, read_only=True) as con:
                return work(con)
        except duckdb.IOException as exc:  # e.g. "Could not set lock on file"
            last = exc
            time.sleep(_LOCK_WAIT_S)
    raise WarehouseError(
        "El almacén de datos está ocupado por otro proceso (por ejemplo, una construcción en curso). "
        "Intente de nuevo en unos segundos."
    ) from last


@st.cache_data(max_entries=1000, ttl=24 * 3600, show_spinner=False)
def _cached_query(name: str, params: tuple, signature: FileSignature) -> pd.DataFrame:
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    try:
        return _execute(signature.path, _sql(name), values)
    except duckdb.CatalogException as exc:
        raise WarehouseError(
            f"El archivo «{signature.path}» no tiene la estructura esperada del almacén de datos "
            f"(¿es de una versión anterior?). Reconstrúyalo con: {BUILD_COMMAND}"
        ) from exc
    except duckdb.Error as exc:
        raise WarehouseError(
            f"No se pudo leer el almacén de datos «{signature.path}». Reconstrúyalo con: {BUILD_COMMAND}"
        ) from exc


def query(name: str, **params) -> pd.DataFrame:
    """Run warehouse/queries/<name>.sql with named parameters; cached until the warehouse file changes."""
    signature = file_signature()
    if signature is None:
        raise WarehouseError(missing_message())
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _cached_query(name, frozen, signature)


# ---- metadata -------------------------------------------------------------------------------------------

def warehouse_problem() -> str | None:
    """A Spanish message when the warehouse cannot be used, else None."""
    if file_signature() is None:
        return missing_message()
    try:
        query("metadatos")
    except WarehouseError as exc:
        return str(exc)
    return None


def metadata() -> dict[str, str]:
    df = query("metadatos")
    return dict(zip(df["clave"], df["valor"]))


def cutoff_date() -> date | None:
    """The data cut-off date (metadatos.fecha_corte)."""
    value = metadata().get("fecha_corte")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def table_counts() -> dict[str, int]:
    row = query("conteos").iloc[0]
    return {k: int(v) for k, v in row.items()}


# ---- catalogs -------------------------------------------------------------------------------------------

def indicator_definitions() -> pd.DataFrame:
    """The indicator table: every indicator's name, unit, direction, target and thresholds."""
    return query("indicadores")


def entes() -> pd.DataFrame:
    return query("entes")


def peer_groups() -> list[str]:
    return sorted(entes()["grupo_pares"].dropna().unique().tolist())


def periods(tipo_periodo: str) -> pd.DataFrame:
    """Periods (periodo, periodo_inicio) with values of this kind, newest first."""
    return query("periodos", tipo_periodo=tipo_periodo)


def period_state_rows() -> pd.DataFrame:
    """Every period with its state (preliminar, open requests); indicators.period_status.PeriodStates reads it."""
    return query("periodo_estado")


def ente_periods(ente_id: str, tipo_periodo: str) -> list[str]:
    """Periods of this kind in which the ente is in force and has values, newest first."""
    return query("periodos_ente", ente=ente_id, tipo_periodo=tipo_periodo)["periodo"].tolist()


# ---- indicator values -----------------------------------------------------------------------------------

def unit_values(nivel: str, clave: str, tipo_periodo: str, periodos: list[str]) -> pd.DataFrame:
    """All indicators of one unit (nivel gobierno/grupo/ente, clave) for the given periods."""
    return query("valores_nivel", nivel=nivel, clave=clave, tipo_periodo=tipo_periodo, periodos=list(periodos))


def values_by_request_type(nivel: str, clave: str, tipo_periodo: str, periodo: str) -> pd.DataFrame:
    """The request indicators of one unit and period for both types together, información pública and ARCOP."""
    return query("valores_por_tipo", nivel=nivel, clave=clave, tipo_periodo=tipo_periodo, periodo=periodo)


def government_values(tipo_periodo: str, periodos: list[str]) -> pd.DataFrame:
    return unit_values("gobierno", "GEQROO", tipo_periodo, periodos)


def trend(nivel: str, clave: str, indicadores: list[str], tipo_periodo: str = "mes") -> pd.DataFrame:
    return query("tendencia", nivel=nivel, clave=clave, tipo_periodo=tipo_periodo, indicadores=list(indicadores))


def group_median_trend(grupo: str, indicadores: list[str], tipo_periodo: str = "mes") -> pd.DataFrame:
    """The median per ente of the group, month by month, for counts (periodo, periodo_inicio, indicador, valor)."""
    return query("tendencia_mediana_grupo", grupo=grupo, indicadores=list(indicadores), tipo_periodo=tipo_periodo)


def last_index_period(tipo_periodo: str) -> str | None:
    """The newest period of this kind with a government index (enough entes with an index), or None."""
    found = query("ultimo_periodo_indice", tipo_periodo=tipo_periodo)
    return None if found.empty else str(found["periodo"].iloc[0])


def ente_values(indicador: str, tipo_periodo: str, periodo: str, grupo: str | None = None) -> pd.DataFrame:
    """One indicator for every ente in force (optionally one peer group) in one period."""
    return query("valores_entes", indicador=indicador, tipo_periodo=tipo_periodo, periodo=periodo, grupo=grupo)


def ente_values_before(indicador: str, tipo_periodo: str, periodo: str, anterior: str,
                       grupo: str | None = None) -> pd.DataFrame:
    """The entes in force in `periodo`, valued in `anterior` (through their predecessors when they did not exist
    yet): what the ranking's movement compares with."""
    return query("valores_entes_anterior", indicador=indicador, tipo_periodo=tipo_periodo, periodo=periodo,
                 anterior=anterior, grupo=grupo)


# ---- history --------------------------------------------------------------------------------------------

def reconciliation() -> pd.DataFrame:
    """Mismatches found in the published quarterly tables."""
    return query("conciliacion")


def rejected_published_rows() -> pd.DataFrame:
    """Rejected rows of the published tables, with the requests they take out of the dashboard's sums."""
    return query("estadistica_rechazada")


def lineage(ente_id: str) -> pd.DataFrame:
    return query("linaje", ente=ente_id)


def history_series(ente_id: str, indicadores: list[str]) -> pd.DataFrame:
    return query("serie_historica", ente=ente_id, indicadores=list(indicadores))


# ---- índice de desempeño ---------------------------------------------------------------------------------

def ente_index(ente_id: str, tipo_periodo: str, periodo: str) -> pd.DataFrame:
    """The ente's index for the period (0 or 1 row) with missing dimensions and the explanation of its change."""
    return query("indice_ente", ente=ente_id, tipo_periodo=tipo_periodo, periodo=periodo)


def level_explanation(nivel: str, clave: str, tipo_periodo: str, periodo: str) -> pd.DataFrame:
    """Why the index of a group or of the government moved (0 or 1 row: periodo_anterior, cambio, texto)."""
    return query("explicacion_nivel", nivel=nivel, clave=clave, tipo_periodo=tipo_periodo, periodo=periodo)


def index_components(ente_id: str, tipo_periodo: str, periodo: str) -> pd.DataFrame:
    return query("indice_componentes", ente=ente_id, tipo_periodo=tipo_periodo, periodo=periodo)


@st.cache_data(max_entries=500, ttl=24 * 3600, show_spinner=False)
def _actions(ente_id: str, periodo: str, signature: FileSignature) -> list[Accion]:
    return with_read_only(lambda con: ranked_actions(con, ente_id, periodo), signature.path)


def actions(ente_id: str, periodo: str) -> list[Accion]:
    """What the ente should fix first in the period, every action ranked by the index points it would add
    (indicators.acciones; the Ficha shows the first three, the PDF ficha and the monthly e-mail too)."""
    signature = file_signature()
    if signature is None:
        raise WarehouseError(missing_message())
    return _actions(ente_id, periodo, signature)


# ---- methodology ----------------------------------------------------------------------------------------

def methodology(part: str) -> pd.DataFrame:
    """One part of the methodology: reglas, indicadores, indice, plazos, plazos_aplicados, inhabiles, suspensiones,
    valores (of estatus and respuesta) or cambios."""
    if part not in ("reglas", "indicadores", "indice", "plazos", "plazos_aplicados", "inhabiles", "suspensiones",
                    "valores", "cambios"):
        raise ValueError(part)
    return query(f"metodologia_{part}")


# ---- solicitudes ----------------------------------------------------------------------------------------

def in_process(desde: date, hasta: date, ente: str | None = None) -> tuple[int, int]:
    """(requests still in process within their deadline, requests received) for those received in [desde, hasta)."""
    row = query("en_tramite", desde=desde, hasta=hasta, ente=ente).iloc[0]
    return int(row["en_tramite"]), int(row["recibidas"])


def response_day_bands(desde: date, hasta: date, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    """Answered requests per ente and business-day band (1: 0–5 … 5: >30), received in [desde, hasta)."""
    return query("bandas_dias", desde=desde, hasta=hasta, grupo=grupo, ente=ente)


def response_types(desde: date, hasta: date, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    """Final answers per ente by type (resp_* sums), received in [desde, hasta)."""
    return query("tipos_respuesta", desde=desde, hasta=hasta, grupo=grupo, ente=ente)


def appeal_causes(desde: date, hasta: date, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    """Appeals per cause (and how many modified or revoked the answer), for requests received in [desde, hasta)."""
    return query("recursos_causa", desde=desde, hasta=hasta, grupo=grupo, ente=ente)


def open_requests(corte: date, dias: int, grupo: str | None = None, ente: str | None = None) -> pd.DataFrame:
    """Open requests overdue or due within `dias` business days of the cut-off date (no request text)."""
    return query("plazos_abiertos", corte=corte, dias=int(dias), grupo=grupo, ente=ente)


# ---- data status ----------------------------------------------------------------------------------------

def loads() -> pd.DataFrame:
    return query("cargas")


def superseded_copies() -> pd.DataFrame:
    """Discarded copies of repeated folios: regla, archivo_descartado, archivo_ganador, folios, filas."""
    return query("reemplazos")


def source_deadlines() -> pd.DataFrame:
    """Per layout: computed deadlines compared with the source's (comparadas, distintas, calculada_antes,
    calculada_despues, max_dias_habiles) and how deadlines were determined (desde_desahogo, de_la_fuente,
    no_determinable)."""
    return query("plazos_fuente")


def reject_files() -> pd.DataFrame:
    return query("rechazos_archivos")


def rejects(archivo: str | None = None, limite: int = 5000) -> pd.DataFrame:
    return query("rechazos", archivo=archivo, limite=int(limite))


def reporting_years() -> list[int]:
    return [int(y) for y in query("anios_reporte")["anio"]]


def monthly_reporting(anio: int) -> pd.DataFrame:
    """Requests received per ente × month of one year."""
    return query("reporte_mensual", anio=int(anio))


# ---- open data ------------------------------------------------------------------------------------------

@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def _open_data_file(fmt: str, desde: str | None, hasta: str | None, conjunto: str, signature: FileSignature) -> bytes:
    return export_bytes(Path(signature.path), fmt, desde, hasta, conjunto)


def open_data_file(fmt: str, desde: str | None = None, hasta: str | None = None,
                   conjunto: str = "indicadores") -> bytes:
    """The open-data export (csv or parquet) of the periods within [desde, hasta]: the very bytes of
    `python -m indicators export --conjunto … --format fmt --desde … --hasta …` (the same function writes both)."""
    signature = file_signature()
    if signature is None:
        raise WarehouseError(missing_message())
    return _open_data_file(fmt, desde, hasta, conjunto, signature)


@st.cache_data(max_entries=4, ttl=24 * 3600, show_spinner=False)
def _open_data_columns(conjunto: str, signature: FileSignature) -> list[str]:
    return export_columns(Path(signature.path), conjunto)


def open_data_columns(conjunto: str = "indicadores") -> list[str]:
    """The export's columns, in order."""
    signature = file_signature()
    return [] if signature is None else _open_data_columns(conjunto, signature)
