"""The raw rows of a build: each input file is read into its own table of an in-memory scratch database
(`lectura`), listed in lectura.archivo_leido; raw_<fuente> is a view over a fuente's files. Raw rows never go
through the warehouse's write-ahead log and checkpoints, are never copied, and are freed as soon as their domain
is staged: only staged facts belong in the warehouse, not a file's raw rows."""
from __future__ import annotations

import duckdb

from etl.read.source import raw_fields
from etl.read.writer import drop_read_table
from etl.sources import Source, source

READ_DB = "lectura"


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """The scratch database, its list of files read, and carga_orden (the rank of each load among its source's
    files: staging decides with it which copy of a record wins)."""
    con.execute(f"ATTACH ':memory:' AS {READ_DB}")
    con.execute("CREATE TEMP TABLE carga_orden (carga_id VARCHAR, archivo_orden INTEGER)")
    con.execute(f"CREATE TABLE {READ_DB}.archivo_leido (n INTEGER, fuente VARCHAR, carga_id VARCHAR, "
                "archivo VARCHAR, layout VARCHAR)")


def read_table(number: int) -> str:
    """The table of the number-th file (or workbook sheet) read."""
    return f"{READ_DB}.archivo_{number:04d}"


def next_number(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT count(*) + 1 FROM {READ_DB}.archivo_leido").fetchone()[0]


def record_file(con: duckdb.DuckDBPyConnection, number: int, fuente: str, carga_id: str, archivo: str,
                layout: str) -> None:
    con.execute(f"INSERT INTO {READ_DB}.archivo_leido (n, fuente, carga_id, archivo, layout) VALUES (?, ?, ?, ?, ?)",
                [number, fuente, carga_id, archivo, layout])


def create_raw_view(con: duckdb.DuckDBPyConnection, src: Source) -> None:
    """raw_<fuente>: the rows of every file read for the fuente, with the file's carga_id, name and layout; a
    fuente with no file gets an empty table with its columns. The files' own tables are dropped with the scratch
    database at the end of the build."""
    numbers = [n for (n,) in con.execute(f"SELECT n FROM {READ_DB}.archivo_leido WHERE fuente = ? ORDER BY n",
                                         [src.fuente]).fetchall()]
    if not numbers:
        columns = ", ".join(f'NULL::VARCHAR AS "{c}"' for c in raw_fields(src.fuente))
        con.execute(f"CREATE TEMP TABLE {src.raw} AS SELECT ''::VARCHAR AS carga_id, ''::VARCHAR AS archivo, "
                    f"''::VARCHAR AS layout, 0::BIGINT AS fila, {columns} LIMIT 0")
        return
    # carga_id as an ENUM of the fuente's files: as text it is 30 bytes on every row of every staging table, as an
    # ENUM one byte; SQL still reads it as text.
    carga = f"{READ_DB}.main.carga_{src.fuente}"
    con.execute(f"CREATE OR REPLACE TYPE {carga} AS ENUM "
                f"(SELECT carga_id FROM {READ_DB}.archivo_leido WHERE fuente = ? ORDER BY n)", [src.fuente])
    # n is an integer of ours, never data: the file's name and layout come from archivo_leido.
    parts = [f"SELECT CAST(a.carga_id AS {carga}) AS carga_id, a.archivo, a.layout, f.* "
             f"FROM {read_table(n)} f, {READ_DB}.archivo_leido a WHERE a.n = {int(n)}" for n in numbers]
    con.execute(f"CREATE TEMP VIEW {src.raw} AS " + " UNION ALL BY NAME ".join(parts))


def release_raw(con: duckdb.DuckDBPyConnection, fuente: str) -> None:
    """Frees the raw rows of a fuente once its staging table holds everything later steps need: a national
    requests file is about a gigabyte of text that would otherwise sit in the buffer pool while the facts are
    written, pushing the staging rows out to disk and back. raw_<fuente> is gone after this. The build calls it
    after each stage; a stage may call it sooner (the requests' stage does, before writing solicitud)."""
    numbers = con.execute(f"SELECT n FROM {READ_DB}.archivo_leido WHERE fuente = ?", [fuente]).fetchall()
    drop_read_table(con, source(fuente).raw)  # the view over the files, or the empty table of a fuente without files
    for (n,) in numbers:
        drop_read_table(con, read_table(n))
