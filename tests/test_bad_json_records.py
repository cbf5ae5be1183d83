"""Bad inputs, class "records of the PNT JSON export": a record that does not start exactly as the others is still a
record, and a line that is no record is rejected alone; no request is glued to its neighbour and no request text
ends up in a reject."""
from __future__ import annotations

import json

from helpers import build, cargas, folios, nothing_lost, query, rejects

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def record(folio: str | None, texto: str = "solicito el presupuesto") -> dict:
    values = {"Folio": folio, "FechaSolicitud": "02/09/2024", "Dependencia": "SEFIPLAN", "Estatus": "Terminada",
              "MedioEntrada": "Electrónica", "TipoSolicitud": "Información pública", "DescripcionSolicitud": texto,
              "OtrosDatos": "", "ArchivosAdjuntos": "", "MedioEntrega": "Electrónico", "FechaLimite": "30/09/2024",
              "Respuesta": ENTREGA, "TextoRespuesta": "se adjunta", "FechaRespuesta": "03/09/2024",
              "FechaSolicitudTermino": "03/09/2024", "Pais": "México", "Estado": "Quintana Roo",
              "Municipio": "Chetumal", "CodigoPostal": "77000", "Sector": "Particular", "Prorroga": "No",
              "Prevencion": "No", "Disponibilidad": "Si", "TipoDerechoARCOP": "No Aplica", "Queja": "No"}
    if folio is None:
        del values["Folio"]
    return values


def compact(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def test_records_that_start_differently_stay_records(tmp_path):
    reordered = record("240000000000003", "TEXTO3")
    reordered = {k: reordered[k] for k in reversed(reordered)}  # same fields, other order: Folio last
    lines = [
        compact(record("240000000000001", "TEXTO1")),
        "{ " + compact(record("240000000000002", "TEXTO2"))[1:],            # a space after the brace
        compact(reordered),
        compact(record(None, "TEXTO4")),                                      # no Folio at all
        compact(record("240000000000005", "TEXTO5")).replace("TEXTO5", 'pido el "plan" TEXTO5'),  # the known fault
        'TEXTO6 una línea suelta "sin" llaves',                               # no record at all
        compact(record("240000000000007", "TEXTO7")),
    ]
    path = tmp_path / "in" / "solicitudes" / "solicitudes2024.JSON"
    path.parent.mkdir(parents=True)
    path.write_bytes(("[" + ",\r\n".join(lines) + "]\r\n").encode("cp1252"))
    db = build(tmp_path / "in", tmp_path)
    # 7 lines, 7 records: 5 loaded (1, 2, 3, 5 repaired, 7); the one without Folio and the stray line rejected.
    assert folios(db) == ["240000000000001", "240000000000002", "240000000000003", "240000000000005",
                          "240000000000007"]
    assert cargas(db) == [("solicitudes2024.JSON", 7, 5, 2, 0)]
    assert [(fila, columna) for _, fila, columna, *_ in rejects(db)] == [(4, "folio"), (6, None)]
    assert "Falta el folio" in rejects(db)[0][4] and "JSON" in rejects(db)[1][4]
    stored = str(query(db, "SELECT * FROM rechazo")) + str(query(db, "SELECT * FROM solicitud"))
    assert "TEXTO" not in stored
    nothing_lost(db)


def test_a_record_with_a_raw_line_break_still_takes_its_next_line(tmp_path):
    broken = compact(record("240000000000001", "primera")).replace("primera", "primera\r\nsegunda línea")
    lines = [broken, compact(record("240000000000002"))]
    path = tmp_path / "in" / "solicitudes" / "solicitudes2024.JSON"
    path.parent.mkdir(parents=True)
    path.write_bytes(("[" + ",\r\n".join(lines) + "]\r\n").encode("cp1252"))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT folio, fila FROM solicitud ORDER BY folio") == [
        ("240000000000001", 1), ("240000000000002", 3)]
    assert cargas(db) == [("solicitudes2024.JSON", 2, 2, 0, 0)]
    # 3 lines, 2 records: the line the row count misses is explained.
    (avisos,), = query(db, "SELECT avisos FROM carga")
    assert "3 líneas: 2 registros, 1 líneas dentro de registros de varias líneas" in avisos
