"""Deterministic sample INPUT files for training (``python -m samples`` writes them under capacitacion/).

- ``catalogo_cursos.csv``: the course catalog (online courses, in-person courses, workshops, conferences; two
  courses for the public have no attendance list).
- ``campus_virtual_participantes.xlsx``: the virtual campus export of the online courses (name, e-mail, CURP,
  finalization status, grade 0–100, certificate).
- ``listas_asistencia.csv``: sign-in sheets of the in-person courses, workshops and conferences, typed in a
  spreadsheet: only name and e-mail, written with case and space variants of the same address.
- ``plantillas_personal.csv``: staff and UT staff per ente at 31 December of the year before (or the ente's
  start date), plus a mid-year update for some entes.
- ``eventos_publicos.csv``: Semana de la Transparencia (April and September), school and university outreach.

Persons are fictitious and look it: "Ana Ficticia Ejemplo", ``ana.ficticia.0042@sefiplan.ejemplo.invalid``,
CURP ``FICT000042MQRXXX42``. Everything comes from ``random.Random(seed)`` in a fixed order and the XLSX is
written with fixed timestamps, so the same arguments give the same bytes. The default sample has no bad rows.
"""
from __future__ import annotations

import csv
import io
import math
import random
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from common.names import strip_accents
from common.paths import CATALOGOS_DIR
from samples.catalogs import Ente, ente_spellings, read_aliases, read_entes
from samples.csvfile import write_csv

FOLDER = "capacitacion"
CURSO_FIELDS = ["clave_curso", "nombre_curso", "tema", "modalidad", "fecha_inicio", "fecha_fin", "horas", "publico",
                "organizador"]
CAMPUS_FIELDS = ["Nombre completo", "Correo electrónico", "CURP", "Dependencia o entidad", "Puesto",
                 "Pertenece a la Unidad de Transparencia", "Integra el Comité de Transparencia", "Clave del curso",
                 "Estado de finalización", "Calificación", "Constancia emitida", "Fecha de finalización"]
LISTA_FIELDS = ["Nombre", "Correo", "Institución", "Cargo", "Es de la UT", "Integra el Comité", "Clave del curso",
                "Fecha", "Asistió"]
PLANTILLA_FIELDS = ["ente", "fecha_corte", "total_personal", "personal_ut"]
EVENTO_FIELDS = ["evento", "fecha", "sector", "asistentes", "municipio"]

# (name, tema, modalidad, horas, público). Each year repeats the program with new dates.
PROGRAM = [
    ("Introducción a la Ley General de Transparencia", "Acceso a la información", "En línea", 10, "Servidores públicos"),
    ("Obligaciones de transparencia y carga en el SIPOT", "Obligaciones de transparencia", "En línea", 12,
     "Servidores públicos"),
    ("Protección de datos personales en el sector público", "Datos personales", "En línea", 10, "Servidores públicos"),
    ("Clasificación de la información y versiones públicas", "Clasificación y versiones públicas", "Presencial", 8,
     "Servidores públicos"),
    ("Gestión documental y archivos", "Archivos", "Presencial", 6, "Servidores públicos"),
    ("Taller de la Plataforma Nacional de Transparencia", "PNT/SIPOT", "Taller", 4, "Servidores públicos"),
    ("Taller de respuesta a solicitudes de información", "Acceso a la información", "Taller", 4,
     "Servidores públicos"),
    ("Conferencia: gobierno abierto y participación", "Gobierno abierto", "Conferencia", 2, "Servidores públicos"),
    ("Conferencia: ética pública y rendición de cuentas", "Ética pública", "Conferencia", 2, "Servidores públicos"),
    ("Curso de acceso a la información para la ciudadanía", "Acceso a la información", "Presencial", 3, "Sociedad"),
]
START_MONTHS = {"En línea": [2, 5, 8], "Presencial": [3, 10], "Taller": [6], "Conferencia": [11]}
DURATION_DAYS = {"En línea": 27, "Presencial": 1, "Taller": 0, "Conferencia": 0}
ORGANIZERS = ["SABGOB", "SEFIPLAN (Profesionalización)"]
FIRST_NAMES = ["Ana", "Luis", "María", "Jorge", "Carmen", "Pedro", "Lucía", "Raúl", "Elena", "Diego", "Rosa",
               "Mario", "Sofía", "Tomás", "Julia", "Andrés"]
