"""Computes the Índice de Desempeño en Transparencia and its explanations inside the warehouse being built."""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

import duckdb
import pyarrow as pa

from indicators import sql
from indicators.explain import Part, explain, explain_level
from indicators.index_rules import load_index_rules

VERIFICATION = "indice_cumplimiento_obligaciones"


CHANGELOG = Path(__file__).resolve().parent / "cambios_metodologia.csv"


def compute_index(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO metodologia_cambio BY NAME SELECT version, fecha, cambio FROM read_csv(?, header = true, "
                "columns = {'version': 'VARCHAR', 'fecha': 'DATE', 'cambio': 'VARCHAR'})", [str(CHANGELOG)])
    known = {r[0] for r in con.execute("SELECT indicador FROM indicador").fetchall()}
    rules = load_index_rules(known)
    con.executemany("INSERT INTO indice_regla (dimension, dimension_nombre, peso_dimension, indicador, peso, cero, cien, "
                    "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (d.id, d.nombre, d.peso, c.indicador, c.peso, c.cero, c.cien, rules.version)
        for d in rules.dimensiones for c in d.componentes])
    con.execute(sql("index/indice.sql"))
    con.execute(sql("index/indice_cambio.sql"))
    _store_explanations(con)
    _store_level_explanations(con)


BATCH = 50_000  # explanations written per Arrow batch: memory stays flat however many entes and periods there are


def _explanation_rows(con):
    """The rows of index/explicacion_filas.sql, read in chunks: millions of components for thousands of entes never
    sit in Python at once."""
    con.execute("CREATE OR REPLACE TEMP TABLE fraccion_cambio AS " + sql("index/indice_fracciones_cambio.sql"))
    result = con.execute(sql("index/explicacion_filas.sql"), {"verificacion": VERIFICATION})
    while chunk := result.fetchmany(100_000):
        yield from chunk


def _store_explanations(con) -> None:
    names, units = {}, {}
    for ind, nombre, unidad in con.execute("SELECT indicador, nombre, unidad FROM indicador").fetchall():
        names[ind], units[ind] = nombre, unidad
    out = []
    writer = con.cursor()  # the read below streams on `con`: a query there would end it
    try:
        for key, group in groupby(_explanation_rows(con), key=lambda r: r[:6]):
            ente, tipo, periodo, anterior, indice, indice_anterior = key
            group = list(group)
            parts = [Part(*r[6:13]) for r in group]
            moved = next((r[13] for r in group if r[13]), [])
            details = {VERIFICATION: [(f["ahora"] - f["antes"], f"{f['fraccion']} pasó de {f['antes']:.0f} a {f['ahora']:.0f}")
                                      for f in moved]}
            text = explain(tipo, periodo, anterior, indice, indice_anterior, parts, names, units, details)
            out.append((ente, tipo, periodo, anterior, indice - indice_anterior, text))
            if len(out) >= BATCH:
                _write_explanations(writer, out)
        _write_explanations(writer, out)
    finally:
        writer.close()


def _write_explanations(con, out: list[tuple]) -> None:
    """Appends the batch as one Arrow insert (executemany would cost a round trip per row) and empties it."""
    if not out:
        return
    table = pa.table(list(zip(*out)), names=["ente_id", "tipo_periodo", "periodo", "periodo_anterior", "cambio", "texto"])
    con.register("explicaciones", table)
    try:
        con.execute("INSERT INTO indice_explicacion BY NAME SELECT * FROM explicaciones")
    finally:
        con.unregister("explicaciones")
    out.clear()


def _store_level_explanations(con) -> None:
    """«¿Por qué cambió?» for every group and the government (a handful of rows per period: no batching needed)."""
    con.execute(sql("index/indice_cambio_nivel.sql"))
    rows = []
    for r in con.execute("SELECT * FROM nivel_cambio").fetchall():
        (nivel, clave, tipo, periodo, anterior, indice, indice_anterior, n, n_anterior, partes, suma, entraron,
         salieron) = r
        text = explain_level(nivel, clave, tipo, periodo, anterior, indice, indice_anterior, n, n_anterior, partes,
                             suma, entraron, salieron)
        rows.append((nivel, clave, tipo, periodo, anterior, indice - indice_anterior, text))
    if rows:
        con.executemany("INSERT INTO indice_explicacion_nivel (nivel, clave, tipo_periodo, periodo, periodo_anterior, "
                        "cambio, texto) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
