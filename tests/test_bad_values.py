"""Bad inputs, class "a value that cannot be what it says": dates in an impossible order or in the future, Sí/No
flags written otherwise, counts of people that are not whole numbers. Each is rejected with its reason instead of
being read as something else (a No, a negative number of days, a rounded count)."""
from __future__ import annotations

import pytest

from helpers import (PLANTILLA_HEADER, build, cargas, folios, nothing_lost, plantilla, query, rejects, row,
                     solicitudes, write)


def with_cells(folio: str, **cells) -> str:
    """A template row with some cells replaced by name (fecha_recepcion, hubo_ampliacion…)."""
    names = PLANTILLA_HEADER.split(",")
    values = row(folio).split(",")
    for name, value in cells.items():
        values[names.index(name)] = value
    return ",".join(values)


# ------------------------------------------------------------------------------------------ dates in order


def test_official_receipt_after_the_answer_is_rejected_not_negative_days(tmp_path):
    # Filed 2024-09-02, officially received 2024-09-10, answered 2024-09-03: -5 business days counted "en plazo".
    solicitudes(tmp_path, "orden.csv", plantilla(
        with_cells("240000000000001"),
        with_cells("240000000000002", fecha_recepcion="2024-09-10", fecha_respuesta="2024-09-03")))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "fecha_respuesta", "2024-09-03")
    assert "anterior a la recepción oficial" in motivo and "10/09/2024" in motivo
    assert query(db, "SELECT min(dias_habiles_respuesta) FROM solicitud") == [(1,)]
    nothing_lost(db)


def test_official_receipt_in_the_future_is_rejected_not_a_future_cohort(tmp_path):
    solicitudes(tmp_path, "futuro.csv", plantilla(
        with_cells("240000000000001"),
        with_cells("240000000000002", fecha_recepcion="2029-09-03", fecha_respuesta="")))
    db = build(tmp_path / "in", tmp_path)  # "today" is 2026-11-29
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "fecha_recepcion_oficial", "2029-09-03") and "futura" in motivo
    assert query(db, "SELECT max(mes)::VARCHAR FROM solicitud") == [("2024-09-01",)]
    assert query(db, "SELECT count(*) FROM indicador_valor WHERE periodo_inicio > DATE '2026-11-29'") == [(0,)]


def test_official_receipt_before_filing_is_rejected(tmp_path):
    solicitudes(tmp_path, "antes.csv", plantilla(with_cells("240000000000001", fecha_recepcion="2024-08-30")))
    db = build(tmp_path / "in", tmp_path)
    (_, _, columna, _, motivo), = rejects(db)
    assert columna == "fecha_recepcion_oficial" and "anterior a la presentación" in motivo


def test_answered_on_the_weekend_it_was_filed_is_zero_days_never_negative(tmp_path):
    # Filed and answered Saturday 2024-09-07: received Monday the 9th; the answer came before the clock started.
    solicitudes(tmp_path, "sabado.csv", plantilla(with_cells("240000000000001", fecha_presentacion="2024-09-07",
                                                             fecha_respuesta="2024-09-07")))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT dias_habiles_respuesta, en_plazo FROM solicitud") == [(0, True)]


def test_resolution_of_an_appeal_in_the_future_is_rejected(tmp_path):
    write(tmp_path / "in" / "recursos" / "recursos.csv",
          "expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido\n"
          "RR/001/2024,240000000000001,SEFIPLAN,2024-09-20,2024-10-20,Confirma\n"
          "RR/002/2024,240000000000001,SEFIPLAN,2024-09-20,2029-10-20,Revoca\n")
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT expediente FROM recurso_revision") == [("RR/001/2024",)]
    (_, fila, columna, _, motivo), = rejects(db)
    assert (fila, columna) == (3, "fecha_resolucion") and "futura" in motivo


# ------------------------------------------------------------------------------------------------ flags

@pytest.mark.parametrize("written, read", [("Sí", True), ("sí.", True), ("SI", True), ("s", True), ("Si ", True),
                                           ("Sí (10 días)", True), ("NO", False), ("n", False), ("No.", False)])
def test_flags_as_officials_write_them(tmp_path, written, read):
    solicitudes(tmp_path, "flags.csv", plantilla(with_cells("240000000000001", hubo_ampliacion=written)))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT hubo_ampliacion FROM solicitud") == [(read,)]


@pytest.mark.parametrize("written", ["Yes", "X", "tal vez", "Sí/No"])
def test_other_flags_are_rejected_with_the_allowed_values(tmp_path, written):
    solicitudes(tmp_path, "flags.csv", plantilla(with_cells("240000000000001"),
                                                 with_cells("240000000000002", hubo_prevencion=written)))
    db = build(tmp_path / "in", tmp_path)
    assert folios(db) == ["240000000000001"]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "prevencion", written) and "use Sí o No" in motivo
    nothing_lost(db)