LAST_NAMES = ["Ficticia", "Ejemplo", "Prueba", "Muestra", "Inventada", "Simulada", "Demostración", "Ensayo"]
PUESTOS = ["Jefatura de departamento", "Dirección de área", "Analista", "Auxiliar administrativo", "Coordinación",
           "Enlace de transparencia"]
COVERAGE_PROFILES = [0.35, 0.55, 0.7, 0.85, 1.0]
MUNICIPIOS = ["Othón P. Blanco", "Benito Juárez", "Solidaridad", "Cozumel", "Felipe Carrillo Puerto", "Bacalar",
              "Tulum"]
SEMANA_SECTORS = [("Sociedad civil", 40, 120), ("Académico", 30, 90), ("Estudiantes", 80, 300),
                  ("Público en general", 20, 80), ("Sector privado", 10, 40)]
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Person:
    n: int
    nombre: str
    correo: str
    curp: str
    puesto: str
    es_ut: bool
    es_comite: bool


@dataclass(frozen=True)
class Course:
    clave: str
    nombre: str
    tema: str
    modalidad: str
    inicio: date
    fin: date
    horas: int
    publico: str
    organizador: str


def _person(n: int, ente: Ente, rng: random.Random, es_ut: bool) -> Person:
    first, last1, last2 = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), rng.choice(LAST_NAMES)
    slug = "".join(c for c in strip_accents(f"{first}.{last1}").lower() if c.isalnum() or c == ".")
    sex = "M" if first.endswith("a") else "H"
    return Person(n, f"{first} {last1} {last2}", f"{slug}.{n:04d}@{ente.ente_id.lower()}.ejemplo.invalid",
                  f"FICT{n:06d}{sex}QRXXX{n % 100:02d}", "Enlace de transparencia" if es_ut else rng.choice(PUESTOS),
                  es_ut, es_ut or rng.random() < 0.03)


def _active(ente: Ente, on: date) -> bool:
    return ente.desde <= on <= ente.hasta


def _courses(rng: random.Random, years: tuple[int, ...], cutoff: date) -> list[Course]:
    out = []
    for year in years:
        k = 0
        for nombre, tema, modalidad, horas, publico in PROGRAM:
            for month in (START_MONTHS[modalidad] if publico != "Sociedad" else [4]):
                inicio = date(year, month, rng.randint(3, 20))
                fin = inicio + timedelta(days=DURATION_DAYS[modalidad])
                if fin > cutoff:
                    continue
                k += 1
                out.append(Course(f"CAP-{year}-{k:02d}", nombre, tema, modalidad, inicio, fin, horas, publico,
                                  rng.choice(ORGANIZERS)))
    return out


def _staff(rng: random.Random, entes: list[Ente]) -> dict[str, tuple[int, int]]:
    """(total staff, UT staff) per ente: sizes of the 'personal de estructura', not of the whole payroll."""
    sizes = {}
    for ente in entes:
        big = ente.categoria == "Dependencia"
        sizes[ente.ente_id] = (rng.randint(30, 160) if big else rng.randint(10, 60), rng.randint(2, 5))
    return sizes


def _email_variant(correo: str, rng: random.Random) -> str:
    """How a person writes their own address on a sign-in sheet: case and stray spaces change, the address not."""
    style = rng.random()
    if style < 0.55:
        return correo
    if style < 0.7:
        return correo.upper()
    if style < 0.8:
        return f" {correo} "
    if style < 0.9:
        return correo.replace("@", " @")
    return correo[:1].upper() + correo[1:]


