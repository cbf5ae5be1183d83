"""The citizens' evaluations as a source of the build: a snapshot of the participación store, read like a file.
The build (etl/build.py) writes the snapshot when it reaches the source; etl/read/source.py lists the reader.

The build asks `write_snapshot` for the store's evaluations that count (without a comment, or with an approved
one) as they are at that instant, in one read transaction: it writes them to a CSV file in the build folder (no
comments, sessions nor client keys: only what the indicators need) and the reader loads that file like any
other, so the load log (carga) has its row, its sha256 and read = loaded + rejected + duplicated. Evaluations
that arrive while the build runs are in the store and in the next build: none is lost.

No store (not configured, an SQLite file that does not exist, not migrated yet) or no evaluations: the source is
empty, which is not an error. A configured store that cannot be read stops the build with a Spanish message.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import sqlalchemy as sa

from common.errors import FileError
from etl.read.result import ReadResult
from participacion import engine as store_engine
from participacion.abuse import HORA_QROO
from participacion.evaluations import StoreError, snapshot

LAYOUT = "almacen_participacion"
FILE_NAME = "evaluaciones_ciudadanas.csv"
FIELDS = ("evaluacion_id", "registrada_en", "fecha", "ente_id", "ley_version", "articulo", "fraccion", "encontrada",
          "actualizada", "comprension")
ESTADOS_NO_LEIDOS = {"pendiente": "con comentario pendiente de moderación", "rechazada": "rechazadas por la moderación"}


def write_snapshot(url: str | None, folder: Path) -> list[Path]:
    """[the snapshot file] in `folder`, or [] when there is nothing to read. Raises FileError when a configured
    store cannot be read."""
    if not url or _missing_sqlite(url):
        return []
    where = sa.make_url(url).render_as_string(hide_password=True)
    try:
        eng = store_engine.create(url)
        try:
            if not sa.inspect(eng).has_table("evaluacion_ciudadana"):
                return []
            data, others = snapshot(eng)
        finally:
            eng.dispose()
    except (StoreError, sa.exc.SQLAlchemyError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise FileError(f"No se pudo leer el almacén de participación ({where}): {detail}. Revise que el servidor esté "
                        "en marcha y la URL (TABLERO_PARTICIPACION_URL o [connections.participacion] de "
                        ".streamlit/secrets.toml); la construcción se detuvo para no publicar los indicadores sin "
                        "las evaluaciones ciudadanas.") from exc
    if data.empty:
        return []
    taken = datetime.now(timezone.utc)
    # The month of an evaluation is the one in Quintana Roo when it was sent (the store keeps UTC).
    local = data["registrada_en"].dt.tz_localize("UTC").dt.tz_convert(HORA_QROO)
    data = data.assign(registrada_en=data["registrada_en"].dt.strftime("%Y-%m-%d %H:%M:%S"),
                       fecha=local.dt.strftime("%Y-%m-%d"), fila=range(2, len(data) + 2))[["fila", *FIELDS]]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    data.to_csv(path, index=False, lineterminator="\n")
    notes = {"leida_en": taken.strftime("%Y-%m-%d %H:%M:%S UTC"), "no_leidas": others}
    path.with_suffix(".json").write_text(json.dumps(notes, ensure_ascii=False), encoding="utf-8")
    return [path]


def _missing_sqlite(url: str) -> bool:
    parsed = sa.make_url(url)
    return parsed.get_backend_name() == "sqlite" and (not parsed.database or not Path(parsed.database).is_file())


def read_snapshot(path: Path, fuente: str, con: duckdb.DuckDBPyConnection, table: str) -> ReadResult:
    """Reads a snapshot file (write_snapshot) into `table`: fila (its line) and FIELDS, as text like every raw table."""
    columns = ", ".join(["'fila': 'BIGINT'", *(f"'{f}': 'VARCHAR'" for f in FIELDS)])
    con.execute(f"""CREATE OR REPLACE TABLE {table} AS
                    SELECT * FROM read_csv($path, header = true, columns = {{{columns}}}, auto_detect = false)""",
                {"path": str(path)})
    result = ReadResult(LAYOUT, "csv", "utf-8", ",", con.execute(f"SELECT count(*) FROM {table}").fetchone()[0], None)
    notes = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    result.avisos.append(f"Evaluaciones publicadas en el almacén de participación al {notes['leida_en']}.")
    skipped = [f"{n:,} {ESTADOS_NO_LEIDOS.get(estado, estado)}" for estado, n in sorted(notes["no_leidas"].items())]
    if skipped:
        result.avisos.append("No se leen (aún no cuentan): " + "; ".join(skipped) + ".")
    return result
