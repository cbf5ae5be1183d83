"""Deterministic, realistic sample INPUT files for the dashboard (``python -m etl sample``).

The files look like what officials receive, flaws included, and go through the real loaders:

- ``solicitudes/solicitudesYYYY.JSON``: the PNT (SISAI 2.0) yearly open-data export. A JSON array with one
  record per line, Windows-1252, fixed field order (``FechaOficialRecepcion`` only from 2025 on). Real flaws:
  about 7 % of the records hold citizens' unescaped double quotes (not valid JSON; the loader repairs them),
  typographic quotes (cp1252 bytes 0x93/0x94), and each file N also carries the first week of January of
  N+1 as the export saw it a few days later (mostly still "En proceso"; file N+1 has the newer state).
  ``Dependencia`` is spelled in several ways, all of which resolve through data/catalogos.
  ``FechaLimite`` is the deadline of data/catalogos/plazo_legal.csv counted in días hábiles from the official
  receipt, plus the ampliación once a prórroga was declared. ``Queja`` is "Si" when a sample recurso names the folio.
- ``solicitudes/infomex_2022.csv``: a few hundred 2022 requests in the INAI/Infomex open-data layout
  (20 upper-case columns, latin-1, comma, ``YYYY-MM-DD HH:MM:SS``, 8-digit folios).
- ``recursos/recursos_revision.csv``: our recursos template (UTF-8 with BOM), linked to sample folios.

The default sample has no bad rows: it builds with zero rejects, also under ``--strict``.
``with_errors=True`` adds ``solicitudes/solicitudes_con_errores.csv`` (PNT CSV layout, UTF-8 with BOM) for the
demo of the rejects page: two good rows and one row for each of these errors:
  1. unknown ente "SECRETARÍA DE MAGIA";
  2. impossible date "31/02/2024" in FechaSolicitud;
  3. FechaRespuesta before FechaSolicitud.

Everything is drawn from ``random.Random(seed)`` in a fixed order, so the same arguments give the same bytes.
All texts are fictitious; requester fields hold only municipios and postal codes of Quintana Roo.
"""
from __future__ import annotations

import bisect
import csv
import io
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CATALOG_DIR = Path(__file__).resolve().parent.parent / "data" / "catalogos"

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


# ---------------------------------------------------------------------------------------------------------------
# Catalogs

def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


@dataclass(frozen=True)
class Ente:
    ente_id: str
    nombre: str
    siglas: str
    categoria: str
    desde: date
    hasta: date
    position: int           # catalog row order: stable, drives codes and tie-breaks


def read_entes(catalog_dir: Path) -> list[Ente]:
    out = []
    for i, r in enumerate(_read_csv(catalog_dir / "entes.csv")):
        desde = date.fromisoformat(r["vigente_desde"]) if r["vigente_desde"] else date.min
        hasta = date.fromisoformat(r["vigente_hasta"]) if r["vigente_hasta"] else date.max
        out.append(Ente(r["ente_id"], r["nombre_oficial"], r["siglas"], r["categoria"], desde, hasta, i))
    return out


def read_aliases(catalog_dir: Path) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for r in _read_csv(catalog_dir / "ente_alias.csv"):
        aliases.setdefault(r["ente_id"], []).append(r["alias"])
    return aliases


def read_holidays(catalog_dir: Path) -> dict[date, str]:
    return {date.fromisoformat(r["fecha"]): r["motivo"] for r in _read_csv(catalog_dir / "calendario_inhabil.csv")}


def read_plazos(catalog_dir: Path, ambito: str = "estatal") -> list[tuple[str, date, date, int, int]]:
    """(tipo_solicitud, desde, hasta, días de respuesta, días de ampliación) of one ámbito from plazo_legal.csv
    (the sample's entes are the state's: entes.csv says estatal)."""
    out = []
    for r in _read_csv(catalog_dir / "plazo_legal.csv"):
        if r["ambito"] != ambito:
            continue
        hasta = date.fromisoformat(r["vigente_hasta"]) if r["vigente_hasta"] else date.max
        out.append((r["tipo_solicitud"], date.fromisoformat(r["vigente_desde"]), hasta,
                    int(r["dias_respuesta"]), int(r["dias_ampliacion"])))
    return out