def test_an_unknown_flag_in_the_pnt_json_is_rejected(tmp_path):
    record = ('{"Folio":"240000000000009","FechaSolicitud":"02/09/2024","Dependencia":"SEFIPLAN","Estatus":"Terminada",'
              '"MedioEntrada":"Electrónica","TipoSolicitud":"Información pública","DescripcionSolicitud":"x",'
              '"OtrosDatos":"","ArchivosAdjuntos":"","MedioEntrega":"Electrónico","FechaLimite":"30/09/2024",'
              '"Respuesta":"Entrega de información vía Plataforma Nacional de Transparencia (Terminada)",'
              '"TextoRespuesta":"","FechaRespuesta":"03/09/2024","FechaSolicitudTermino":"03/09/2024","Pais":"México",'
              '"Estado":"Quintana Roo","Municipio":"Chetumal","CodigoPostal":"77000","Sector":"Particular",'
              '"Prorroga":"Yes","Prevencion":"No","Disponibilidad":"Si","TipoDerechoARCOP":"No Aplica","Queja":"No"}')
    write(tmp_path / "in" / "solicitudes" / "s.JSON", "[" + record + "]\n")
    db = build(tmp_path / "in", tmp_path)
    assert [(c, v) for _, _, c, v, _ in rejects(db)] == [("prorroga", "Yes")]


def test_attendance_marks_accept_trailing_punctuation(tmp_path):
    from training_fixture import write_training_inputs
    inputs = write_training_inputs(tmp_path / "in")
    lista = inputs / "capacitacion" / "lista.csv"
    lista.write_text(lista.read_text(encoding="utf-8").replace("C2,10/05/2024,Sí", "C2,10/05/2024,sí.", 1),
                     encoding="utf-8")
    db = build(inputs, tmp_path)
    assert query(db, "SELECT count(*) FROM rechazo WHERE columna = 'asistio'") == [(0,)]


# ------------------------------------------------------------------------------------------------ counts

STAFF_HEADER = "ente,fecha_corte,total_personal,personal_ut\n"


@pytest.mark.parametrize("written, reason", [
    ("1.234", "es ambiguo"), ("12.5", "no es un número entero"), ("12,5", "no es un número entero"),
    ("-3", "no puede ser negativa"), ("doce", "No es un número")])
def test_staff_counts_that_are_not_whole_numbers_are_rejected(tmp_path, written, reason):
    write(tmp_path / "in" / "capacitacion" / "plantilla.csv",
          STAFF_HEADER + "SEFIPLAN,2024-06-30,40,2\n" + f'SEGOB,2024-06-30,"{written}",1\n')
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT ente_id, total_personal FROM plantilla") == [("SEFIPLAN", 40)]
    (_, fila, columna, valor, motivo), = rejects(db)
    assert (fila, columna, valor) == (3, "total_personal", written) and reason in motivo
    nothing_lost(db)


@pytest.mark.parametrize("written, value", [("1,234", 1234), ("1234", 1234), ("12.0", 12), ("1 234", 1234)])
def test_unambiguous_counts_are_read(tmp_path, written, value):
    write(tmp_path / "in" / "capacitacion" / "plantilla.csv",
          STAFF_HEADER + f'SEFIPLAN,2024-06-30,"{written}",2\n')
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT total_personal FROM plantilla") == [(value,)]


def test_attendees_and_staff_of_the_ut_are_counts_too(tmp_path):
    write(tmp_path / "in" / "capacitacion" / "eventos.csv",
          "evento,fecha,sector,asistentes,municipio\nFeria,2024-04-22,Estudiantes,1.500,Chetumal\n"
          "Feria 2,2024-04-23,Estudiantes,150,Chetumal\n")
    write(tmp_path / "in" / "capacitacion" / "plantilla.csv", STAFF_HEADER + "SEFIPLAN,2024-06-30,40,2.5\n")
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT asistentes FROM evento_publico") == [(150,)]
    assert sorted((c, v) for _, _, c, v, _ in rejects(db)) == [("asistentes", "1.500"), ("personal_ut", "2.5")]
    nothing_lost(db)


def test_a_published_quarterly_figure_with_a_dot_is_ambiguous(tmp_path):
    table = ("S.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,\n"
             ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,"
             "Total de No Competencia,Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,"
             "Tiempo Promedio de Resp.\nDEPENDENCIAS,,,,,,,,,,,,,\n"
             "SECRETARÍA DE OBRAS PÚBLICAS (SEOP),1.234,0,0,0,1234,1234,0,0,0,0,1234,1234,5.5\n")
    write(tmp_path / "in" / "estadistica_trimestral" / "tabla_2018_t4.csv", table)
    db = build(tmp_path / "in", tmp_path)
    (_, _, columna, valor, motivo), = rejects(db)
    assert (columna, valor) == ("hombre", "1.234") and "ambiguo" in motivo
