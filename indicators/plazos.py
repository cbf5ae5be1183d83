"""The deadline of one request, computed by the warehouse's own deadline macros (etl/sql/functions/plazo.sql), the
ones the build used for every solicitud.fecha_limite: the citizens' deadline calculator and any page that explains
a deadline call `calcular_plazo` with a read-only connection to the warehouse, so they cannot disagree with the
indicators.

    with duckdb.connect(str(served_db()), read_only=True) as con:
        p = calcular_plazo(con, dt.datetime(2024, 9, 13, 19, 30), "informacion_publica", ambito="estatal")
        p.recepcion, p.fecha_limite, [d.motivo for d in p.inhabiles], p.por_confirmar
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from common.errors import TableroError
from indicators import sql

# The default closing time: the one configured in the warehouse (data/catalogos/horario_oficina.csv, as the build
# applied it to every request); pass a time to try another, or None to ignore office hours.
HORA_DEL_ALMACEN = "almacen"
OLD_WAREHOUSE = ("El almacén no tiene las funciones de plazo (lo construyó una versión anterior del tablero); "
                 "reconstrúyalo con `make tablero` o `python -m etl build`.")
MACROS = ("recepcion_oficial", "inicio_del_plazo", "dias_habiles_entre", "plazo_vence", "dias_inhabiles")


class PlazoError(TableroError):
    """The deadline cannot be computed from what was given; the message says what to change."""


@dataclass(frozen=True)
class DiaInhabil:
    """A declared non-working day (holiday or suspension of terms) that the deadline skipped."""
    fecha: dt.date
    motivo: str
    fuente: str | None
    confirmado: bool


@dataclass(frozen=True)
class Plazo:
    recepcion: dt.date                   # the official receipt: filing day, or the next working day
    fuera_de_horario: bool               # filed after hora_cierre on a working day: received a later one
    inicio: dt.date | None               # day 0 of the term: the receipt, or the desahogo of a prevención
    ley_version: str
    ley_nombre: str | None
    ley_confirmada: bool
    dias_respuesta: int
    dias_ampliacion: int
    fecha_limite_ordinaria: dt.date | None  # the answer deadline; None while a prevención awaits its desahogo
    fecha_limite_ampliada: dt.date | None   # with the extension
    ampliacion: bool
    inhabiles: tuple[DiaInhabil, ...]    # declared non-working days skipped, oldest first

    @property
    def fecha_limite(self) -> dt.date | None:
        """The deadline that applies: the extended one when there was an extension (solicitud.fecha_limite)."""
        return self.fecha_limite_ampliada if self.ampliacion else self.fecha_limite_ordinaria

    @property
    def interrumpido(self) -> bool:
        """A prevención not yet answered: no term is running."""
        return self.inicio is None

    @property
    def por_confirmar(self) -> bool:
        """Some skipped day is in the calendar with a date still to be confirmed against its agreement."""
        return any(not d.confirmado for d in self.inhabiles)


def calcular_plazo(con: duckdb.DuckDBPyConnection, presentada: dt.datetime | dt.date, tipo_solicitud: str,
                   ley_version: str | None = None, ampliacion: bool = False, prevencion: dt.date | None = None,
                   desahogo: dt.date | None = None, *, ambito: str | None = None,
                   hora_cierre: dt.time | None | str = HORA_DEL_ALMACEN) -> Plazo:
    """The deadline of a request filed at `presentada` (a date alone is never after hours), of type
    `tipo_solicitud` (informacion_publica, datos_personales), under `ley_version` or, when it is None, the law in
    force for `ambito` (estatal, federal) on the receipt date. A filing after `hora_cierre` (by default the
    warehouse's, data/catalogos/horario_oficina.csv) on a working day counts from the next working day;
    `hora_cierre=None` ignores office hours."""
    if ley_version is None and ambito is None:
        raise PlazoError("Indique la versión de la ley (ley_version) o el ámbito del ente (estatal o federal).")
    if desahogo is not None and prevencion is not None and desahogo < prevencion:
        raise PlazoError(f"El desahogo ({desahogo:%d/%m/%Y}) es anterior a la prevención ({prevencion:%d/%m/%Y}); "
                         "revise ambas fechas.")
    _check_macros(con)
    from_warehouse = hora_cierre == HORA_DEL_ALMACEN
    params = {"presentada": presentada, "hora_del_almacen": from_warehouse,
              "hora_cierre": None if from_warehouse else hora_cierre, "tipo": tipo_solicitud, "ley": ley_version,
              "ambito": ambito, "prevencion": prevencion, "desahogo": desahogo}
    try:
        row = con.execute(sql("plazos/plazo.sql"), params).fetchone()
    except (duckdb.CatalogException, duckdb.BinderException) as exc:  # a table or column of a later build
        raise PlazoError(OLD_WAREHOUSE) from exc
    recepcion, after_hours, inicio, ley, nombre, dias, dias_ampl, confirmada, limite, ampliado = row
    if recepcion is None:
        raise PlazoError(f"La fecha {presentada:%d/%m/%Y} está fuera del calendario del almacén; revise el año.")
    if ley is None:
        cual = f"la versión «{ley_version}»" if ley_version else f"ninguna ley del ámbito «{ambito}» vigente el " \
                                                                 f"{recepcion:%d/%m/%Y}"
        raise PlazoError(f"No hay plazo configurado para {cual} y el tipo «{tipo_solicitud}»; revise "
                         "data/catalogos/plazo_legal.csv.")
    hasta = (ampliado if ampliacion else limite) or recepcion
    skipped = con.execute(sql("plazos/inhabiles.sql"), {"presentada": presentada, "recepcion": recepcion,
                                                         "inicio": inicio or hasta, "hasta": hasta}).fetchall()
    return Plazo(recepcion, after_hours, inicio, ley, nombre, confirmada, dias, dias_ampl,
                 limite, ampliado, ampliacion, tuple(DiaInhabil(*r) for r in skipped))


def _check_macros(con: duckdb.DuckDBPyConnection) -> None:
    found = {name for (name,) in con.execute(
        "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name IN ?", [list(MACROS)]).fetchall()}
    if set(MACROS) - found:
        raise PlazoError(OLD_WAREHOUSE)