def check_catalog_values(catalog_dir: Path) -> None:
    """Fail loudly if a value used here is missing from the catalogs, since the sample must load with zero rejects."""
    estatus = {(r["valor"], r["fuente"].startswith("PNT")) for r in _read_csv(catalog_dir / "estatus.csv")}
    respuesta = {(r["valor"], r["fuente"].startswith("PNT")) for r in _read_csv(catalog_dir / "respuesta.csv")}
    wanted_e = {(o.estatus, True) for o in IP_OUTCOMES + DP_OUTCOMES}
    wanted_e |= {(o.interim, True) for o in IP_OUTCOMES + DP_OUTCOMES if o.interim}
    wanted_e |= {(v, True) for v in ("En proceso", "En proceso con prórroga", "Pendiente de entrega de respuesta",
                                     "En proceso, sin identidad acreditada",
                                     "En proceso con prórroga, sin identidad acreditada")}
    wanted_e |= {(e, False) for e, *_ in INFOMEX_OUTCOMES}
    wanted_r = {(o.respuesta, True) for o in IP_OUTCOMES + DP_OUTCOMES}
    wanted_r |= {(v, True) for v in [OPEN_RESPUESTA, OPEN_RESPUESTA_ALT, *MANUAL_RESPUESTA.values(),
                                     *PRORROGA_RESPUESTA.values()]}
    wanted_r |= {(r, False) for _, r, *_ in INFOMEX_OUTCOMES}
    missing = sorted(v for v, _ in (wanted_e - estatus) | (wanted_r - respuesta))
    if missing:
        raise ValueError("Valores de la muestra que no están en data/catalogos: " + "; ".join(missing))


# ---------------------------------------------------------------------------------------------------------------
# Calendar

class Calendar:
    """Working days (Mon–Fri minus declared non-working days) with O(1) 'n business days after' lookups."""

    def __init__(self, holidays: dict[date, str], start: date, end: date):
        self.holidays = holidays
        self.workdays: list[date] = []
        d = start
        while d <= end:
            if self.is_working(d):
                self.workdays.append(d)
            d += timedelta(days=1)
        self.index = {d: i for i, d in enumerate(self.workdays)}

    def is_working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def receipt(self, d: date) -> date:
        """Official receipt: the filing day if working, else the next working day."""
        return self.workdays[bisect.bisect_left(self.workdays, d)]

    def add(self, working_day: date, n: int) -> date:
        """The n-th working day after a working day (business days start the day after receipt)."""
        return self.workdays[self.index[working_day] + n]


def day_weights(cal: Calendar, days: list[date]) -> list[float]:
    """Seasonality: months, Semana Santa (and the Easter week after it), and few filings on non-working days."""
    holy_weeks: dict[date, float] = {}
    for d, motivo in cal.holidays.items():
        if motivo.startswith("Jueves Santo"):
            monday = d - timedelta(days=3)
            for i in range(7):
                holy_weeks[monday + timedelta(days=i)] = 0.5
                holy_weeks.setdefault(monday + timedelta(days=7 + i), 0.7)
    weights = []
    for d in days:
        w = MONTH_WEIGHT[d.month] * holy_weeks.get(d, 1.0)
        weights.append(w if cal.is_working(d) else w * NON_WORKING_WEIGHT)
    return weights


# ---------------------------------------------------------------------------------------------------------------
# Requests

@dataclass
class Request:
    folio: str
    filed: date
    receipt: date
    ente: Ente
    dependencia: str
    tipo: str
    derecho: str
    manual: bool
    outcome: Outcome
    limit: int                 # días hábiles to answer
    ampliacion: int            # extra días hábiles when there is a prórroga
    prorroga: bool
    k: int | None              # business days from receipt to the Respuesta; None = never answered
    open_alt: int              # picks among equivalent open-state spellings
    descripcion: str
    otros: str
    adjuntos: str
    medio_entrega: str
    texto: str
    pais: str
    estado: str
    municipio: str
    cp: str
    sector: str
    raw_quotes: bool           # written without escaping its ASCII quotes: invalid JSON, as in the real files
    recurso_date: date | None = None