def write_training_sample(out_dir: Path, *, seed: int = 2026, years: tuple[int, ...] = (2023, 2024, 2025, 2026),
                          cutoff: date = date(2026, 10, 31), catalog_dir: Path = CATALOGOS_DIR) -> dict[str, int]:
    """Writes the training sample under out_dir/capacitacion/; returns the number of records per written file."""
    rng = random.Random(seed * 7 + 1)
    folder = Path(out_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    entes = [e for e in read_entes(catalog_dir) if any(e.desde <= date(y, 12, 31) and e.hasta >= date(y, 1, 1)
                                                        for y in years)]
    aliases = read_aliases(catalog_dir)
    spellings = {e.ente_id: ente_spellings(e, aliases.get(e.ente_id, [])) for e in entes}
    staff = _staff(rng, entes)
    people, counter = {}, 0
    for ente in entes:
        total, ut = staff[ente.ente_id]
        people[ente.ente_id] = [_person(counter + i + 1, ente, rng, i < ut) for i in range(total)]
        counter += total
    courses = _courses(rng, tuple(years), cutoff)
    plantillas = _plantillas(rng, entes, staff, years, cutoff)
    campus, listas = _attendance(rng, entes, people, courses, years, spellings)
    counts = {
        f"{FOLDER}/catalogo_cursos.csv": _write_csv(folder / "catalogo_cursos.csv", CURSO_FIELDS, [
            [c.clave, c.nombre, c.tema, c.modalidad, c.inicio.isoformat(), c.fin.isoformat(), str(c.horas), c.publico,
             c.organizador] for c in courses]),
        f"{FOLDER}/campus_virtual_participantes.xlsx": _write_xlsx(folder / "campus_virtual_participantes.xlsx",
                                                                   CAMPUS_FIELDS, campus),
        f"{FOLDER}/listas_asistencia.csv": _write_csv(folder / "listas_asistencia.csv", LISTA_FIELDS, listas),
        f"{FOLDER}/plantillas_personal.csv": _write_csv(folder / "plantillas_personal.csv", PLANTILLA_FIELDS,
                                                        plantillas),
        f"{FOLDER}/eventos_publicos.csv": _write_csv(folder / "eventos_publicos.csv", EVENTO_FIELDS,
                                                     _events(rng, years, cutoff)),
    }
    return counts


def _plantillas(rng, entes, staff, years, cutoff) -> list[list[str]]:
    rows = []
    for year in years:
        for ente in entes:
            corte = max(date(year - 1, 12, 31), ente.desde)
            if corte > min(ente.hasta, cutoff, date(year, 12, 31)):
                continue
            total, ut = staff[ente.ente_id]
            rows.append([ente.siglas or ente.nombre, corte.isoformat(), str(total), str(ut)])
            mid = date(year, 6, 30)
            if rng.random() < 0.3 and corte < mid <= min(ente.hasta, cutoff):
                rows.append([ente.siglas or ente.nombre, mid.isoformat(), str(total + rng.randint(-3, 3)), str(ut)])
    return rows


def _attendance(rng, entes, people, courses, years, spellings) -> tuple[list[list], list[list[str]]]:
    """Each ente trains a share of its staff each year (its coverage profile), UT staff first; every trained
    person takes one to three of the year's courses. No person appears twice in a course."""
    campus, listas = [], []
    profile = {e.ente_id: rng.choice(COVERAGE_PROFILES) for e in entes}
    for year in years:
        year_courses = [c for c in courses if c.inicio.year == year and c.publico == "Servidores públicos"]
        for ente in entes:
            open_courses = [c for c in year_courses if _active(ente, c.inicio)]
            if not open_courses:
                continue
            pool = people[ente.ente_id]
            share = profile[ente.ente_id]
            trained = [p for p in pool if p.es_ut] + [p for p in pool if not p.es_ut]
            trained = trained[: math.ceil(share * len(pool))]
            perfect = share == 1.0
            for person in trained:
                taken = rng.sample(open_courses, min(len(open_courses), rng.choice([1, 1, 2, 3])))
                for i, course in enumerate(sorted(taken, key=lambda c: c.clave)):
                    # The first course of a trained person is passed; later ones may be missed or failed.
                    ok = i == 0 or perfect or rng.random() > 0.1
                    written = rng.choices(*zip(*spellings[ente.ente_id]))[0]
                    if course.modalidad == "En línea":
                        campus.append(_campus_row(rng, person, written, course, ok))
                    else:
                        listas.append(_lista_row(rng, person, written, course, ok))
    return campus, listas


def _campus_row(rng, p: Person, ente_text: str, c: Course, ok: bool) -> list:
    done = ok or rng.random() < 0.5
    grade = rng.randint(80, 100) if ok else rng.randint(40, 75)
    fin = c.inicio + timedelta(days=rng.randint(5, (c.fin - c.inicio).days))
    return [p.nombre, p.correo, p.curp, ente_text, p.puesto, "Sí" if p.es_ut else "No", "Sí" if p.es_comite else "No",
            c.clave, "Completado" if done else "No completado", grade if done else None,
            "Sí" if done and ok else "No", fin if done else None]


def _lista_row(rng, p: Person, ente_text: str, c: Course, ok: bool) -> list[str]:
    day = c.inicio + timedelta(days=rng.randint(0, (c.fin - c.inicio).days))
    return [p.nombre, _email_variant(p.correo, rng), ente_text, p.puesto, "Sí" if p.es_ut else "No",
            "Sí" if p.es_comite else "No", c.clave, day.strftime("%d/%m/%Y"), "Sí" if ok else "No"]


def _events(rng, years, cutoff) -> list[list[str]]:
    rows = []
    for year in years:
        for month, day in ((4, 22), (9, 23)):
            fecha = date(year, month, day)
            if fecha > cutoff:
                continue
            for sector, low, high in SEMANA_SECTORS:
                rows.append([f"Semana de la Transparencia {year} ({'abril' if month == 4 else 'septiembre'})",
                             fecha.isoformat(), sector, str(rng.randint(low, high)), rng.choice(MUNICIPIOS)])
        for k in range(6):
            fecha = date(year, rng.choice([2, 3, 5, 10, 11]), rng.randint(1, 28))
            if fecha <= cutoff:
                rows.append([f"Plática de transparencia en escuela secundaria {k + 1}", fecha.isoformat(),
                             "Estudiantes", str(rng.randint(25, 120)), rng.choice(MUNICIPIOS)])
        for k in range(3):
            fecha = date(year, rng.choice([3, 6, 10]), rng.randint(1, 28))
            if fecha <= cutoff:
                rows.append([f"Foro universitario de acceso a la información {k + 1}", fecha.isoformat(),
                             "Académico", str(rng.randint(40, 200)), rng.choice(MUNICIPIOS)])
    return sorted(rows, key=lambda r: (r[1], r[0], r[2]))


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> int:
    """Training files come from spreadsheets saved as CSV on Windows: BOM and CRLF."""
    return write_csv(path, header, rows, encoding="utf-8-sig", lineterminator="\r\n")


def _write_xlsx(path: Path, header: list[str], rows: list[list]) -> int:
    """An XLSX like the campus exports it (title rows above the header), with fixed timestamps."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Participantes")
    ws.append(["Campus virtual de capacitación en transparencia — reporte de participantes"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    raw = io.BytesIO()
    wb.save(raw)
    _rezip_fixed(raw.getvalue(), path)
    return len(rows)


def _rezip_fixed(data: bytes, path: Path) -> None:
    """openpyxl stamps the save time into the zip entries and docProps/core.xml: replace both by constants."""
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Campus virtual</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
            '</cp:coreProperties>').encode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = core if info.filename == "docProps/core.xml" else src.read(info.filename)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
