"""Computes every indicator of the catalog at every level and period, inside the warehouse being built."""
from __future__ import annotations

from pathlib import Path

import duckdb

from indicators.catalog import BASE_TABLES, Indicador, load_catalog

SQL_DIR = Path(__file__).resolve().parent / "sql"
GROUP_KEYS = "nivel, clave, tipo_periodo, periodo"


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def compute_indicators(con: duckdb.DuckDBPyConnection, catalog: list[Indicador] | None = None) -> None:
    catalog = catalog or load_catalog()
    _store_catalog(con, catalog)
    con.execute(_sql("periodos.sql"))
    for name, base in BASE_TABLES.items():
        con.execute(_sql(base.sql))
        _aggregate(con, name)
    for ind in catalog:
        _insert_values(con, ind)


def _store_catalog(con, catalog: list[Indicador]) -> None:
    con.executemany("INSERT INTO indicador VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (i.id, i.nombre, i.descripcion, i.formula, i.numerador, i.denominador, i.unidad, i.direccion, i.meta,
         i.umbral_verde, i.umbral_amarillo, i.denominador_minimo, i.dimension, i.fuente, i.version, n)
        for n, i in enumerate(catalog, start=1)])


def _aggregate(con, name: str) -> None:
    """Sums of a base table's counts, and of its histogram, per level × period: agg_<base>, hist_<base>."""
    base = BASE_TABLES[name]
    sums = ", ".join(f"sum(b.{c})::DOUBLE AS {c}" for c in sorted(base.columns))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE agg_{name} AS
        SELECT n.nivel, n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
               t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
               min(inicio_de(b.mes, t.tipo_periodo)) AS periodo_inicio, {sums}
        FROM {name} b JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
        GROUP BY ALL""")
    if base.histogram is None:
        return
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE hist_{name} AS
        WITH h AS (
            SELECT n.nivel, n.clave, t.tipo_periodo, periodo_de(h.mes, t.tipo_periodo) AS periodo, h.dias,
                   sum(h.n) AS n
            FROM {base.histogram} h JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
            GROUP BY ALL)
        SELECT *, sum(n) OVER (PARTITION BY {GROUP_KEYS} ORDER BY dias) AS acumulado,
                  sum(n) OVER (PARTITION BY {GROUP_KEYS}) AS total
        FROM h""")


def _insert_values(con, ind: Indicador) -> None:
    # Column names come from the validated catalog (a closed set), values travel as parameters.
    head = f"""INSERT INTO indicador_valor
               SELECT a.nivel, a.clave, a.nombre, a.grupo_pares, a.tipo_periodo, a.periodo, a.periodo_inicio,
                      $id,"""
    if ind.tipo == "conteo":
        con.execute(head + f""" a.{ind.numerador}, a.{ind.numerador}, NULL, TRUE FROM agg_{ind.base} a""", {"id": ind.id})
    elif ind.tipo == "razon":
        con.execute(head + f"""
                      CASE WHEN a.{ind.denominador} > 0 THEN $escala * a.{ind.numerador} / a.{ind.denominador} END,
                      a.{ind.numerador}, a.{ind.denominador}, a.{ind.denominador} >= $minimo
               FROM agg_{ind.base} a""", {"id": ind.id, "escala": ind.escala, "minimo": ind.denominador_minimo})
    else:
        # Nearest-rank percentile: the smallest number of days reached by at least p of the answered requests.
        con.execute(head + f"""
                      p.valor, NULL, a.{ind.denominador}, a.{ind.denominador} >= $minimo
               FROM agg_{ind.base} a LEFT JOIN (
                   SELECT {GROUP_KEYS}, min(dias) FILTER (WHERE acumulado >= $p * total)::DOUBLE AS valor
                   FROM hist_{ind.base} GROUP BY ALL) p USING ({GROUP_KEYS})""",
                    {"id": ind.id, "p": ind.percentil, "minimo": ind.denominador_minimo})
