"""The values a PNT (SISAI 2.0) or Infomex export holds, as the sample draws them: the columns of each layout,
how requests end (Estatus and Respuesta with their real weights), appeals, and the fictitious texts of requests
and answers. Only data: samples/solicitudes.py draws from it."""
from __future__ import annotations

from dataclasses import dataclass

PNT_FIELDS = ["Folio", "FechaSolicitud", "Dependencia", "Estatus", "MedioEntrada", "TipoSolicitud",
              "DescripcionSolicitud", "OtrosDatos", "ArchivosAdjuntos", "MedioEntrega", "FechaLimite", "Respuesta",
              "TextoRespuesta", "FechaRespuesta", "FechaSolicitudTermino", "Pais", "Estado", "Municipio",
              "CodigoPostal", "Sector", "Prorroga", "Prevencion", "Disponibilidad", "TipoDerechoARCOP", "Queja"]
PNT_FIELDS_2025 = PNT_FIELDS + ["FechaOficialRecepcion"]
FIRST_YEAR_WITH_OFFICIAL_RECEIPT = 2025
INFOMEX_FIELDS = ["FOLIO", "FECHASOLICITUD", "DEPENDENCIA", "ESTATUS", "MEDIOENTRADA", "TIPOSOLICITUD",
                  "DESCRIPCIONSOLICITUD", "OTROSDATOS", "ARCHIVOADJUNTOSOLICITUD", "MEDIOENTREGA", "FECHALIMITE",
                  "RESPUESTA", "TEXTORESPUESTA", "ARCHIVORESPUESTA", "FECHARESPUESTA", "PAIS", "ESTADO",
                  "MUNICIPIO", "CODIGOPOSTAL", "SECTOR"]
RECURSO_FIELDS = ["expediente", "folio_solicitud", "ente", "fecha_interposicion", "fecha_resolucion", "sentido"]

IP, DP = "informacion_publica", "datos_personales"
TIPO_LABEL = {IP: "Información pública", DP: "Datos Personales"}
INFOMEX_YEAR = 2022
OVERLAP_DAYS = 7            # first week of January of N+1 repeated at the end of file N
OVERLAP_EXPORT_DAY = 9      # file N was exported on 9 January of N+1
NON_WORKING_WEIGHT = 0.11   # gives ~5 % of requests filed on weekends and holidays
PRORROGA_SHARE = 0.11
NEVER_ANSWERED_SHARE = 0.04  # of late answers, never given: the "vencidas sin respuesta" of older months
CITIZEN_TERM = 10           # business days the requester has to answer a prevención or choose a delivery mode
RAW_QUOTE_SHARE = 0.07
TYPO_QUOTE_SHARE = 0.08

MONTH_WEIGHT = {1: 0.85, 2: 1.15, 3: 1.15, 4: 0.95, 5: 1.0, 6: 0.95, 7: 0.85, 8: 1.12, 9: 1.12, 10: 1.15,
                11: 1.0, 12: 0.6}

# Yearly volume share per ente (relative). Entes missing here get the default of their categoria.
ENTE_WEIGHT = {
    "SEFIPLAN": 14, "SEQ": 12, "SESA": 11, "SSP": 10, "SEGOB": 9, "SEOP": 6, "OM": 5, "SECOES": 5, "SABGOB": 5,
    "SEDETUS": 4, "SEMA": 4, "SEDESO": 4, "SATQ": 4, "SEDE": 3, "CAPA": 3, "DIF": 3, "SEDETUR": 3,
    "STYPS": 2.5, "SEDARPE": 2.5, "COBAQROO": 2.5, "CGC": 2, "IQTP": 2, "SEMUJERES": 1.5, "CJ": 1.5, "SP": 1,
    "PFE": 1, "SEECAT": 0.8, "APBP": 0.4, "IIRA": 0.3, "JASP": 0.25, "CEBTEVA": 0.2, "UAATJC": 0.15,
    "FPMC": 0.12,
}
CATEGORY_WEIGHT = {"Dependencia": 2.0, "Órgano desconcentrado": 0.5, "Organismo descentralizado": 1.0}
# Share of answers given after the deadline, fixed for the big entes so the ranking always has spread.
ENTE_LATE_SHARE = {"SEFIPLAN": 0.02, "SEQ": 0.06, "SESA": 0.12, "SSP": 0.15, "SEGOB": 0.01, "SEOP": 0.09,
                   "OM": 0.03, "SECOES": 0.01, "SABGOB": 0.005}
