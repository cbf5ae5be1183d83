"""Staging of the published quarterly statistics: raw_estadistica → solicitud_estadistica (+ rechazo, conciliacion)."""
from __future__ import annotations

import datetime as dt

import duckdb

from etl import sql
from etl.staging.ente_names import build_ente_map
from etl.staging.rejects import write_rejects


def stage(con: duckdb.DuckDBPyConnection, today: dt.date) -> dict[str, str | None]:
    # Later quarters and later files win; a table republished for the same quarter replaces the earlier one.
    con.execute("""INSERT INTO carga_orden (carga_id, archivo_orden)
                   SELECT carga_id, 1000000 + row_number() OVER (ORDER BY max(trimestre), archivo)
                   FROM raw_estadistica GROUP BY carga_id, archivo""")
    con.execute("CREATE OR REPLACE TEMP VIEW raw_estadistica_entes AS "
                "SELECT * FROM raw_estadistica WHERE tipo_fila = 'detalle'")
    build_ente_map(con, "raw_estadistica_entes")
    con.execute(sql("staging/stg_estadistica.sql"))
    write_rejects(con, "stg_estadistica")
    con.execute("""INSERT INTO estadistica_rechazada BY NAME
                   SELECT carga_id, archivo, trimestre, fila, categoria,
                          sin_identificadores(dependencia) AS nombre_publicado, cifra(total) AS total, motivo
                   FROM stg_estadistica WHERE motivo IS NOT NULL""")
    con.execute(sql("facts/solicitud_estadistica.sql"))
    con.execute(sql("marts/conciliacion.sql"))
    first, last_end = con.execute("""SELECT min(trimestre), max(periodo_inicio + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE
                                     FROM solicitud_estadistica""").fetchall()[0]
    return {"primer_trimestre_publicado": first,
            "fecha_corte_estadistica": last_end.isoformat() if last_end else None}
