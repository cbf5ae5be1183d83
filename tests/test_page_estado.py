"""Estado de los datos against the real sample warehouse (built with the demo file of bad rows)."""
from __future__ import annotations

import os
from datetime import datetime

from conftest import all_text, run_page, table_with
from participacion import delivery_log, engine, migrate
from participacion.delivery_log import Attempt

PAGE = "pages/9_Estado_de_los_datos.py"


def test_estado_loads_rejects_and_matrix(app_db, sql):
    at = run_page(PAGE, {"anio": "2025"})
    assert not at.exception
    assert at.title[0].value == "Estado de los datos"
    loads = table_with(at, "Filas leídas")
    assert len(loads) == sql("SELECT count(*) FROM carga")[0][0]
    assert loads["Filas rechazadas"].sum() == sql("SELECT sum(filas_rechazadas) FROM carga")[0][0]

    rejects = table_with(at, "Motivo")
    assert len(rejects) == sql("SELECT count(*) FROM rechazo")[0][0] > 0
    assert set(rejects["Columna"]) == {r[0] for r in sql("SELECT DISTINCT columna FROM rechazo")}

    matrix = table_with(at, "Meses con datos")
    months = dict(sql("""SELECT e.nombre_oficial, count(*) FROM base_solicitud_mes b JOIN ente e USING (ente_id)
                         WHERE year(b.mes) = 2025 AND b.recibidas > 0 GROUP BY 1"""))
    shown = dict(zip(matrix["Ente"], matrix["Meses con datos"]))
    for nombre, n in months.items():
        assert shown[nombre] == n
    # loads, repeated folios (the sample's yearly files overlap), computed and stated deadlines, rejects,
    # reporting matrix
    assert len(at.get("download_button")) == 5


def test_estado_reject_filter_from_url(app_db, sql):
    archivo = sql("SELECT archivo FROM rechazo LIMIT 1")[0][0]
    at = run_page(PAGE, {"archivo": archivo})
    assert not at.exception
    rejects = table_with(at, "Motivo")
    assert set(rejects["Archivo"]) == {archivo}


def test_estado_without_warehouse(missing_db):
    at = run_page(PAGE)
    assert not at.exception
    assert "python -m etl build" in all_text(at)


def test_the_sample_exercises_the_rules_of_the_law(app_db, sql):
    # The sample warehouse shows every rule of issue 22 with data: deadlines restarted after a desahogo, the
    # PNT's deadline for a prevención without dates, deadlines that cannot be determined, filings after office
    # hours (Infomex and the template record the hour), and appeals desechados and sobreseídos apart.
    origins = dict(sql("SELECT fecha_limite_origen, count(*) FROM solicitud GROUP BY ALL"))
    assert all(origins.get(o, 0) > 0 for o in ("ley", "desahogo", "fuente", "no_determinable")), origins
    assert sql("SELECT count(*) FROM solicitud WHERE recibida_fuera_de_horario")[0][0] > 0
    assert min(sql("SELECT sum(recursos_desechados), sum(recursos_sobreseidos) FROM base_solicitud_mes")[0]) > 0
    at = run_page("pages/9_Estado_de_los_datos.py")
    assert not at.exception and "Fechas límite: calculadas y de la fuente" in all_text(at)


def test_estado_shows_the_delivery_log(app_db, downloads):
    store = engine.create(os.environ["TABLERO_PARTICIPACION_URL"])
    migrate.migrate(store)
    titular, ut = "titular@segob.ejemplo.gob.mx", "ut@sesa.ejemplo.gob.mx"
    delivery_log.record(store, Attempt("ficha", "2025-06", "SEGOB", titular, "fallido",
                                       error="550 5.1.1 Mailbox unavailable"), when=datetime(2026, 7, 1, 6, 0))
    delivery_log.record(store, Attempt("ficha", "2025-06", "SEGOB", titular, "enviado", resumen="índice 86.0"),
                        when=datetime(2026, 7, 2, 6, 0))
    delivery_log.record(store, Attempt("recordatorio", "2026-07-02", "SESA", ut, "fallido",
                                       error="451 4.3.0 Try again later"),
                        when=datetime(2026, 7, 2, 7, 0))
    at = run_page(PAGE)
    assert not at.exception
    shown = table_with(at, "Destinatario")
    assert shown["Destinatario"].tolist() == [ut, titular, titular]
    assert shown["Estado"].tolist()[:2] == ["Falló (se reintenta en la próxima corrida)", "Enviado"]
    assert shown["Envío"].tolist()[0] == "Recordatorio de plazos a la UT"
    # three attempts, one message still failing: the reminder (the ficha's retry worked)
    assert "3 intentos de envío más recientes" in all_text(at) and "1 mensajes siguen sin entregarse" in all_text(at)
    lines = downloads(at)["csv_envios"].decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Fecha y hora (UTC),Envío,Periodo o día,Ente,Destinatario,Estado") and len(lines) == 4