class Generator:
    """Draws everything from one Random in a fixed order."""

    def __init__(self, rng: random.Random, cal: Calendar, entes: list[Ente], aliases: dict[str, list[str]],
                 plazos: list[tuple[str, date, date, int, int]]):
        self.rng, self.cal, self.entes, self.plazos = rng, cal, entes, plazos
        self.spellings = {e.ente_id: ente_spellings(e, aliases.get(e.ente_id, [])) for e in entes}
        self.late_share = {e.ente_id: ENTE_LATE_SHARE.get(e.ente_id, rng.choice(LATE_PROFILES)) for e in entes}
        self.weight = {e.ente_id: ENTE_WEIGHT.get(e.ente_id, CATEGORY_WEIGHT.get(e.categoria, 1.0)) for e in entes}
        self._active_cache: dict[tuple[str, ...], tuple[list[Ente], list[float]]] = {}
        self._tables: dict[int, tuple[list, list, list[float]]] = {}
        self.ip_cum = _cumulative([o.weight for o in IP_OUTCOMES])
        self.dp_cum = _cumulative([o.weight for o in DP_OUTCOMES])

    def pick(self, pairs: list[tuple]) -> object:
        """One value of a (value, ..., weight) list; cumulative weights are cached per list."""
        table = self._tables.get(id(pairs))
        if table is None:
            table = self._tables[id(pairs)] = (pairs, [p[0] for p in pairs], _cumulative([p[-1] for p in pairs]))
        return self.rng.choices(table[1], cum_weights=table[2])[0]

    def active_entes(self, d: date) -> tuple[list[Ente], list[float]]:
        active = [e for e in self.entes if e.desde <= d <= e.hasta]
        key = tuple(e.ente_id for e in active)
        if key not in self._active_cache:
            self._active_cache[key] = (active, _cumulative([self.weight[e.ente_id] for e in active]))
        return self._active_cache[key]

    def plazo(self, tipo: str, receipt: date) -> tuple[int, int]:
        for t, desde, hasta, dias, ampl in self.plazos:
            if t == tipo and desde <= receipt <= hasta:
                return dias, ampl
        raise ValueError(f"plazo_legal.csv no tiene plazo para {tipo} al {receipt.isoformat()}")

    def response_day(self, outcome: Outcome, ente: Ente, limit: int, ampliacion: int, prorroga: bool) -> int | None:
        rng = self.rng
        late = rng.random() < self.late_share[ente.ente_id]
        if outcome.timing == "prevention":
            return rng.randint(1, 5)
        if late and rng.random() < NEVER_ANSWERED_SHARE:
            return None
        allowed = limit + (ampliacion if prorroga else 0)
        if late:
            return allowed + rng.randint(1, 12)
        if outcome.timing == "fast":
            return rng.randint(1, 3) if rng.random() < 0.85 else rng.randint(4, limit)
        if prorroga:
            return rng.randint(limit, allowed)
        return max(1, min(limit, round(rng.triangular(1, limit, limit * 0.8))))

    def request(self, filed: date, ente: Ente) -> Request:
        rng = self.rng
        tipo = DP if rng.random() < 0.03 else IP
        receipt = self.cal.receipt(filed)
        limit, ampliacion = self.plazo(tipo, receipt)
        outcomes, cum = (IP_OUTCOMES, self.ip_cum) if tipo == IP else (DP_OUTCOMES, self.dp_cum)
        outcome = rng.choices(outcomes, cum_weights=cum)[0]
        prorroga = outcome.timing == "answer" and rng.random() < PRORROGA_SHARE
        k = self.response_day(outcome, ente, limit, ampliacion, prorroga)
        style = rng.random()
        quote = "raw" if style < RAW_QUOTE_SHARE else "typo" if style < RAW_QUOTE_SHARE + TYPO_QUOTE_SHARE else ""
        year = filed.year - rng.randint(0, 2)
        descripcion, texto = self.texts(tipo, outcome.text, year, quote)
        pais, estado, municipio, cp = self.location()
        return Request(
            folio="", filed=filed, receipt=receipt, ente=ente,
            dependencia=self.pick(self.spellings[ente.ente_id]), tipo=tipo,
            derecho=self.pick(ARCOP_DERECHOS) if tipo == DP else "No Aplica",
            manual=rng.random() < 0.06, outcome=outcome, limit=limit, ampliacion=ampliacion, prorroga=prorroga,
            k=k, open_alt=rng.randint(0, 99), descripcion=descripcion,
            otros=rng.choice(OTROS_DATOS).format(y=year) if rng.random() < 0.2 else "",
            adjuntos="anexo_solicitud.pdf" if rng.random() < 0.08 else "",
            medio_entrega=self.pick(MEDIOS_ENTREGA), texto=texto, pais=pais, estado=estado,
            municipio=municipio, cp=cp, sector=self.pick(SECTORES), raw_quotes=quote == "raw")

    def texts(self, tipo: str, text_kind: str, year: int, quote: str) -> tuple[str, str]:
        """Description and response text; with quote set, the description surely holds a quoted name."""
        rng = self.rng
        q = _quoted(rng.choice(QUOTED_NAMES), quote)
        pool = DESCRIPTIONS_DP if tipo == DP else DESCRIPTIONS
        desc = rng.choice(pool).format(q=q, y=year, servicio=rng.choice(SERVICIOS), cosa=rng.choice(COSAS),
                                       puesto=rng.choice(PUESTOS))
        texto = rng.choice(RESPONSE_TEXTS[text_kind]).format(q=q, y=year, n=rng.randint(1, 60))
        if quote and q not in desc:
            desc = desc[:-1] + f", relacionado con el programa {q}."
        return desc, texto

    def location(self) -> tuple[str, str, str, str]:
        rng = self.rng
        r = rng.random()
        if r < 0.08:
            return "", "", "", ""
        if r < 0.10:
            return "Estados Unidos", "", "", ""
        if r < 0.30:
            return "México", rng.choice(OTROS_ESTADOS), "", ""
        municipio, cp = self.pick(MUNICIPIOS_QROO_TABLE)
        return "México", "Quintana Roo", municipio, cp if rng.random() < 0.5 else ""


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _quoted(name: str, style: str) -> str:
    if style == "raw":
        return f'"{name}"'
    if style == "typo":
        return f"\u201c{name}\u201d"
    return name


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def ente_spellings(ente: Ente, aliases: list[str]) -> list[tuple[str, float]]:
    """Ways the sources write an ente; each differs from a catalog name only in ways the resolver ignores."""
    suffix = f" ({ente.siglas})" if ente.siglas else ""
    name = ente.nombre
    spaced = name.replace(" de ", "  de ", 1) if " de " in name else name.replace(" ", "  ", 1)
    out = [(name + suffix, 55.0 if suffix else 0.0), (name, 15.0 if suffix else 70.0),
           (name.upper() + suffix, 10.0), (_strip_accents(name.upper()), 5.0), (spaced, 4.0)]
    for alias in aliases:
        with_siglas = suffix and len(alias) > len(ente.siglas) + 2
        out.append((alias + (suffix if with_siglas else ""), 6.0 / len(aliases)))
    return [(s, w) for s, w in out if w > 0]


