"""Inicio (app.py) against a real warehouse built from the sample inputs."""
from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from conftest import all_text, fecha_corte, latest_complete_month, metric_value, parse_number, run_page
from common.formatting import fecha_es


def _name(sql, indicador: str) -> str:
    return sql("SELECT nombre FROM indicador WHERE indicador = ?", [indicador])[0][0]


def _color(metric) -> str:
    field = metric.proto.DESCRIPTOR.fields_by_name["color"]
    return field.enum_type.values_by_number[metric.proto.color].name


def test_inicio_shows_government_figures_of_last_complete_month(app_db, sql):
    at = run_page("app.py")
    assert not at.exception
    assert at.title[0].value == "Panorama del Gobierno del Estado"
    assert f"Datos al {fecha_es(fecha_corte(sql))}" in all_text(at)

    periodo, inicio = latest_complete_month(sql)
    assert at.query_params["periodo"] == [periodo] or at.query_params["periodo"] == periodo
    expected = sql("SELECT sum(recibidas) FROM base_solicitud_mes WHERE mes = ?", [inicio])[0][0]
    assert parse_number(metric_value(at, _name(sql, "solicitudes_recibidas"))) == expected

    # % en plazo re-aggregated from counts, and its change against the previous month
    num, den = sql("SELECT sum(en_plazo), sum(con_plazo_determinado) FROM base_solicitud_mes WHERE mes = ?",
                   [inicio])[0]
    label = _name(sql, "pct_en_plazo")
    assert parse_number(metric_value(at, label)) == pytest.approx(round(100 * num / den, 1))
    pnum, pden = sql("""SELECT sum(en_plazo), sum(con_plazo_determinado) FROM base_solicitud_mes
                        WHERE mes = ?::DATE - INTERVAL 1 MONTH""", [inicio])[0]
    metric = next(m for m in at.metric if m.label.replace("\\", "") == label)
    assert metric.delta == f"{100 * num / den - 100 * pnum / pden:+.1f} pts"
    assert _color(metric) == ("GREEN" if num / den > pnum / pden else "RED")   # mayor_es_mejor: up is good
    assert all(m.label.replace("\\", "") != _name(sql, "dias_respuesta_promedio") for m in at.metric)
    at.session_state["abrir_todos_indicadores"] = True   # the rest is drawn once its expander is opened
    at.run()
    assert not at.exception
    days = next(m for m in at.metric if m.label.replace("\\", "") == _name(sql, "dias_respuesta_promedio"))
    assert _color(days) == ("GREEN" if days.delta.startswith("-") else "RED")  # menor_es_mejor: down is good

    assert len(at.get("plotly_chart")) == 1
    assert len(at.get("download_button")) == 2


def test_inicio_honours_period_in_url(app_db, sql):
    at = run_page("app.py", {"tipo": "anio", "periodo": "2024"})
    assert not at.exception
    expected = sql("SELECT sum(recibidas) FROM base_solicitud_mes WHERE year(mes) = 2024")[0][0]
    assert parse_number(metric_value(at, _name(sql, "solicitudes_recibidas"))) == expected
    assert "Resultados del año 2024" in all_text(at)


def test_inicio_bad_url_value_falls_back_to_default(app_db, sql):
    at = run_page("app.py", {"tipo": "semana", "periodo": "=1+1"})
    assert not at.exception
    periodo, _ = latest_complete_month(sql)
    assert at.selectbox(key="f_periodo").value == periodo


def test_inicio_without_warehouse_explains_how_to_build(missing_db):
    at = run_page("app.py")
    assert not at.exception
    assert "python -m etl build" in all_text(at)
    assert not at.metric


def test_inicio_notices_a_swapped_warehouse(tablero_db, tmp_path, monkeypatch, sql):
    """A build replaces the file with os.replace: the next run must read the new file (no restart)."""
    db = tmp_path / "servido.duckdb"
    shutil.copy(tablero_db, db)
    monkeypatch.setenv("TABLERO_DB", str(db))
    first = run_page("app.py")
    assert f"Datos al {fecha_es(fecha_corte(sql))}" in all_text(first)

    new = tmp_path / "nuevo.duckdb"
    shutil.copy(tablero_db, new)
    with duckdb.connect(str(new)) as con:
        con.execute("UPDATE metadatos SET valor = '2030-01-15' WHERE clave = 'fecha_corte'")
    os.replace(new, db)
    second = run_page("app.py")
    assert not second.exception
    assert "Datos al 15 de enero de 2030" in all_text(second)


def test_inicio_says_when_a_source_has_no_data(tablero_db, tmp_path, monkeypatch):
    db = tmp_path / "sin_recursos.duckdb"
    shutil.copy(tablero_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM recurso_revision")
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("app.py")
    assert not at.exception
    assert "Aún no hay datos de recursos de revisión" in all_text(at)
