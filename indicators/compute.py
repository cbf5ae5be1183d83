"""Computes every indicator of indicators/indicadores.toml at every level and period, inside the warehouse being built."""
from __future__ import annotations

import time

import duckdb

from common.bulk import insert_rows
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
    insert_rows(con, "regla_calculo", ["orden", "id", "titulo", "texto"],
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
    _compute_by_request_type(con, definitions)
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
    insert_rows(con, "indicador", [
        "indicador", "nombre", "descripcion", "formula", "numerador", "denominador", "unidad", "direccion", "meta",
        "umbral_verde", "umbral_amarillo", "denominador_minimo", "dimension", "fuente", "version", "orden", "sin_meta",
        "tipo"], [
        (i.id, i.nombre, i.descripcion, i.formula, i.numerador, i.denominador, i.unidad, i.direccion, i.meta,
         i.umbral_verde, i.umbral_amarillo, i.denominador_minimo, i.dimension, i.fuente, i.version, n, i.sin_meta,
         i.tipo)
        for n, i in enumerate(definitions, start=1)])


def _aggregate(con, name: str, table: str | None = None, histogram: str | None = None) -> None:
    """agg_<table>: the base's counts summed per level × period; hist_<table>: its histogram, when it has one.
    `table` and `histogram` (default: the base's own) let the same base be aggregated over a part of its rows."""
    base = BASE_TABLES[name]
    table, histogram = table or name, histogram or base.histogram
    template = ("values/agregado_gobierno.sql" if base.solo_gobierno else
                "values/agregado_existencias.sql" if base.stocks else "values/agregado.sql")
    params = {"periodos": list(base.periodos)}
    if base.stocks:
        params |= {"flujos": sorted(base.columns - base.stocks), "existencias": sorted(base.stocks)}
    con.execute(sql(template).format(base=table), params)
    if histogram is not None:
        con.execute(sql("values/histograma.sql").format(base=table, histogram=histogram))


# ARCOP apart: the request indicators are also read for each type of request, by the same templates over that
# type's counts (base_solicitud_tipo_mes, filled by bases/base_solicitud_mes.sql), into indicador_valor_tipo.
# indicador_valor keeps both types together: the pages' default and the index's stated choice (indice.toml).
TIPOS_SOLICITUD = ("informacion_publica", "datos_personales")
BASE_POR_TIPO = "base_solicitud_mes"


def _compute_by_request_type(con, definitions: list[Indicador]) -> None:
    split = [i for i in definitions if i.base == BASE_POR_TIPO and i.tipo != "compuesto"]
    for tipo in TIPOS_SOLICITUD:
        con.execute("CREATE OR REPLACE TEMP TABLE base_un_tipo AS SELECT * EXCLUDE (tipo_solicitud) "
                    "FROM base_solicitud_tipo_mes WHERE tipo_solicitud = $tipo", {"tipo": tipo})
        con.execute("CREATE OR REPLACE TEMP TABLE hist_un_tipo AS SELECT * EXCLUDE (tipo_solicitud) "
                    "FROM hist_dias_tipo WHERE tipo_solicitud = $tipo", {"tipo": tipo})
        _aggregate(con, BASE_POR_TIPO, table="base_un_tipo", histogram="hist_un_tipo")
        for ind in split:
            _insert_values(con, ind, BASE_POR_TIPO, table="base_un_tipo", tipo=tipo)


def _insert_values(con, ind: Indicador, base_name: str, table: str | None = None, tipo: str | None = None) -> None:
    """Values of one indicator from one base (or `table`, a part of its rows aggregated by _aggregate), by the
    template of its tipo (indicators/sql/values/valor_*.sql), into indicador_valor, or with `tipo` (a type of
    request) into indicador_valor_tipo: written once, straight into the warehouse table (12 M rows at 1 M requests;
    through a temporary table and a copy they cost a second write). A fallback base only fills the periods the
    indicator's own base has no data for."""
    base = BASE_TABLES[base_name]
    agg = f"agg_{table or base_name}"
    if base_name != ind.base:
        con.execute(sql("values/respaldo.sql").format(respaldo=agg, primaria=f"agg_{ind.base}"))
        agg = "agg_respaldo"
    # Table and column names come from the validated definitions (a closed set); values travel as parameters.
    names = {"agg": agg, "hist": f"hist_{table or base_name}", "numerador": ind.numerador,
             "denominador": ind.denominador, "destino": "indicador_valor" if tipo is None else "indicador_valor_tipo",
             "tipo": "" if tipo is None else ", $tipo AS tipo_solicitud"}
    params = {"id": ind.id, "fuente": base.fuente} | ({} if tipo is None else {"tipo": tipo})
    if ind.tipo == "razon":
        params |= {"escala": ind.escala, "minimo": ind.denominador_minimo}
    elif ind.tipo == "percentil":
        params |= {"p": ind.percentil, "minimo": ind.denominador_minimo}
    con.execute(sql(f"values/valor_{ind.tipo}.sql").format(**names), params)