def pnt_state(req: Request, cal: Calendar, as_of: date) -> dict[str, str]:
    """The workflow fields of a request as an export taken on `as_of` shows them."""
    o = req.outcome
    answered_on = cal.add(req.receipt, req.k) if req.k is not None else None
    prorroga = req.prorroga and as_of >= cal.add(req.receipt, req.limit - 1)
    limite = cal.add(req.receipt, req.limit + (req.ampliacion if prorroga else 0))
    state = {"FechaLimite": _dmy(limite), "Prorroga": _si(prorroga), "Prevencion": "No", "Disponibilidad": "No",
             "Queja": _si(req.recurso_date is not None and req.recurso_date <= as_of),
             "FechaRespuesta": "", "FechaSolicitudTermino": "", "TextoRespuesta": ""}
    if answered_on is None or answered_on > as_of:
        state["Estatus"], state["Respuesta"] = open_state(req, prorroga)
        return state
    state["Respuesta"] = o.respuesta
    state["TextoRespuesta"] = req.texto
    state["FechaRespuesta"] = _dmy(answered_on)
    state["Prevencion"] = _si(o.prevencion)
    state["Disponibilidad"] = _si("isponibilidad" in o.respuesta)
    ends = cal.add(answered_on, CITIZEN_TERM) if o.ends_after_term else answered_on
    if o.interim and ends > as_of:
        state["Estatus"] = o.interim
    else:
        state["Estatus"] = o.estatus
        state["FechaSolicitudTermino"] = _dmy(ends) if o.closed else ""
    return state