LATE_PROFILES = [0.005, 0.01, 0.03, 0.05, 0.08, 0.15]
# Entes whose folios start with '00' (as some real SISAI folios do), so zero-preservation is exercised.
ZERO_FOLIO_CATEGORY = "Organismo descentralizado"


@dataclass(frozen=True)
class Outcome:
    """How a request ends: final Estatus and Respuesta, plus the waiting state in between, if any."""
    key: str
    estatus: str
    respuesta: str
    timing: str                 # answer | fast | prevention
    weight: float
    interim: str = ""           # Estatus while the requester has CITIZEN_TERM days to act
    ends_after_term: bool = False  # FechaSolicitudTermino = response + CITIZEN_TERM (desechadas)
    closed: bool = True         # FechaSolicitudTermino is filled once final
    prevencion: bool = False
    text: str = "entrega"


# Weights follow the real counts of data/real/pnt_catalogos.csv (10,452 requests).
IP_OUTCOMES = [
    Outcome("entrega", "Terminada", "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)",
            "answer", 4654),
    Outcome("inexistencia", "Terminada", "Inexistencia de información (Terminada)", "answer", 2256,
            text="inexistencia"),
    Outcome("incompetencia", "Terminada", "Notoria incompetencia (Terminada)", "fast", 1998, text="incompetencia"),
    Outcome("confidencial", "Terminada", "Información confidencial (Terminada)", "answer", 215, text="clasificada"),
    Outcome("medio_entrega", "Desechada por falta de selección del medio de entrega",
            "Disponibilidad de la información", "answer", 170, interim="En espera de forma de entrega",
            ends_after_term=True, text="disponibilidad"),
    Outcome("publica", "Terminada", "Información disponible públicamente (Terminada)", "fast", 118, text="publica"),
    Outcome("reservada", "Terminada", "Información reservada (Terminada)", "answer", 76, text="clasificada"),
    Outcome("parcial", "Terminada", "Información parcialmente reservada o confidencial (Terminada)", "answer", 60,
            text="clasificada"),
    Outcome("lugar_fecha", "Terminada", "Notificación de lugar y fecha de entrega (Terminada)", "answer", 49),
    Outcome("consulta", "Terminada", "Disposición de la información en consulta directa (Terminada)", "answer", 19),
    Outcome("costo_desechada", "Desechada por falta de pago", "Respuesta a la entrega de información, con costo",
            "answer", 7, interim="En espera de pago", ends_after_term=True, text="costo"),
    Outcome("costo_pagada", "Con pago realizado", "Respuesta a la entrega de información, con costo", "answer", 5,
            interim="En espera de pago", closed=False, text="costo"),
    Outcome("envio", "Terminada", "Notificación de envío de la información (Terminada)", "answer", 5),
    Outcome("sin_costo", "Terminada", "Respuesta a la entrega de información, sin costo", "answer", 2),
    Outcome("improcedencia", "Terminada", "Improcedencia (Terminada)", "fast", 2, text="improcedencia"),
    Outcome("erratas", "Terminada", "Fe de Erratas", "answer", 2),
    Outcome("prevencion", "Desechada por falta de respuesta del ciudadano", "Prevención", "prevention", 326,
            interim="En espera de ampliación de información", ends_after_term=True, prevencion=True,
            text="prevencion"),
    Outcome("prevencion_tramite", "Desechada por falta de respuesta del ciudadano",
            "Prevención o existencia de un trámite", "prevention", 58,
            interim="En espera de ampliación de información", ends_after_term=True, prevencion=True,
            text="prevencion"),
    Outcome("prevencion_sin_aceptar", "Terminada", "Prevención desahogada sin aceptar trámite", "prevention", 2,
            prevencion=True, text="prevencion"),
]
DP_OUTCOMES = [
    Outcome("dp_acreditacion", "Pendiente de acreditación de la identidad",
            "Notificación de disponibilidad de respuesta (Previa acreditación)", "answer", 146, closed=False,
            text="acreditacion"),
    Outcome("dp_incompetencia", "Terminada", "Notoria incompetencia ARCOP (Terminada)", "fast", 92,
            text="incompetencia"),
    Outcome("dp_registro", "Terminada", "Registro del ejercicio de los derechos ARCOP (Terminada)", "answer", 30,
            text="arcop"),
    Outcome("dp_inexistencia", "Terminada", "Inexistencia de los datos (Terminada)", "answer", 15,
            text="inexistencia"),
    Outcome("dp_procedencia", "Terminada", "Entrega de información (Procedencia)", "answer", 10, text="arcop"),
    Outcome("dp_copia", "Terminada", "Acceso en copia simple o certificada de forma gratuita", "answer", 8,
            text="arcop"),
    Outcome("dp_efectivo", "Por registrar que se hizo efectivo el derecho",
            "Registro del ejercicio de los derechos ARCOP (Terminada)", "answer", 3, closed=False, text="arcop"),
    Outcome("dp_prevencion", "Desechada por falta de respuesta del ciudadano", "Prevención", "prevention", 20,
            interim="En proceso con prevención, sin identidad acreditada", ends_after_term=True, prevencion=True,
            text="prevencion"),
]
# Infomex (2022): (ESTATUS, RESPUESTA, text kind, timing, weight).
INFOMEX_OUTCOMES = [
    ("Con respuesta", "Entrega de información en medio electrónico", "entrega", "answer", 45),
    ("Con respuesta", "Inexistencia de la información solicitada", "inexistencia", "answer", 18),
    ("Con respuesta", "No es de competencia de la unidad de enlace", "incompetencia", "fast", 17),
    ("Con respuesta", "La información está disponible públicamente", "publica", "fast", 5),
    ("Con respuesta", "Negativa por ser reservada o confidencial", "clasificada", "answer", 3),
    ("Con respuesta", "Información parcialmente reservada o confidencial", "clasificada", "answer", 2),
    ("Con respuesta", "Notificación de disponibilidad de información", "disponibilidad", "answer", 2),
    ("Con respuesta", "Notificación de envío", "entrega", "answer", 1.5),
    ("Con respuesta", "Notificación de lugar y fecha de entrega", "entrega", "answer", 1),
    ("Con respuesta", "Respuesta del solicitante a la notificación de entrega de información con costo", "costo",
     "answer", 0.5),
    ("Con respuesta", "La solicitud no corresponde al marco de la Ley", "improcedencia", "fast", 1),
    ("Desechada", "No se dará trámite a la solicitud", "improcedencia", "fast", 1),
    ("En espera de respuesta del solicitante", "Requerimiento de información adicional", "prevencion",
     "prevention", 2),
]
OPEN_RESPUESTA = "Registro de la Solicitud"
OPEN_RESPUESTA_ALT = "Registro de la solicitud"
MANUAL_RESPUESTA = {IP: "Registro manual de la solicitud de información pública",
                    DP: "Registro manual de la solicitud de datos personales"}
