"""Overlapping exports: for one folio the most advanced copy wins (terminal over open, then the later answer or
termination date, then the newer file), whatever the files are called; the cut-off date and every indicator
come from the kept copies only.

Two PNT exports (CSV with the PNT's fields), SEFIPLAN, October 2024 (2016 state law: 10 días hábiles):
  export A (the later one: its newest date is 20 Nov)      export B (its newest date is 18 Oct)
  F1 filed Mon 7 Oct, En proceso                           F1 Terminada, inexistencia, answered 14 Oct
  F2 filed Mon 7 Oct, Terminada, answered 16 Oct           F2 Terminada, answered 15 Oct
  F3 filed Mon 21 Oct, Terminada, answered 25 Oct          —
  F4 filed Wed 2 Oct, Terminada, answered 4 Oct            F4 the same
  F5 filed Wed 9 Oct, Pendiente de entrega (open), with
     an interim date 20 Nov                                F5 Terminada, answered 18 Oct
Kept: F1 from B and F5 from B (terminal beats open, though A is the newer file), F2 from A (16 Oct is later than
15 Oct), F3 from A, F4 from A (same state and date: the newer file).
Cut-off: the newest filing or answer date of the kept copies = 25 Oct (F3); A's discarded F5 (20 Nov) does not
count. Business days (from the day after receipt): F1 8–14 Oct = 5, F2 8–16 Oct = 7, F3 22–25 Oct = 4,
F4 3–4 Oct = 2, F5 10–18 Oct = 7. All within 10 → en plazo 5/5 = 100 %; promedio 25 / 5 = 5.
(Keeping A's open copies, as ranking whole files did, gives a cut-off of 20 Nov, F1 overdue and 4/5 = 80 %.)
"""
import pytest

from conftest import all_text, run_page
from helpers import build, query, write

FIELDS = ["Folio", "FechaSolicitud", "Dependencia", "Estatus", "MedioEntrada", "TipoSolicitud",
          "DescripcionSolicitud", "OtrosDatos", "ArchivosAdjuntos", "MedioEntrega", "FechaLimite", "Respuesta",
          "TextoRespuesta", "FechaRespuesta", "FechaSolicitudTermino", "Pais", "Estado", "Municipio",
          "CodigoPostal", "Sector", "Prorroga", "Prevencion", "Disponibilidad", "TipoDerechoARCOP", "Queja"]
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
INEXISTENCIA = "Inexistencia de información (Terminada)"


def row(folio, filed, estatus, respuesta, answered=""):
    values = {"Folio": folio, "FechaSolicitud": filed, "Dependencia": "Secretaría de Finanzas y Planeación (SEFIPLAN)",
              "Estatus": estatus, "MedioEntrada": "Electrónica", "TipoSolicitud": "Información pública",
              "Respuesta": respuesta, "FechaRespuesta": answered,
              "FechaSolicitudTermino": answered if estatus == "Terminada" else "", "Prorroga": "No",
              "Prevencion": "No", "TipoDerechoARCOP": "No Aplica", "Queja": "No"}
    return ",".join(values.get(f, "") for f in FIELDS)


EXPORT_A = [row("240000000000001", "07/10/2024", "En proceso", "Registro de la Solicitud"),
            row("240000000000002", "07/10/2024", "Terminada", ENTREGA, "16/10/2024"),
            row("240000000000003", "21/10/2024", "Terminada", ENTREGA, "25/10/2024"),
            row("240000000000004", "02/10/2024", "Terminada", ENTREGA, "04/10/2024"),
            row("240000000000005", "09/10/2024", "Pendiente de entrega de respuesta", "Registro de la Solicitud",
                "20/11/2024")]
EXPORT_B = [row("240000000000001", "07/10/2024", "Terminada", INEXISTENCIA, "14/10/2024"),
            row("240000000000002", "07/10/2024", "Terminada", ENTREGA, "15/10/2024"),
            row("240000000000004", "02/10/2024", "Terminada", ENTREGA, "04/10/2024"),
            row("240000000000005", "09/10/2024", "Terminada", ENTREGA, "18/10/2024")]