def open_state(req: Request, prorroga: bool) -> tuple[str, str]:
    """Estatus and Respuesta of a request nobody has answered yet."""
    identity = req.tipo == DP and req.open_alt < 30
    if prorroga:
        estatus = "En proceso con prórroga, sin identidad acreditada" if identity else "En proceso con prórroga"
        return estatus, PRORROGA_RESPUESTA[req.tipo]
    if identity:
        estatus = "En proceso, sin identidad acreditada"
    else:
        estatus = "Pendiente de entrega de respuesta" if req.open_alt < 3 else "En proceso"
    if req.manual:
        return estatus, MANUAL_RESPUESTA[req.tipo]
    return estatus, OPEN_RESPUESTA_ALT if req.open_alt == 99 else OPEN_RESPUESTA


def _si(flag: bool) -> str:
    return "Si" if flag else "No"


def _dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# ---------------------------------------------------------------------------------------------------------------
# Generation

def generate_requests(gen: Generator, years: tuple[int, ...], requests_per_year: int, cutoff: date) -> list[Request]:
    """All PNT requests of `years`, sorted by filing date, with unique 15-digit folios."""
    requests: list[Request] = []
    for year in sorted(set(years)):
        first, last = date(year, 1, 1), min(date(year, 12, 31), cutoff)
        if first > last:
            continue
        full_year = [first + timedelta(days=i) for i in range((date(year, 12, 31) - first).days + 1)]
        weights = day_weights(gen.cal, full_year)
        days = full_year[: (last - first).days + 1]
        n = round(requests_per_year * sum(weights[: len(days)]) / sum(weights))
        for filed in sorted(gen.rng.choices(days, weights=weights[: len(days)], k=n)):
            active, cum = gen.active_entes(filed)
            requests.append(gen.request(filed, gen.rng.choices(active, cum_weights=cum)[0]))
    assign_folios(gen, requests)
    return requests


def assign_folios(gen: Generator, requests: list[Request]) -> None:
    """SISAI 2.0 style: 7-digit sujeto obligado code + 2-digit year + 6-digit sequence per ente and year."""
    sequence: dict[tuple[str, int], int] = {}
    for req in requests:
        key = (req.ente.ente_id, req.filed.year)
        # Gaps: folios also go to requests later reassigned to other sujetos obligados.
        sequence[key] = sequence.get(key, 0) + (2 if gen.rng.random() < 0.04 else 1)
        req.folio = f"{ente_code(req.ente)}{req.filed.year % 100:02d}{sequence[key]:06d}"


def ente_code(ente: Ente) -> str:
    prefix = "00" if ente.categoria == ZERO_FOLIO_CATEGORY else "23"
    return f"{prefix}{(ente.position + 1) * 10:05d}"


@dataclass
class Recurso:
    expediente: str
    req: Request
    interpuesto: date
    resuelto: date | None
    sentido: str


def generate_recursos(gen: Generator, requests: list[Request], cutoff: date) -> list[Recurso]:
    """Appeals against answered requests, filed within 15 business days of the answer."""
    rng, cal = gen.rng, gen.cal
    drafts = []
    for req in requests:
        o = req.outcome
        if o.estatus != "Terminada" or req.k is None:
            continue
        answered_on = cal.add(req.receipt, req.k)
        rate = RECURSO_RATE.get(o.text, 0.04) * (2 if req.k > req.limit + (req.ampliacion if req.prorroga else 0)
                                                 else 1)
        if rng.random() >= rate:
            continue
        filed = cal.add(answered_on, rng.randint(1, 15))
        if filed > cutoff:
            continue
        sentido = gen.pick(SENTIDOS)
        resolved = cal.add(filed, rng.randint(3, 12) if sentido == "Desecha" else rng.randint(20, 50))
        if resolved > cutoff:
            resolved, sentido = None, "En trámite"
        req.recurso_date = filed
        drafts.append((filed, req.folio, req, resolved, sentido))
    drafts.sort(key=lambda d: (d[0], d[1]))
    recursos, numbers = [], {}
    for filed, _, req, resolved, sentido in drafts:
        # The garante numbers appeals against every sujeto obligado, so ours leave gaps.
        numbers[filed.year] = numbers.get(filed.year, 0) + rng.randint(1, 3)
        recursos.append(Recurso(f"RR/{numbers[filed.year]:04d}-{filed.year}", req, filed, resolved, sentido))
    return recursos


