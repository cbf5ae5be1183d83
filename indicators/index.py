"""Computes the Índice de Desempeño en Transparencia and its explanations inside the warehouse being built."""
from __future__ import annotations

from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.formatting import periodo_es
from indicators import sql
from indicators.explain import NEGLIGIBLE, TOP, explain_level, indicator_labels
from indicators.index_rules import load_index_rules

VERIFICATION = "indice_cumplimiento_obligaciones"


CHANGELOG = Path(__file__).resolve().parent / "cambios_metodologia.csv"


def compute_index(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO metodologia_cambio BY NAME SELECT version, fecha, cambio FROM read_csv(?, header = true, "
                "columns = {'version': 'VARCHAR', 'fecha': 'DATE', 'cambio': 'VARCHAR'})", [str(CHANGELOG)])
    known = {r[0] for r in con.execute("SELECT indicador FROM indicador").fetchall()}
    rules = load_index_rules(known)
    insert_rows(con, "indice_regla", ["dimension", "dimension_nombre", "peso_dimension", "indicador", "peso", "cero",
                                      "cien", "version"], [
        (d.id, d.nombre, d.peso, c.indicador, c.peso, c.cero, c.cien, rules.version)
        for d in rules.dimensiones for c in d.componentes])
    con.execute(sql("index/indice.sql"))
    con.execute(sql("index/indice_cambio.sql"))
    con.execute("CREATE OR REPLACE TEMP TABLE fraccion_cambio AS " + sql("index/indice_fracciones_cambio.sql"))
    store_explanations(con)
    _store_level_explanations(con)


def store_explanations(con) -> None:
    """«¿Por qué cambió?» of every ente and period with a previous one, composed in SQL (index/explicacion.sql) from
    indice_cambio and fraccion_cambio: hundreds of thousands of paragraphs at national scale, none of them put
    together in Python. Only the words come from here: each indicator's name and how its values are written, and
    each period in Spanish."""
    labels = indicator_labels(con.execute("SELECT c.indicador, i.nombre, i.unidad FROM (SELECT DISTINCT indicador "
                                          "FROM indice_cambio) c LEFT JOIN indicador i USING (indicador)").fetchall())
    if not labels:
        return  # no ente has two periods in a row yet: nothing changed, nothing to explain
    con.execute("CREATE OR REPLACE TEMP TABLE etiqueta_indicador (indicador VARCHAR, nombre VARCHAR, decimales INTEGER, "
                "sufijo VARCHAR, orden INTEGER)")
    con.execute("CREATE OR REPLACE TEMP TABLE periodo_texto (tipo_periodo VARCHAR, periodo VARCHAR, texto VARCHAR)")
    insert_rows(con, "etiqueta_indicador", ["indicador", "nombre", "decimales", "sufijo", "orden"], labels)
    periods = con.execute("SELECT DISTINCT tipo_periodo, periodo FROM indice_cambio UNION "
                          "SELECT DISTINCT tipo_periodo, periodo_anterior FROM indice_cambio").fetchall()
    insert_rows(con, "periodo_texto", ["tipo_periodo", "periodo", "texto"],
                [(t, p, periodo_es(t, p)) for t, p in periods])
    con.execute(sql("index/explicacion.sql"), {"verificacion": VERIFICATION, "minimo": NEGLIGIBLE, "top": TOP})


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