PRORROGA_RESPUESTA = {IP: "Prórroga", DP: "Prórroga ARCOP"}

SENTIDOS = [("Confirma", 28), ("Modifica", 22), ("Revoca", 12), ("Sobresee", 23), ("Desecha", 15)]
# Recursos per answered request, by kind of answer: denials and inexistence are appealed most.
RECURSO_RATE = {"entrega": 0.03, "inexistencia": 0.08, "incompetencia": 0.05, "clasificada": 0.15,
                "publica": 0.05, "arcop": 0.04, "improcedencia": 0.08, "prevencion": 0.04}

ARCOP_DERECHOS = [("Acceso", 85), ("Rectificación", 6), ("Cancelación", 4), ("Oposición", 3), ("Portabilidad", 2)]
MEDIOS_ENTREGA = [("Electrónico a través del sistema de solicitudes de acceso a la información de la PNT", 78),
                  ("Correo electrónico", 12), ("Copia simple", 5), ("Consulta directa", 3), ("Copia certificada", 2)]
MUNICIPIOS_QROO = [("Benito Juárez", "77500", 35), ("Othón P. Blanco", "77000", 30), ("Solidaridad", "77710", 12),
                   ("Cozumel", "77600", 5), ("Felipe Carrillo Puerto", "77200", 4), ("Tulum", "77760", 4),
                   ("Bacalar", "77930", 3), ("Isla Mujeres", "77400", 2), ("José María Morelos", "77800", 2),
                   ("Puerto Morelos", "77580", 2), ("Lázaro Cárdenas", "77300", 1)]
MUNICIPIOS_QROO_TABLE = [((m, cp), w) for m, cp, w in MUNICIPIOS_QROO]
INFOMEX_MEDIOS_ENTREGA = [("Entrega por Internet en el INFOMEX", 85), ("Copia simple", 8), ("Consulta directa", 4),
                          ("Copia certificada", 3)]
OTROS_ESTADOS = ["Yucatán", "Ciudad de México", "Campeche", "Jalisco", "Estado de México", "Tabasco"]
SECTORES = [("", 40), ("Académico", 15), ("Empresarial", 12), ("Medios de comunicación", 10),
            ("Gubernamental", 8), ("Organizaciones no gubernamentales", 5), ("Otro", 10)]

