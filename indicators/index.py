"""Computes the Índice de Desempeño en Transparencia and its explanations inside the warehouse being built."""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

import duckdb
import pyarrow as pa

from indicators import sql
from indicators.explain import Part, explain
from indicators.index_rules import load_index_rules

VERIFICATION = "indice_cumplimiento_obligaciones"


CHANGELOG = Path(__file__).resolve().parent / "cambios_metodologia.csv"


def compute_index(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO metodologia_cambio SELECT version, fecha, cambio FROM read_csv(?, header = true, "
                "columns = {'version': 'VARCHAR', 'fecha': 'DATE', 'cambio': 'VARCHAR'})", [str(CHANGELOG)])
    known = {r[0] for r in con.execute("SELECT indicador FROM indicador").fetchall()}
    rules = load_index_rules(known)
    con.executemany("INSERT INTO indice_regla VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (d.id, d.nombre, d.peso, c.indicador, c.peso, c.cero, c.cien, rules.version)
        for d in rules.dimensiones for c in d.componentes])
    con.execute(sql("indice.sql"))
    con.execute(sql("indice_cambio.sql"))
    _store_explanations(con)


def _fraction_details(con) -> dict[tuple, list[tuple[float, str]]]:
    """(ente, tipo, periodo) -> the fracciones that rose and fell most, as (change, phrase)."""
    rows = con.execute(sql("indice_fracciones_cambio.sql")).fetchall()
    details: dict[tuple, list[tuple[float, str]]] = {}
    for ente, tipo, periodo, fraccion, antes, ahora in rows:
        details.setdefault((ente, tipo, periodo), []).append((ahora - antes, f"{fraccion} pasó de {antes:.0f} a {ahora:.0f}"))
    return details


def _streamed(result, size: int = 100_000):
    while chunk := result.fetchmany(size):
        yield from chunk


def _store_explanations(con) -> None:
    names, units = {}, {}
    for ind, nombre, unidad in con.execute("SELECT indicador, nombre, unidad FROM indicador").fetchall():
        names[ind], units[ind] = nombre, unidad
    fractions = _fraction_details(con)
    result = con.execute("""SELECT ente_id, tipo_periodo, periodo, periodo_anterior, indice, indice_anterior,
                                   dimension, indicador, valor_anterior, valor, delta, efecto_valor, efecto_peso
                            FROM indice_cambio ORDER BY ente_id, tipo_periodo, periodo""")
    rows = _streamed(result)  # millions of components for thousands of entes: never all in Python at once
    out = []
    for key, group in groupby(rows, key=lambda r: r[:6]):
        ente, tipo, periodo, anterior, indice, indice_anterior = key
        parts = [Part(*r[6:13]) for r in group]
        details = {VERIFICATION: fractions.get((ente, tipo, periodo), [])}
        text = explain(tipo, periodo, anterior, indice, indice_anterior, parts, names, units, details)
        out.append((ente, tipo, periodo, anterior, indice - indice_anterior, text))
    if out:  # an Arrow batch: executemany would cost a round trip per row
        table = pa.table(list(zip(*out)), names=["ente_id", "tipo_periodo", "periodo", "periodo_anterior", "cambio", "texto"])
        con.register("explicaciones", table)
        con.execute("INSERT INTO indice_explicacion SELECT * FROM explicaciones")
        con.unregister("explicaciones")
