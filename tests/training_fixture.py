"""A tiny training input folder (SEFIPLAN and SEGOB, 2024) shared by the training tests; every value is
worked out by hand in tests/test_training_indicators.py. Persons are fictitious."""
from __future__ import annotations

from pathlib import Path

from helpers import write

CURSOS = """clave_curso,nombre_curso,tema,modalidad,fecha_inicio,fecha_fin,horas,publico,organizador
C1,Introducción a la Ley General,Acceso a la información,En línea,2024-03-01,2024-03-31,10,Servidores públicos,SABGOB
C2,Protección de datos personales,Datos personales,Presencial,2024-05-10,2024-05-10,4,Servidores públicos,SABGOB
C3,Gobierno abierto,Gobierno abierto,Conferencia,2024-09-05,,2,Servidores públicos,SEFIPLAN
C4,Acceso a la información para la ciudadanía,Acceso a la información,Presencial,2024-04-20,2024-04-20,3,Sociedad,SABGOB
"""
CAMPUS_HEADER = ["Nombre completo", "Correo electrónico", "CURP", "Dependencia o entidad", "Puesto",
                 "Pertenece a la Unidad de Transparencia", "Integra el Comité de Transparencia", "Clave del curso",
                 "Estado de finalización", "Calificación", "Constancia emitida", "Fecha de finalización"]
CAMPUS_ROWS = [
    ["Ana Ficticia Ejemplo", "ana.ficticia@sefiplan.ejemplo.invalid", "FICT000001MQRXXX01", "SEFIPLAN",
     "Enlace de transparencia", "Sí", "No", "C1", "Completado", 90, "Sí", "2024-03-20"],
    ["Beto Prueba Muestra", "beto.prueba@sefiplan.ejemplo.invalid", "FICT000002HQRXXX02", "SEFIPLAN", "Analista",
     "No", "No", "C1", "Completado", 70, "No", "2024-03-25"],
    ["Carla Inventada Demo", "carla.inventada@segob.ejemplo.invalid", "fict000003mqrxxx03", "Secretaría de Gobierno",
     "Enlace de transparencia", "Sí", "Sí", "C1", "Completado", 100, "Sí", "2024-03-28"],
]
LISTA = """Nombre,Correo,Institución,Cargo,Es de la UT,Integra el Comité,Clave del curso,Fecha,Asistió
Ana Ficticia Ejemplo,ANA.FICTICIA@SEFIPLAN.EJEMPLO.INVALID ,SEFIPLAN,Enlace,Sí,No,C2,10/05/2024,Sí
Beto Prueba Muestra, beto.prueba @sefiplan.ejemplo.invalid,SEFIPLAN,Analista,No,No,C2,10/05/2024,Sí
Dora Simulada Ensayo,,SEFIPLAN,Auxiliar,No,No,C2,10/05/2024,No
Ana Ficticia Ejemplo,Ana.Ficticia@sefiplan.ejemplo.invalid,SEFIPLAN,Enlace,Sí,No,C3,05/09/2024,Sí
DORA  simulada ensayo,,Secretaría de Finanzas y Planeación,Auxiliar,No,No,C3,05/09/2024,Sí
Carla Inventada Demo,CARLA.INVENTADA@segob.ejemplo.invalid,SEGOB,Enlace,Sí,Sí,C3,05/09/2024,Sí
"""
PLANTILLA = """ente,fecha_corte,total_personal,personal_ut
SEFIPLAN,2023-12-31,4,2
SEFIPLAN,2024-06-30,5,2
SEGOB,2023-12-31,1,1
"""
EVENTOS = """evento,fecha,sector,asistentes,municipio
Semana de la Transparencia 2024 (abril),2024-04-22,Estudiantes,100,Othón P. Blanco
Semana de la Transparencia 2024 (abril),2024-04-22,Sociedad civil,30,Othón P. Blanco
Plática en escuela secundaria,2024-10-03,Escuelas,50,Bacalar
"""
# Every spelling of personal data in the fixture: none may reach the warehouse or the export.
PERSONAL = ["Ana Ficticia", "ANA FICTICIA", "ana.ficticia", "Beto Prueba", "beto.prueba", "Carla Inventada",
            "carla.inventada", "CARLA.INVENTADA", "Dora Simulada", "DORA  simulada", "FICT000001", "FICT000002",
            "fict000003", "FICT000003", "ejemplo.invalid", "EJEMPLO.INVALID"]


def write_xlsx(path: Path, header: list[str], rows: list[list], title: bool = True) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["Reporte de participantes del campus virtual"])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_training_inputs(inputs: Path) -> Path:
    folder = inputs / "capacitacion"
    write(folder / "cursos.csv", CURSOS)
    write_xlsx(folder / "campus.xlsx", CAMPUS_HEADER, CAMPUS_ROWS)
    write(folder / "lista.csv", LISTA)
    write(folder / "plantilla.csv", PLANTILLA)
    write(folder / "eventos.csv", EVENTOS)
    return inputs