# ---------------------------------------------------------------------------------------------------------------
# Writers

def _json_str(value: str, raw_quotes: bool) -> str:
    # Our texts hold no backslashes or control characters; only quotes need escaping.
    return '"' + (value if raw_quotes else value.replace('"', '\\"')) + '"'


def pnt_json_line(req: Request, state: dict[str, str], fields: list[str]) -> str:
    values = {
        "Folio": req.folio, "FechaSolicitud": _dmy(req.filed), "Dependencia": req.dependencia,
        "MedioEntrada": "Manual" if req.manual else "Electrónica", "TipoSolicitud": TIPO_LABEL[req.tipo],
        "DescripcionSolicitud": req.descripcion, "OtrosDatos": req.otros, "ArchivosAdjuntos": req.adjuntos,
        "MedioEntrega": req.medio_entrega, "Pais": req.pais, "Estado": req.estado, "Municipio": req.municipio,
        "CodigoPostal": req.cp, "Sector": req.sector, "TipoDerechoARCOP": req.derecho,
        "FechaOficialRecepcion": _dmy(req.receipt), **state,
    }
    raw = {"DescripcionSolicitud", "TextoRespuesta"} if req.raw_quotes else set()
    return "{" + ",".join(f'"{f}":{_json_str(values[f], f in raw)}' for f in fields) + "}"


def write_pnt_year(path: Path, year: int, rows: list[tuple[Request, dict[str, str]]]) -> int:
    fields = PNT_FIELDS_2025 if year >= FIRST_YEAR_WITH_OFFICIAL_RECEIPT else PNT_FIELDS
    lines = [pnt_json_line(req, state, fields) for req, state in rows]
    text = "[\n" + ",\n".join(lines) + ("\n" if lines else "") + "]\n"
    path.write_bytes(text.encode("cp1252"))
    return len(lines)


def write_pnt_files(out_dir: Path, requests: list[Request], cal: Calendar, years: tuple[int, ...],
                    cutoff: date) -> dict[str, int]:
    counts = {}
    by_year: dict[int, list[Request]] = {}
    for req in requests:
        by_year.setdefault(req.filed.year, []).append(req)
    for year in sorted(set(years)):
        if date(year, 1, 1) > cutoff:
            continue
        rows = [(req, pnt_state(req, cal, cutoff)) for req in by_year.get(year, [])]
        export_day = date(year + 1, 1, OVERLAP_EXPORT_DAY)
        rows += [(req, pnt_state(req, cal, min(export_day, cutoff))) for req in by_year.get(year + 1, [])
                 if req.filed.month == 1 and req.filed.day <= OVERLAP_DAYS]
        name = f"solicitudes/solicitudes{year}.JSON"
        counts[name] = write_pnt_year(out_dir / name, year, rows)
    return counts


