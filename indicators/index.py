"""Computes the Índice de Desempeño en Transparencia and its explanations inside the warehouse being built."""
from __future__ import annotations

from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.formatting import periodo_es
from indicators import sql
from indicators.explain import EFFECTS_TOLD, NAMED, NEGLIGIBLE, indicator_labels
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
    con.execute(sql("index/indice_cambio_nivel.sql"))
    store_explanations(con)
    store_level_explanations(con)


def store_explanations(con) -> None:
    """«¿Por qué cambió?» of every ente and period with a previous one, composed in SQL (index/explicacion.sql) from
    indice_cambio and fraccion_cambio: hundreds of thousands of paragraphs at national scale, none of them put
    together in Python. Only the labels come from here: each indicator's name and how its values are written, and
    each period in Spanish."""
    labels = indicator_labels(con.execute("SELECT c.indicador, i.nombre, i.unidad FROM (SELECT DISTINCT indicador "
                                          "FROM indice_cambio) c LEFT JOIN indicador i USING (indicador)").fetchall())
    con.execute("CREATE OR REPLACE TEMP TABLE etiqueta_indicador (indicador VARCHAR, nombre VARCHAR, decimales INTEGER, "
                "sufijo VARCHAR, orden INTEGER)")
    insert_rows(con, "etiqueta_indicador", ["indicador", "nombre", "decimales", "sufijo", "orden"], labels)
    _period_words(con, con.execute("SELECT tipo_periodo, periodo FROM indice_cambio UNION "
                                   "SELECT tipo_periodo, periodo_anterior FROM indice_cambio").fetchall())
    con.execute(sql("index/frases.sql"))
    con.execute(sql("index/explicacion.sql"), {"verificacion": VERIFICATION, "minimo": NEGLIGIBLE, "efectos": EFFECTS_TOLD})


def store_level_explanations(con) -> None:
    """«¿Por qué cambió?» of every group and the government with a previous period (index/explicacion_nivel.sql, from
    nivel_cambio): the same head sentence as an ente's, from the same SQL (index/frases.sql)."""
    _period_words(con, con.execute("SELECT tipo_periodo, periodo FROM nivel_cambio UNION "
                                   "SELECT tipo_periodo, periodo_anterior FROM nivel_cambio").fetchall())
    con.execute(sql("index/frases.sql"))
    con.execute(sql("index/explicacion_nivel.sql"), {"minimo": NEGLIGIBLE, "efectos": EFFECTS_TOLD, "nombrados": NAMED})


def _period_words(con, periods: list[tuple[str, str]]) -> None:
    """periodo_texto: each (tipo_periodo, periodo) in Spanish ('octubre de 2026'), as the paragraphs write it."""
    con.execute("CREATE OR REPLACE TEMP TABLE periodo_texto (tipo_periodo VARCHAR, periodo VARCHAR, texto VARCHAR)")
    insert_rows(con, "periodo_texto", ["tipo_periodo", "periodo", "texto"],
                [(t, p, periodo_es(t, p)) for t, p in periods])
