"""Computes every indicator of the catalog at every level and period, inside the warehouse being built."""
from __future__ import annotations

import time

import duckdb

from indicators import sql
from indicators.catalog import BASE_TABLES, Indicador, load_catalog
from indicators.comparison import compute_comparison
from indicators.reglas import load_rules

GROUP_KEYS = "nivel, clave, tipo_periodo, periodo"
# The two ranks whose days a percentile averages, over a histogram with a running count (acumulado) and a total.
# The median of an even count n is the mean of the values at ranks n/2 and n/2 + 1 (1,2,2,3,9,10 → 2.5); an odd
# count has one middle rank. Any other percentile p takes the nearest rank, ceil(p × n), for both: the smallest
# number of days reached by at least p of the answered requests. p × n is taken as DECIMAL so that 0.9 × 70 is 63,
# not 63.000000001 (which would move the rank to 64).
PERCENTILE_RANKS = """
    SELECT *, ceil($p::DECIMAL(9, 6) * total) AS bajo,
           CASE WHEN $p = 0.5 THEN total // 2 + 1 ELSE ceil($p::DECIMAL(9, 6) * total) END AS alto
    FROM {hist}"""


def compute_indicators(con: duckdb.DuckDBPyConnection, catalog: list[Indicador] | None = None,
                       fases: dict[str, float] | None = None) -> None:
    """`fases`, when given, receives the seconds spent on the index (indice_desempeno and its explanations)."""
    catalog = catalog or load_catalog()
    _store_catalog(con, catalog)
    con.executemany("INSERT INTO regla_calculo VALUES (?, ?, ?, ?)",
                    [(n, r.id, r.titulo, r.texto) for n, r in enumerate(load_rules(), start=1)])
    con.execute(sql("periodos.sql"))
    for name, base in BASE_TABLES.items():
        con.execute(sql(base.sql))
        _aggregate(con, name)
    compute_comparison(con)
    for ind in catalog:
        if ind.tipo == "compuesto":
            continue  # built from the other indicators' values below
        _insert_values(con, ind, ind.base)
        for fallback in _fallbacks_for(ind):
            _insert_values(con, ind, fallback)
    from indicators.index import compute_index
    t0 = time.perf_counter()
    compute_index(con)
    if fases is not None:
        fases["indice"] = fases.get("indice", 0.0) + time.perf_counter() - t0
    con.execute(sql("periodo_estado.sql"))


def _fallbacks_for(ind: Indicador) -> list[str]:
    """Bases that can continue an indicator's series where its own base has no data (e.g. published quarters)."""
    needed = {c for c in (ind.numerador, ind.denominador) if c}
    return [name for name, base in BASE_TABLES.items()
            if base.respaldo_de == ind.base and ind.tipo != "percentil" and needed <= base.columns]


def _store_catalog(con, catalog: list[Indicador]) -> None:
    con.executemany("INSERT INTO indicador VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (i.id, i.nombre, i.descripcion, i.formula, i.numerador, i.denominador, i.unidad, i.direccion, i.meta,
         i.umbral_verde, i.umbral_amarillo, i.denominador_minimo, i.dimension, i.fuente, i.version, n, i.sin_meta,
         i.tipo)
        for n, i in enumerate(catalog, start=1)])


def _aggregate(con, name: str) -> None:
    """Sums of a base table's counts, and of its histogram, per level × period: agg_<base>, hist_<base>. An ente's
    rows in periods it is not in force in are labelled 'linaje' (niveles, periodos.sql)."""
    base = BASE_TABLES[name]
    if base.stocks or base.solo_gobierno:
        _aggregate_by_unit(con, name, base)
    else:
        sums = ", ".join(f"sum(b.{c})::DOUBLE AS {c}" for c in sorted(base.columns))
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE agg_{name} AS
            SELECT nivel_en(n.nivel, any_value(n.vigente_desde), any_value(n.vigente_hasta),
                            min(inicio_de(b.mes, t.tipo_periodo)), t.tipo_periodo) AS nivel,
                   n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
                   t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
                   min(inicio_de(b.mes, t.tipo_periodo)) AS periodo_inicio, {sums}
            FROM {name} b JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
            WHERE list_contains($periodos, t.tipo_periodo)
            GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo)""",
                    {"periodos": list(base.periodos)})
    if base.histogram is None:
        return
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE hist_{name} AS
        WITH h AS (
            SELECT nivel_en(n.nivel, any_value(n.vigente_desde), any_value(n.vigente_hasta),
                            min(inicio_de(h.mes, t.tipo_periodo)), t.tipo_periodo) AS nivel,
                   n.clave, t.tipo_periodo, periodo_de(h.mes, t.tipo_periodo) AS periodo, h.dias, sum(h.n) AS n
            FROM {base.histogram} h JOIN niveles n USING (ente_id) CROSS JOIN tipos_periodo t
            GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(h.mes, t.tipo_periodo), h.dias)
        SELECT *, sum(n) OVER (PARTITION BY {GROUP_KEYS} ORDER BY dias) AS acumulado,
                  sum(n) OVER (PARTITION BY {GROUP_KEYS}) AS total
        FROM h""")