def _csv_text(header: list[str], rows: list[list[str]], lineterminator: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write_recursos(path: Path, recursos: list[Recurso]) -> int:
    rows = []
    for r in recursos:
        ente = r.req.ente
        name = ente.siglas if ente.siglas and r.req.folio[-1] in "05" else ente.nombre
        rows.append([r.expediente, r.req.folio, name, r.interpuesto.isoformat(),
                     r.resuelto.isoformat() if r.resuelto else "", r.sentido])
    path.write_bytes(_csv_text(RECURSO_FIELDS, rows, "\n").encode("utf-8-sig"))
    return len(rows)


def write_infomex(path: Path, gen: Generator, n: int) -> int:
    """Older Infomex history: requests of 2022 in the INAI open-data layout."""
    rng, cal = gen.rng, gen.cal
    first = date(INFOMEX_YEAR, 1, 1)
    days = [first + timedelta(days=i) for i in range(365)]
    cum = _cumulative([w for _, _, _, _, w in INFOMEX_OUTCOMES])
    sequence: dict[str, int] = {}
    rows = []
    for filed in sorted(rng.choices(days, weights=day_weights(cal, days), k=n)):
        active, ente_cum = gen.active_entes(filed)
        ente = rng.choices(active, cum_weights=ente_cum)[0]
        tipo = DP if rng.random() < 0.03 else IP
        estatus, respuesta, text, timing, _ = rng.choices(INFOMEX_OUTCOMES, cum_weights=cum)[0]
        receipt = cal.receipt(filed)
        limit, _ = gen.plazo(tipo, receipt)
        k = (rng.randint(1, 3) if timing == "fast" else rng.randint(1, 5) if timing == "prevention"
             else max(1, min(limit, round(rng.triangular(1, limit, limit * 0.8)))))
        if timing == "answer" and rng.random() < gen.late_share[ente.ente_id]:
            k = limit + rng.randint(1, 8)
        sequence[ente.ente_id] = sequence.get(ente.ente_id, 0) + 1
        folio = f"{ente.position + 1:02d}{sequence[ente.ente_id]:04d}{INFOMEX_YEAR % 100:02d}"
        descripcion, texto = gen.texts(tipo, text, INFOMEX_YEAR, "raw" if rng.random() < 0.05 else "")
        pais, estado, municipio, cp = gen.location()
        dependencia = ente.nombre.upper() + (f" ({ente.siglas})" if ente.siglas and rng.random() < 0.3 else "")
        rows.append([
            folio, _stamp(filed, rng), dependencia, estatus, "Electrónica" if rng.random() < 0.9 else "Manual",
            "Información pública" if tipo == IP else "Datos personales", descripcion, "",
            "anexo.pdf" if rng.random() < 0.05 else "", gen.pick(INFOMEX_MEDIOS_ENTREGA),
            _stamp(cal.add(receipt, limit)), respuesta, texto,
            "respuesta.pdf" if text in ("entrega", "clasificada") else "", _stamp(cal.add(receipt, k), rng),
            pais, estado, municipio, cp, gen.pick(SECTORES),
        ])
    path.write_bytes(_csv_text(INFOMEX_FIELDS, rows, "\r\n").encode("latin-1"))
    return len(rows)


def _stamp(d: date, rng: random.Random | None = None) -> str:
    if rng is None:
        return f"{d.isoformat()} 00:00:00"
    return f"{d.isoformat()} {rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def write_error_file(path: Path, gen: Generator) -> int:
    """PNT CSV with two good rows and three bad ones (see the module docstring)."""
    ente = next(e for e in gen.entes if e.ente_id == "SEFIPLAN")
    base = {"Dependencia": f"{ente.nombre} ({ente.siglas})", "Estatus": "Terminada", "MedioEntrada": "Electrónica",
            "TipoSolicitud": "Información pública", "DescripcionSolicitud": "Solicito el directorio de la dependencia.",
            "OtrosDatos": "", "ArchivosAdjuntos": "", "MedioEntrega": MEDIOS_ENTREGA[0][0],
            "Respuesta": IP_OUTCOMES[0].respuesta, "TextoRespuesta": RESPONSE_TEXTS["entrega"][0],
            "Pais": "México", "Estado": "Quintana Roo", "Municipio": "Othón P. Blanco", "CodigoPostal": "77000",
            "Sector": "Otro", "Prorroga": "No", "Prevencion": "No", "Disponibilidad": "No",
            "TipoDerechoARCOP": "No Aplica", "Queja": "No"}
    cases = [  # (folio, FechaSolicitud, FechaRespuesta, overrides); the first two are good rows
        ("239999924000001", date(2024, 3, 5), date(2024, 3, 12), {}),
        ("239999924000002", date(2024, 3, 6), date(2024, 3, 14), {}),
        ("239999924000003", date(2024, 3, 7), date(2024, 3, 15), {"Dependencia": "SECRETARÍA DE MAGIA"}),
        ("239999924000004", date(2024, 2, 28), date(2024, 3, 8),
         {"FechaSolicitud": "31/02/2024", "FechaOficialRecepcion": "31/02/2024"}),
        ("239999924000005", date(2024, 3, 20), date(2024, 3, 11), {}),
    ]
    rows = []
    for folio, filed, answered, overrides in cases:
        receipt = gen.cal.receipt(filed)
        values = {**base, "Folio": folio, "FechaSolicitud": _dmy(filed), "FechaOficialRecepcion": _dmy(receipt),
                  "FechaLimite": _dmy(gen.cal.add(receipt, 10)), "FechaRespuesta": _dmy(answered),
                  "FechaSolicitudTermino": _dmy(answered), **overrides}
        rows.append([values[f] for f in PNT_FIELDS_2025])
    path.write_bytes(_csv_text(PNT_FIELDS_2025, rows, "\n").encode("utf-8-sig"))
    return len(rows)


# ---------------------------------------------------------------------------------------------------------------
# Entry point

REFERENCE_QUARTERS = Path(__file__).resolve().parent.parent / "data" / "referencia" / "estadistica_trimestral"


def write_sample(out_dir: Path, *, seed: int = 2026, years: tuple[int, ...] = (2023, 2024, 2025, 2026),
                 requests_per_year: int = 20000, cutoff: date = date(2026, 10, 31), with_errors: bool = False,
                 catalog_dir: Path = CATALOG_DIR) -> dict[str, int]:
    """Writes the sample input files under out_dir; returns the number of records per written file."""
    out_dir = Path(out_dir)
    check_catalog_values(catalog_dir)
    rng = random.Random(seed)
    start = date(min(min(years, default=INFOMEX_YEAR), INFOMEX_YEAR) - 1, 1, 1)
    cal = Calendar(read_holidays(catalog_dir), start, date(max(max(years, default=cutoff.year), cutoff.year) + 2,
                                                           12, 31))
    gen = Generator(rng, cal, read_entes(catalog_dir), read_aliases(catalog_dir), read_plazos(catalog_dir))
    requests = generate_requests(gen, tuple(years), requests_per_year, cutoff)
    recursos = generate_recursos(gen, requests, cutoff)
    (out_dir / "solicitudes").mkdir(parents=True, exist_ok=True)
    (out_dir / "recursos").mkdir(parents=True, exist_ok=True)
    counts = write_pnt_files(out_dir, requests, cal, tuple(years), cutoff)
    counts["solicitudes/infomex_2022.csv"] = write_infomex(out_dir / "solicitudes" / "infomex_2022.csv", gen,
                                                           max(60, requests_per_year // 60))
    counts["recursos/recursos_revision.csv"] = write_recursos(out_dir / "recursos" / "recursos_revision.csv",
                                                              recursos)
    from etl.sample_verification import write_verification_sample  # verificaciones/ (own module)
    counts |= write_verification_sample(out_dir, seed=seed, cutoff=cutoff, catalog_dir=catalog_dir)
    if with_errors:
        name = "solicitudes/solicitudes_con_errores.csv"
        counts[name] = write_error_file(out_dir / name, gen)
    from etl.sample_training import write_training_sample  # capacitacion/: courses, attendance, staff, events
    counts.update(write_training_sample(out_dir, seed=seed, years=tuple(years), cutoff=cutoff, catalog_dir=catalog_dir))
    counts |= copy_published_quarters(out_dir)
    from etl.sample_evaluations import write_evaluation_sample  # participacion/: a seed for the store, not an input
    counts |= write_evaluation_sample(out_dir, seed=seed, cutoff=cutoff, catalog_dir=catalog_dir)
    return counts


def copy_published_quarters(out_dir: Path) -> dict[str, int]:
    """The two real quarters published by the garante (data/referencia/), so the sample shows history since 2017."""
    counts = {}
    target = out_dir / "estadistica_trimestral"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(REFERENCE_QUARTERS.glob("*.csv")):
        data = path.read_bytes()
        (target / path.name).write_bytes(data)
        counts[f"estadistica_trimestral/{path.name}"] = data.count(b"\n")
    return counts