# Fictitious request texts. {q} is a quoted name (plain, "raw", or “typographic”), {y} a year.
DESCRIPTIONS = [
    "Solicito copia del contrato de {servicio} celebrado durante {y}, con sus anexos y convenios modificatorios.",
    "Requiero el listado de {cosa} correspondiente al ejercicio {y}, en formato abierto.",
    "Solicito conocer el monto total erogado por concepto de {servicio} de enero a diciembre de {y}.",
    "Solicito la versión pública de las facturas pagadas por {servicio} en {y}.",
    "¿Cuántas plazas de {puesto} existen actualmente y cuál es el sueldo bruto mensual de cada una?",
    "Solicito el organigrama vigente y el directorio de la Unidad de Transparencia.",
    "Requiero las actas de las sesiones del Comité de Transparencia celebradas en {y}.",
    "Solicito el padrón de beneficiarios del programa {q} del ejercicio {y}.",
    "Solicito los indicadores de resultados del programa {q} y el presupuesto asignado en {y}.",
    "Solicito copia del informe final del proyecto {q}, así como las evidencias de su ejecución.",
    "Requiero saber cuántos vehículos oficiales tiene asignados la dependencia y su estado actual.",
    "Solicito el programa anual de adquisiciones de {y} y sus modificaciones.",
]
DESCRIPTIONS_DP = [
    "Solicito acceso a mis datos personales que obran en el expediente laboral del solicitante.",
    "Solicito acceso a las constancias de servicio que obren a mi nombre en los archivos de la institución.",
    "Solicito la rectificación de mis datos personales registrados en el padrón correspondiente.",
    "Solicito copia de mi expediente clínico, previa acreditación de mi identidad.",
]
QUOTED_NAMES = ["Programa Anual de Obra", "Escuela Digna Ejemplo", "Bacheo Seguro", "Mi Parque Limpio",
                "Caminos del Sur", "Agua para Todos Ejemplo", "Transparencia en tu Colonia", "Huertos Escolares"]
SERVICIOS = ["limpieza de oficinas", "arrendamiento de vehículos", "mantenimiento de aires acondicionados",
             "servicios de vigilancia", "papelería y consumibles", "combustible", "difusión en medios",
             "consultoría externa", "fumigación", "telefonía e internet"]
COSAS = ["viajes oficiales", "convenios de colaboración", "bienes inmuebles", "licitaciones públicas",
         "auditorías practicadas", "plazas vacantes", "capacitaciones impartidas"]
PUESTOS = ["jefe de departamento", "director de área", "analista", "auxiliar administrativo", "coordinador"]
OTROS_DATOS = ["Favor de entregar la información en formato abierto (Excel).", "Periodo de interés: ejercicio {y}.",
               "La información puede enviarse por correo electrónico.", "Sin otros datos."]
RESPONSE_TEXTS = {
    "entrega": ["Se adjunta en formato PDF la información proporcionada por el área responsable.",
                "En atención a su solicitud, se anexa el oficio de respuesta del área competente.",
                "Se remite la información solicitada del programa {q} en formato abierto."],
    "inexistencia": ["Tras una búsqueda exhaustiva en los archivos del área competente no se localizó la "
                     "información; se anexa el acta del Comité de Transparencia que confirma la inexistencia."],
    "incompetencia": ["Este sujeto obligado es notoriamente incompetente para atender su solicitud; se le orienta "
                      "a dirigirla al H. Ayuntamiento correspondiente.",
                      "La información no es competencia de esta dependencia; se le orienta a presentar su "
                      "solicitud ante el sujeto obligado federal competente."],
    "clasificada": ["La información fue clasificada por el Comité de Transparencia mediante el acuerdo "
                    "CT/{n}/{y}; se entrega la versión pública correspondiente.",
                    "Se niega el acceso por tratarse de información clasificada del programa {q}, conforme al "
                    "acuerdo CT/{n}/{y} del Comité de Transparencia."],
    "publica": ["La información es pública y puede consultarse en https://transparencia.ejemplo.qroo.gob.mx ."],
    "disponibilidad": ["La información está disponible; favor de seleccionar la modalidad de entrega."],
    "costo": ["La información consta de 320 fojas; la reproducción en copia certificada tiene un costo."],
    "prevencion": ["Se previene al solicitante para que precise el periodo y el documento de su interés."],
    "improcedencia": ["La petición no constituye una solicitud de acceso a la información en términos de la ley."],
    "acreditacion": ["La respuesta está disponible; para recibirla debe acreditar su identidad ante la Unidad."],
    "arcop": ["Se hizo efectivo el derecho solicitado; se adjunta la constancia correspondiente."],
}