def _aggregate_by_unit(con, name: str, base) -> None:
    """agg_<base> in two steps: per unit (ente) and period, flows are summed and stocks (staff, coverage) take
    their value at the unit's last month in the period, if the unit is in force at the end of the period (an ente
    that ended adds no staff nor coverage after its end: its successor carries them); then units are added per
    level. A government-only base (no ente) joins only the government level, so no ente or group gets its counts."""
    flows = [f"sum(b.{c}) AS {c}" for c in sorted(base.columns - base.stocks)]
    if base.solo_gobierno:
        units = ("CROSS JOIN (SELECT DISTINCT nivel, clave, nombre, grupo_pares, vigente_desde, vigente_hasta "
                 "FROM niveles WHERE nivel = 'gobierno') n")
        unit, in_force = "", "TRUE"
    else:
        units = "JOIN niveles n USING (ente_id) JOIN ente ue ON ue.ente_id = b.ente_id"
        unit = "b.ente_id"
        in_force = ("en_vigor(any_value(ue.vigente_desde), any_value(ue.vigente_hasta), "
                    "fin_de(inicio_de(b.mes, t.tipo_periodo), t.tipo_periodo))")
    stocks = [f"CASE WHEN {in_force} THEN arg_max(b.{c}, b.mes) ELSE 0 END AS {c}" for c in sorted(base.stocks)]
    sums = ", ".join(f"sum(u.{c})::DOUBLE AS {c}" for c in sorted(base.columns))
    columns = ", ".join(sorted(base.columns))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE agg_{name} AS
        WITH u AS (
            SELECT n.nivel, n.clave, any_value(n.nombre) AS nombre, any_value(n.grupo_pares) AS grupo_pares,
                   any_value(n.vigente_desde) AS vigente_desde, any_value(n.vigente_hasta) AS vigente_hasta,
                   t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo) AS periodo,
                   inicio_de(b.mes, t.tipo_periodo) AS periodo_inicio, {", ".join(flows + stocks)}
            FROM {name} b {units} CROSS JOIN tipos_periodo t
            WHERE list_contains($periodos, t.tipo_periodo)
            GROUP BY n.nivel, n.clave, t.tipo_periodo, periodo_de(b.mes, t.tipo_periodo),
                     inicio_de(b.mes, t.tipo_periodo){", " + unit if unit else ""}),
        por_nivel AS (
            SELECT nivel, clave, any_value(nombre) AS nombre, any_value(grupo_pares) AS grupo_pares,
                   any_value(vigente_desde) AS vigente_desde, any_value(vigente_hasta) AS vigente_hasta, tipo_periodo,
                   periodo, min(periodo_inicio) AS periodo_inicio, {sums}
            FROM u GROUP BY nivel, clave, tipo_periodo, periodo)
        SELECT nivel_en(nivel, vigente_desde, vigente_hasta, periodo_inicio, tipo_periodo) AS nivel, clave, nombre,
               grupo_pares, tipo_periodo, periodo, periodo_inicio, {columns}
        FROM por_nivel""", {"periodos": list(base.periodos)})


def _insert_values(con, ind: Indicador, base_name: str) -> None:
    """Values of one indicator from one base. A fallback base only fills periods its primary has no data for."""
    base = BASE_TABLES[base_name]
    # Column names come from the validated catalog (a closed set), values travel as parameters.
    uncovered = "" if base_name == ind.base else f"""
        WHERE NOT EXISTS (SELECT 1 FROM agg_{ind.base} c
                          WHERE c.tipo_periodo = a.tipo_periodo AND c.periodo = a.periodo)"""
    params = {"id": ind.id, "fuente": base.fuente}
    if ind.tipo == "conteo":
        values = f"a.{ind.numerador}, a.{ind.numerador}, NULL, TRUE"
        source = f"agg_{base_name} a"
    elif ind.tipo == "razon":
        values = f"""CASE WHEN a.{ind.denominador} > 0 THEN $escala * a.{ind.numerador} / a.{ind.denominador} END,
                     a.{ind.numerador}, a.{ind.denominador}, a.{ind.denominador} >= $minimo"""
        source = f"agg_{base_name} a"
        params |= {"escala": ind.escala, "minimo": ind.denominador_minimo}
    else:
        values = f"p.valor, NULL, a.{ind.denominador}, a.{ind.denominador} >= $minimo"
        source = f"""agg_{base_name} a LEFT JOIN (
                   SELECT {GROUP_KEYS}, (min(dias) FILTER (WHERE acumulado >= bajo)
                                        + min(dias) FILTER (WHERE acumulado >= alto)) / 2.0 AS valor
                   FROM ({PERCENTILE_RANKS.format(hist=f"hist_{base_name}")}) GROUP BY ALL) p USING ({GROUP_KEYS})"""
        params |= {"p": ind.percentil, "minimo": ind.denominador_minimo}
    con.execute(f"""
        INSERT INTO indicador_valor
        SELECT a.nivel, a.clave, a.nombre, a.grupo_pares, a.tipo_periodo, a.periodo, a.periodo_inicio, $id,
               {values}, $fuente
        FROM {source} {uncovered}""", params)
