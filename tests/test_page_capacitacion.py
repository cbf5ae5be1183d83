"""Capacitación page (AppTest) against the real sample warehouse of tests/conftest.py, which includes the
training sample written by samples/capacitacion.py."""
from __future__ import annotations

import pytest

# run_page runs app.py and switches to the page (AppTest.from_file(app.py, default_timeout=30)): the menu's
# st.page_link needs app.py as the entrypoint, so a page file alone cannot be the AppTest script.
from conftest import all_text, run_page, table_with

PAGE = "pages/7_Capacitacion.py"


def test_coverage_courses_and_events_match_sql(app_db, sql):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert at.title[0].value == "Capacitación"
    text = all_text(at)
    assert "Datos al" in text and "Institución 100 % capacitada" in text and "primer curso del año" in text

    table = table_with(at, "Personal capacitado (%)")
    trained, staff, full = sql("""SELECT numerador, denominador, NULL FROM indicador_valor
                                  WHERE nivel = 'gobierno' AND indicador = 'pct_personal_capacitado'
                                    AND periodo = '2025'""")[0]
    assert table["Personas capacitadas en 12 meses"].sum() == trained
    assert table["Plantilla"].sum() == staff
    entes_100 = sql("""SELECT numerador FROM indicador_valor WHERE nivel = 'gobierno' AND periodo = '2025'
                       AND indicador = 'pct_institucion_100_capacitada'""")[0][0]
    assert (table["Institución 100 % capacitada"] == "Sí").sum() == entes_100
    assert f"{int(trained):,} de {int(staff):,} personas" in text

    courses = table_with(at, "Modalidad")
    assert courses["Cursos"].sum() == sql("""SELECT count(*) FROM curso
                                             WHERE impartido AND year(fecha_inicio) = 2025""")[0][0]
    assert courses["Asistencias"].sum() == sql("""SELECT count(*) FROM asistencia a JOIN curso c USING (curso_id)
                                                  WHERE a.asistio AND year(c.fecha_inicio) = 2025""")[0][0]
    asistentes = sql("SELECT sum(asistentes) FROM evento_publico WHERE year(fecha) = 2025")[0][0]
    assert f"asistieron {asistentes:,} personas de la sociedad" in text
    assert len(at.get("plotly_chart")) == 4
    assert len(at.get("download_button")) == 5


def test_ente_filter_from_url(app_db, sql):
    at = run_page(PAGE, {"tipo": "anio", "periodo": "2025", "ente": "SEFIPLAN"})
    assert not at.exception
    table = table_with(at, "Personal capacitado (%)")
    assert table["Siglas"].tolist() == ["SEFIPLAN"]
    valor = sql("""SELECT valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                   AND indicador = 'pct_personal_capacitado' AND periodo = '2025'""")[0][0]
    assert table["Personal capacitado (%)"].iloc[0] == pytest.approx(round(valor, 1))


def test_ficha_shows_the_training_block(app_db):
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "anio", "periodo": "2025"})
    assert not at.exception
    assert "Capacitación" in [h.value for h in at.subheader]
    assert any(m.label == "Institución 100 % capacitada" for m in at.metric)


def test_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)
