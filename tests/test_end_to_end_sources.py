"""A folder holding a real-shaped PNT JSON export and an Infomex open-data file builds; no request text,
requester name or address reaches the warehouse file."""
import json

import pytest

from helpers import build, query, write

PNT_FIELDS = ["Folio", "FechaSolicitud", "Dependencia", "Estatus", "MedioEntrada", "TipoSolicitud",
              "DescripcionSolicitud", "OtrosDatos", "ArchivosAdjuntos", "MedioEntrega", "FechaLimite", "Respuesta",
              "TextoRespuesta", "FechaRespuesta", "FechaSolicitudTermino", "Pais", "Estado", "Municipio",
              "CodigoPostal", "Sector", "Prorroga", "Prevencion", "Disponibilidad", "TipoDerechoARCOP", "Queja",
              "FechaOficialRecepcion"]
SECRET_TEXTS = ["Solicito el padrón de Zacarías Quintal", "Calle Nísperos 123", "respuesta confidencial XYZ"]


def pnt_record(folio, fecha, dependencia, estatus, respuesta, fecha_resp, recepcion, descripcion, prorroga="No"):
    values = [folio, fecha, dependencia, estatus, "Electrónica", "Información pública", descripcion,
              "Ninguno", "", "Electrónico a través del sistema", "", respuesta, "respuesta confidencial XYZ",
              fecha_resp, "", "México", "Quintana Roo", "Othón P. Blanco", "77019", "Académico", prorroga, "No",
              "No", "No Aplica", "No", recepcion]
    return dict(zip(PNT_FIELDS, values))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuentes")
    good = pnt_record("000532025767088", "14/06/2025", "SECRETARÍA DE FINANZAS Y PLAENACIÓN (SEFIPLAN)", "Terminada",
                      "Inexistencia de información (Terminada)", "17/06/2025", "16/06/2025", SECRET_TEXTS[0])
    line_ok = json.dumps(good, ensure_ascii=False)
    # Citizens' unescaped quotes, as in ~7 % of real records, and a typographic quote (cp1252 0x93/0x94).
    broken = pnt_record("000532025767089", "16/06/2025", "Secretaría de Gobierno", "Terminada",
                        "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)", "18/06/2025",
                        "16/06/2025", 'quiero el "plan" y el “padrón” de Calle Nísperos 123')
    line_bad = json.dumps(broken, ensure_ascii=False).replace('\\"plan\\"', '"plan"')
    write(tmp / "in" / "solicitudes" / "solicitudes2025.JSON", "[\n" + line_ok + ",\n" + line_bad + "\n]\n", "cp1252")
    infomex = ("FOLIO,FECHASOLICITUD,DEPENDENCIA,ESTATUS,MEDIOENTRADA,TIPOSOLICITUD,DESCRIPCIONSOLICITUD,OTROSDATOS,"
               "ARCHIVOADJUNTOSOLICITUD,MEDIOENTREGA,FECHALIMITE,RESPUESTA,TEXTORESPUESTA,ARCHIVORESPUESTA,"
               "FECHARESPUESTA,PAIS,ESTADO,MUNICIPIO,CODIGOPOSTAL,SECTOR\n"
               "00012318,2018-03-05 10:22:00,SECRETARÍA DE EDUCACIÓN (SEQ),Terminada,Electrónica,Información pública,"
               "Zacarías Quintal pide su expediente,,,,2018-03-20 00:00:00,Entrega de información en medio electrónico,"
               ",,2018-03-07 12:00:00,México,Quintana Roo,Chetumal,77019,\n")
    write(tmp / "in" / "solicitudes" / "historico.csv", infomex, "latin-1")
    return build(tmp / "in", tmp)


def test_both_sources_load(db):
    rows = query(db, "SELECT folio, layout, ente_id, respuesta_categoria, dias_habiles_respuesta FROM solicitud ORDER BY folio")
    assert rows == [("00012318", "infomex", "SEQ", "entrega", 2),
                    ("000532025767088", "pnt_sisai", "SEFIPLAN", "inexistencia", 1),
                    ("000532025767089", "pnt_sisai", "SEGOB", "entrega", 2)]


def test_filed_on_saturday_uses_official_receipt_date(db):
    # Filed Saturday 14/06/2025, FechaOficialRecepcion Monday 16/06; answered Tuesday 17: 1 business day.
    assert query(db, "SELECT fecha_presentacion::VARCHAR, fecha_recepcion::VARCHAR FROM solicitud "
                     "WHERE folio = '000532025767088'") == [("2025-06-14", "2025-06-16")]


def test_no_request_text_name_or_address_in_the_warehouse_file(db):
    content = db.read_bytes()
    for secret in SECRET_TEXTS + ["Zacarías Quintal", "Nísperos", "Othón P. Blanco"]:
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            assert secret.encode(encoding) not in content, secret
