"""Nothing is sent from a stale warehouse: when the nightly build fails, the served warehouse stays the old one
(the build swaps a new file in only when it is whole), and a reminder made from it would list requests already
answered and miss the new ones. The age is the time since metadatos.construido_en (the build's local time)."""
from __future__ import annotations

from datetime import datetime

import duckdb

from common.errors import TableroError
from common.formatting import num


class StaleWarehouse(TableroError):
    """The warehouse is older than the configured age; the message is Spanish and says what to do."""


def check_fresh(con: duckdb.DuckDBPyConnection, max_hours: float, now: datetime | None = None) -> str:
    """The build_id of a warehouse built less than `max_hours` ago; else StaleWarehouse."""
    meta = dict(con.execute("SELECT clave, valor FROM metadatos WHERE clave IN ('build_id', 'construido_en')")
                .fetchall())
    built = meta.get("construido_en")
    if not built:
        raise StaleWarehouse("El almacén no dice cuándo se construyó (metadatos.construido_en): reconstrúyalo con "
                             "python -m etl build antes de enviar.")
    age = ((now or datetime.now()) - datetime.fromisoformat(built)).total_seconds() / 3600
    if age > max_hours:
        raise StaleWarehouse(
            f"El almacén se construyó el {built.replace('T', ' a las ')} (hace {num(age, 1)} horas), más de "
            f"{num(max_hours, 0)} horas atrás: la construcción nocturna falló o no corrió. No se envía nada "
            "desde un almacén viejo. Revise el registro de python -m etl build, reconstruya y vuelva a correr el "
            "envío (el límite se cambia con TABLERO_ENVIO_ANTIGUEDAD_HORAS o [envio] antiguedad_maxima_horas).")
    return meta.get("build_id") or ""