def _build(tmp, name_a, name_b):
    for name, rows in ((name_a, EXPORT_A), (name_b, EXPORT_B)):
        write(tmp / "in" / "solicitudes" / name, ",".join(FIELDS) + "\n" + "\n".join(rows) + "\n")
    return build(tmp / "in", tmp)


@pytest.fixture(scope="module", params=[("solicitudes2025.csv", "solicitudes2024.csv"),
                                        ("solicitudes2024.csv", "solicitudes2025.csv")], ids=["a-despues", "a-antes"])
def db(request, tmp_path_factory):
    """The same two exports, named both ways round: the result must not depend on the names."""
    return _build(tmp_path_factory.mktemp("traslape"), *request.param)


def test_most_advanced_copy_wins(db):
    kept = query(db, """SELECT s.folio, c.archivo, s.estado, s.fecha_respuesta::VARCHAR, s.dias_habiles_respuesta
                        FROM solicitud s JOIN carga c USING (carga_id) ORDER BY folio""")
    a = query(db, "SELECT archivo FROM carga WHERE filas_leidas = 5")[0][0]
    b = query(db, "SELECT archivo FROM carga WHERE filas_leidas = 4")[0][0]
    assert kept == [("240000000000001", b, "terminada", "2024-10-14", 5),
                    ("240000000000002", a, "terminada", "2024-10-16", 7),
                    ("240000000000003", a, "terminada", "2024-10-25", 4),
                    ("240000000000004", a, "terminada", "2024-10-04", 2),
                    ("240000000000005", b, "terminada", "2024-10-18", 7)]


def test_cutoff_and_indicators_come_from_kept_copies(db):
    assert query(db, "SELECT valor FROM metadatos WHERE clave = 'fecha_corte'") == [("2024-10-25",)]
    values = dict(query(db, """SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente'
                               AND clave = 'SEFIPLAN' AND periodo = '2024-10'"""))
    assert values["solicitudes_recibidas"] == 5
    assert values["pct_en_plazo"] == 100.0
    assert values["dias_respuesta_promedio"] == 5.0
    assert values["vencidas_sin_respuesta"] == 0


def test_each_discarded_copy_says_its_rule(db):
    rules = query(db, """SELECT d.filas_leidas, g.filas_leidas, r.regla, r.folios, r.filas FROM solicitud_reemplazo r
                         JOIN carga d ON d.carga_id = r.carga_descartada JOIN carga g ON g.carga_id = r.carga_ganadora
                         ORDER BY r.regla""")
    # A has 5 rows, B 4: A's F1 and F5 lost on state, B's F2 on date, B's F4 on the file order.
    assert rules == [(4, 5, "archivo_reciente", 1, 1), (5, 4, "estado_terminal", 2, 2), (4, 5, "fecha_posterior", 1, 1)]
    # read = loaded + rejected + duplicated, per file
    assert query(db, "SELECT filas_leidas, filas_cargadas, filas_duplicadas FROM carga ORDER BY filas_leidas") == [
        (4, 2, 2), (5, 3, 2)]
    assert query(db, "SELECT valor FROM metadatos WHERE clave = 'folios_repetidos'") == [("4",)]


def test_estado_de_los_datos_says_how_many_and_why(db, monkeypatch, local_mode):
    monkeypatch.setenv("TABLERO_DB", str(db))
    text = all_text(run_page("pages/9_Estado_de_los_datos.py"))
    assert ("4 folios aparecen en más de un archivo o fila; de cada uno se conserva la copia más avanzada y se "
            "descartaron 4 copias: 2 porque la conservada está terminada y la descartada seguía abierta; 1 porque la "
            "conservada tiene una fecha de respuesta o de término posterior; 1 porque la conservada viene del archivo "
            "más reciente.") in text
