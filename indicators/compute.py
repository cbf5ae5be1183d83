"""Computes every indicator of indicators/indicadores.toml at every level and period, inside the warehouse being built."""
from __future__ import annotations

import time

import duckdb

from indicators import sql
from indicators.comparison import compute_comparison
from indicators.definitions import BASE_TABLES, Indicador, load_indicators
from indicators.index import compute_index
from indicators.rules import load_rules


def compute_indicators(con: duckdb.DuckDBPyConnection, definitions: list[Indicador] | None = None,
                       fases: dict[str, float] | None = None) -> None:
    """`fases`, when given, receives the seconds spent on the index (indice_desempeno and its explanations)."""
    definitions = definitions or load_indicators()
    _store_definitions(con, definitions)
    con.executemany("INSERT INTO regla_calculo (orden, id, titulo, texto) VALUES (?, ?, ?, ?)",
                    [(n, r.id, r.titulo, r.texto) for n, r in enumerate(load_rules(), start=1)])
    con.execute(sql("periods/periodos.sql"))
    for name, base in BASE_TABLES.items():
        con.execute(sql(base.sql))
        _aggregate(con, name)
    compute_comparison(con)
    for ind in definitions:
        if ind.tipo == "compuesto":
            continue  # built from the other indicators' values below
        _insert_values(con, ind, ind.base)
        for fallback in _fallbacks_for(ind):
            _insert_values(con, ind, fallback)
    t0 = time.perf_counter()
    compute_index(con)
    if fases is not None:
        fases["indice"] = fases.get("indice", 0.0) + time.perf_counter() - t0
    con.execute(sql("periods/periodo_estado.sql"))


def _fallbacks_for(ind: Indicador) -> list[str]:
    """Bases that can continue an indicator's series where its own base has no data (e.g. published quarters)."""
    needed = {c for c in (ind.numerador, ind.denominador) if c}
    return [name for name, base in BASE_TABLES.items()
            if base.respaldo_de == ind.base and ind.tipo != "percentil" and needed <= base.columns]


def _store_definitions(con, definitions: list[Indicador]) -> None:
    con.executemany("INSERT INTO indicador (indicador, nombre, descripcion, formula, numerador, denominador, unidad, "
                    "direccion, meta, umbral_verde, umbral_amarillo, denominador_minimo, dimension, fuente, version, "
                    "orden, sin_meta, tipo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (i.id, i.nombre, i.descripcion, i.formula, i.numerador, i.denominador, i.unidad, i.direccion, i.meta,
         i.umbral_verde, i.umbral_amarillo, i.denominador_minimo, i.dimension, i.fuente, i.version, n, i.sin_meta,
         i.tipo)
        for n, i in enumerate(definitions, start=1)])


def _aggregate(con, name: str) -> None:
    """agg_<base>: the base's counts summed per level × period; hist_<base>: its histogram, when it has one."""
    base = BASE_TABLES[name]
    template = ("values/agregado_gobierno.sql" if base.solo_gobierno else
                "values/agregado_existencias.sql" if base.stocks else "values/agregado.sql")
    params = {"periodos": list(base.periodos)}
    if base.stocks:
        params |= {"flujos": sorted(base.columns - base.stocks), "existencias": sorted(base.stocks)}
    con.execute(sql(template).format(base=name), params)
    if base.histogram is not None:
        con.execute(sql("values/histograma.sql").format(base=name, histogram=base.histogram))


def _insert_values(con, ind: Indicador, base_name: str) -> None:
    """Values of one indicator from one base, by the template of its tipo (indicators/sql/values/valor_*.sql). A
    fallback base only fills the periods the indicator's own base has no data for."""
    base = BASE_TABLES[base_name]
    agg = f"agg_{base_name}"
    if base_name != ind.base:
        con.execute(sql("values/respaldo.sql").format(respaldo=agg, primaria=f"agg_{ind.base}"))
        agg = "agg_respaldo"
    # Table and column names come from the validated definitions (a closed set); values travel as parameters.
    names = {"agg": agg, "hist": f"hist_{base_name}", "numerador": ind.numerador, "denominador": ind.denominador}
    params = {"id": ind.id, "fuente": base.fuente}
    if ind.tipo == "razon":
        params |= {"escala": ind.escala, "minimo": ind.denominador_minimo}
    elif ind.tipo == "percentil":
        params |= {"p": ind.percentil, "minimo": ind.denominador_minimo}
    con.execute(sql(f"values/valor_{ind.tipo}.sql").format(**names), params)
