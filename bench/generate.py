"""National-scale inputs in the real layouts, written by DuckDB (COPY … TO csv): no Python loop per row.

    inputs/solicitudes/solicitudes_nacional.csv   PNT/SISAI 2.0 export as CSV (UTF-8, the 26 PNT columns)
    inputs/recursos/recursos_revision.csv          the dashboard's template of recursos de revisión
    inputs/capacitacion/catalogo_cursos.csv        course catalog
    inputs/capacitacion/listas_asistencia.csv      sign-in sheets (name, e-mail: pseudonymized on read)
    inputs/capacitacion/plantillas_personal.csv    staff per ente and cut-off date
    inputs/capacitacion/eventos_publicos.csv       public events
    inputs/verificaciones/verificaciones_2024.csv  fracción-level results: entes × 48 fracciones × 12 months
    catalogos/                                     data/catalogos/ plus the synthetic entes (TABLERO_CATALOGOS)

Every value is a deterministic hash of the row number, so the same arguments give the same files. The
synthetic entes are added to the real catalog (whose entes keep their aplicabilidad and succession rows); data
rows only name synthetic entes, all in force during 2022–2024 and with every common obligation applicable.
Requests are filed 2022-01-01 … 2024-12-31; verifications are monthly in 2024 (LTAIPQROO 2016, art. 91).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from common.paths import CATALOGOS_DIR

FIRST_DAY = "2022-01-01"
DAYS = 1096                      # 2022-01-01 … 2024-12-31
COURSES_PER_YEAR = 40
COURSES_PER_PERSON = 5
FRACCIONES_2016 = 48
GROUPS = [("Dependencia", "Dependencias", "Secretaría Ficticia"),
          ("Organismo descentralizado", "Organismos descentralizados", "Instituto Ficticio"),
          ("Órgano desconcentrado", "Órganos desconcentrados", "Comisión Ficticia"),
          ("Ayuntamiento", "Ayuntamientos", "Ayuntamiento Ficticio"),
          ("Fideicomiso", "Fideicomisos", "Fideicomiso Ficticio"),
          ("Órgano autónomo", "Órganos autónomos", "Instituto Autónomo Ficticio")]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",
         "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX", "XL", "XLI",
         "XLII", "XLIII", "XLIV", "XLV", "XLVI", "XLVII", "XLVIII"]


@dataclass(frozen=True)
class Scale:
    entes: int = 8000
    requests: int = 5_000_000
    attendance: int = 2_000_000
    months: int = 12                # verification months in 2024

    @property
    def verification_rows(self) -> int:
        return self.entes * FRACCIONES_2016 * self.months


def _copy(con, select: str, path: Path, params: dict | None = None, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # An empty text is written as an empty field (as exports do), not as "".
    con.execute(f"COPY (SELECT nullif(COLUMNS(*)::VARCHAR, '') FROM ({select})) TO '{path}' "
                "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')", params or {})
    if bom:  # spreadsheets saved as "CSV UTF-8" start with a BOM, as the sample files do
        data = path.read_bytes()
        path.write_bytes(b"\xef\xbb\xbf" + data)


def write_catalogs(con, out: Path, scale: Scale) -> Path:
    """data/catalogos/ copied, with entes.csv extended by the synthetic entes (SO00001 …)."""
    cat = out / "catalogos"
    if cat.exists():
        shutil.rmtree(cat)
    shutil.copytree(CATALOGOS_DIR, cat)
    groups = ", ".join(f"('{c}', '{g}', '{p}')" for c, g, p in GROUPS)
    con.execute(f"""CREATE OR REPLACE TABLE so AS
        SELECT i AS n, printf('SO%05d', i) AS ente_id,
               g.prefijo || ' Número ' || i AS nombre_oficial, g.categoria, g.grupo
        FROM range(1, $n + 1) r(i)
        JOIN (SELECT row_number() OVER () - 1 AS k, * FROM (VALUES {groups}) v(categoria, grupo, prefijo)) g
          ON g.k = i % {len(GROUPS)}""", {"n": scale.entes})
    extra = cat / "entes_sinteticos.csv"
    _copy(con, """SELECT ente_id, nombre_oficial, ente_id AS siglas, categoria, grupo AS grupo_pares,
                         'estatal' AS ambito, '2000-01-01' AS vigente_desde, '' AS vigente_hasta, 'no' AS verificado,
                         'bench: ente sintético' AS fuente FROM so ORDER BY n""", extra)
    with (cat / "entes.csv").open("a", encoding="utf-8") as fh:
        fh.write("".join(extra.read_text(encoding="utf-8").splitlines(keepends=True)[1:]))
    extra.unlink()
    return cat


# Distributions as (value, weight); the CASE picks by cumulative weight over a hash in [0, 1000).
ESTATUS = [("Terminada", 860), ("En proceso", 40), ("Desechada por falta de respuesta del ciudadano", 40),
           ("En espera de respuesta del solicitante", 20), ("Pendiente de entrega de respuesta", 20),
           ("Desechada por falta de selección del medio de entrega", 20)]
RESPUESTA = [("Entrega de información vía Plataforma Nacional de Transparencia (Terminada)", 600),
             ("Información disponible públicamente (Terminada)", 120), ("Inexistencia de información (Terminada)", 90),
             ("Notoria incompetencia (Terminada)", 80), ("Información reservada (Terminada)", 30),
             ("Información confidencial (Terminada)", 30),
             ("Información parcialmente reservada o confidencial (Terminada)", 50)]
DESCRIPCION = ["Solicito el padrón de beneficiarios del programa social del ejercicio fiscal en curso.",
               "Requiero las actas de las sesiones del Comité de Transparencia celebradas en el último año.",
               "Copia de los contratos de obra pública adjudicados directamente, con sus anexos y montos.",
               "Número de plazas, sueldos y prestaciones del personal de confianza, desglosado por área.",
               "Solicito copia de mi expediente, previa acreditación de mi identidad.",
               "Informe de viáticos y gastos de representación del titular, \"por mes\", de enero a diciembre."]
SECTOR = ["Académico", "Empresarial", "Gubernamental", "Medios de comunicación", "Organizaciones no gubernamentales",
          "Otro"]


def _pick(expr: str, weighted: list[tuple[str, int]]) -> str:
    total, acc, whens = sum(w for _, w in weighted), 0, []
    for value, w in weighted[:-1]:
        acc += w
        whens.append(f"WHEN {expr} < {acc * 1000 // total} THEN '{value}'")
    return f"CASE {' '.join(whens)} ELSE '{weighted[-1][0]}' END"


def _list(values: list[str], expr: str) -> str:
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"[{quoted}][CAST(1 + ({expr}) % {len(values)} AS BIGINT)]"


def write_requests(con, out: Path, scale: Scale) -> Path:
    path = out / "inputs" / "solicitudes" / "solicitudes_nacional.csv"
    # ente: skewed (a few entes get most requests) but every ente gets some: n = 1 + floor(entes × u²).
    con.execute(f"""CREATE OR REPLACE TEMP VIEW req AS
        WITH b AS (
            SELECT i, hash(i, 1) % 1000 AS h_est, hash(i, 2) % 1000 AS h_resp, hash(i, 3) % 1000 AS h_misc,
                   DATE '{FIRST_DAY}' + CAST(hash(i, 4) % {DAYS} AS INTEGER) AS f_sol,
                   1 + CAST(floor({int(scale.entes)} * pow((hash(i, 5) % 1000003) / 1000003.0, 2)) AS INTEGER) AS ente_n,
                   CAST(hash(i, 6) % 28 AS INTEGER) AS dias
            FROM range({int(scale.requests)}) r(i))
        SELECT b.*, {_pick('h_est', ESTATUS)} AS estatus, so.nombre_oficial || ' (' || so.ente_id || ')' AS dependencia
        FROM b JOIN so ON so.n = b.ente_n""")
    terminated = "estatus = 'Terminada'"
    respuesta = (f"CASE WHEN {terminated} THEN {_pick('h_resp', RESPUESTA)} "
                 "WHEN estatus LIKE 'Desechada%' THEN 'Prevención' ELSE 'Registro de la Solicitud' END")
    _copy(con, f"""
        SELECT printf('%06d%09d', ente_n, i) AS Folio, strftime(f_sol, '%d/%m/%Y') AS FechaSolicitud,
               dependencia AS Dependencia, estatus AS Estatus,
               CASE WHEN h_misc < 930 THEN 'Electrónica' ELSE 'Manual' END AS MedioEntrada,
               CASE WHEN h_misc % 10 = 0 THEN 'Datos Personales' ELSE 'Información pública' END AS TipoSolicitud,
               {_list(DESCRIPCION, 'h_resp + h_misc')} AS DescripcionSolicitud, '' AS OtrosDatos,
               '' AS ArchivosAdjuntos,
               'Electrónico a través del sistema de solicitudes de acceso a la información de la PNT' AS MedioEntrega,
               strftime(f_sol + 28, '%d/%m/%Y') AS FechaLimite, {respuesta} AS Respuesta,
               CASE WHEN {terminated} THEN 'Se adjunta la respuesta de la unidad administrativa competente.'
                    ELSE '' END AS TextoRespuesta,
               CASE WHEN {terminated} THEN strftime(f_sol + dias, '%d/%m/%Y') ELSE '' END AS FechaRespuesta,
               CASE WHEN {terminated} THEN strftime(f_sol + dias, '%d/%m/%Y') ELSE '' END AS FechaSolicitudTermino,
               'México' AS Pais, 'Quintana Roo' AS Estado, 'Othón P. Blanco' AS Municipio, '' AS CodigoPostal,
               {_list(SECTOR, 'h_misc')} AS Sector,
               CASE WHEN h_misc % 13 = 0 THEN 'Si' ELSE 'No' END AS Prorroga,
               CASE WHEN h_misc % 17 = 0 THEN 'Si' ELSE 'No' END AS Prevencion, 'Si' AS Disponibilidad,
               CASE WHEN h_misc % 10 = 0 THEN 'Acceso' ELSE 'No Aplica' END AS TipoDerechoARCOP, 'No' AS Queja,
               '' AS FechaOficialRecepcion
        FROM req ORDER BY i""", path)
    return path


def write_appeals(con, out: Path, scale: Scale) -> Path:
    """One recurso per 50 requests (índice de recurrencia 2 %), on the requests' own folios."""
    path = out / "inputs" / "recursos" / "recursos_revision.csv"
    sentidos = ["Confirma", "Modifica", "Revoca", "Sobresee", "Desecha", ""]
    _copy(con, f"""
        SELECT printf('RR/%07d-%d', i, year(f_sol)) AS expediente, printf('%06d%09d', ente_n, i) AS folio_solicitud,
               dependencia AS ente, strftime(f_sol + dias + 5, '%Y-%m-%d') AS fecha_interposicion,
               CASE WHEN h_misc % 6 = 5 THEN '' ELSE strftime(f_sol + dias + 45, '%Y-%m-%d') END AS fecha_resolucion,
               {_list(sentidos, 'h_misc')} AS sentido
        FROM req WHERE i % 50 = 7 AND estatus = 'Terminada' ORDER BY i""", path, bom=True)
    return path


def write_training(con, out: Path, scale: Scale) -> list[Path]:
    folder = out / "inputs" / "capacitacion"
    n_courses = 3 * COURSES_PER_YEAR
    con.execute(f"""CREATE OR REPLACE TEMP TABLE curso_b AS
        SELECT k, printf('CAP-%d-%02d', 2022 + k // {COURSES_PER_YEAR}, k % {COURSES_PER_YEAR} + 1) AS clave,
               (DATE '2022-01-10' + INTERVAL (k // {COURSES_PER_YEAR}) YEAR
                + INTERVAL (7 * (k % {COURSES_PER_YEAR})) DAY)::DATE AS inicio,
               ['Presencial', 'Taller', 'Conferencia'][CAST(1 + k % 3 AS BIGINT)] AS modalidad,
               ['Acceso a la información', 'Datos personales', 'Archivos', 'Obligaciones de transparencia'][CAST(1 + k % 4 AS BIGINT)]
                   AS tema
        FROM range({n_courses}) r(k)""")
    cursos = folder / "catalogo_cursos.csv"
    _copy(con, """SELECT clave AS clave_curso, 'Curso de ' || lower(tema) || ' ' || k AS nombre_curso, tema, modalidad,
                         strftime(inicio, '%Y-%m-%d') AS fecha_inicio, strftime(inicio, '%Y-%m-%d') AS fecha_fin,
                         CASE modalidad WHEN 'Presencial' THEN 6 WHEN 'Taller' THEN 4 ELSE 2 END AS horas,
                         'Servidores públicos' AS publico, 'SABGOB' AS organizador
                  FROM curso_b ORDER BY k""", cursos, bom=True)
    # Attendance: person p takes COURSES_PER_PERSON distinct courses (never twice the same one).
    asist = folder / "listas_asistencia.csv"
    _copy(con, f"""
        WITH a AS (SELECT i, i // {COURSES_PER_PERSON} AS p, i % {COURSES_PER_PERSON} AS j FROM range($n) r(i)),
        b AS (SELECT a.*, (p * 7 + j * 13) % {n_courses} AS k, CAST(1 + hash(p, 9) % $entes AS BIGINT) AS ente_n FROM a)
        SELECT 'Persona Ficticia ' || p AS Nombre, printf('persona.%07d@so%05d.ejemplo.invalid', p, ente_n) AS Correo,
               so.ente_id AS "Institución", 'Analista' AS Cargo,
               CASE WHEN p % 20 = 0 THEN 'Sí' ELSE 'No' END AS "Es de la UT", 'No' AS "Integra el Comité",
               c.clave AS "Clave del curso", strftime(c.inicio, '%d/%m/%Y') AS Fecha,
               CASE WHEN hash(i, 10) % 20 = 0 THEN 'No' ELSE 'Sí' END AS "Asistió"
        FROM b JOIN so ON so.n = b.ente_n JOIN curso_b c ON c.k = b.k ORDER BY i""", asist,
          {"n": scale.attendance, "entes": scale.entes}, bom=True)
    plantilla = folder / "plantillas_personal.csv"
    _copy(con, """SELECT so.ente_id AS ente, y || '-12-31' AS fecha_corte,
                         40 + hash(so.n, 11) % 400 AS total_personal, 2 + hash(so.n, 12) % 6 AS personal_ut
                  FROM so CROSS JOIN (VALUES (2021), (2022), (2023)) t(y) ORDER BY y, so.n""", plantilla, bom=True)
    eventos = folder / "eventos_publicos.csv"
    _copy(con, """SELECT 'Semana de la Transparencia ' || y AS evento, y || '-04-' || (10 + s) AS fecha,
                         ['Sociedad civil', 'Académico', 'Estudiantes', 'Público en general', 'Sector privado'][s]
                             AS sector, 20 + hash(y, s) % 200 AS asistentes, 'Othón P. Blanco' AS municipio
                  FROM (VALUES (2022), (2023), (2024)) t(y) CROSS JOIN range(1, 6) r(s)""", eventos, bom=True)
    return [cursos, asist, plantilla, eventos]


def write_verification(con, out: Path, scale: Scale) -> Path:
    path = out / "inputs" / "verificaciones" / "verificaciones_2024.csv"
    romans = "[" + ", ".join(f"'{r}'" for r in ROMAN) + "]"
    observaciones = ["Información incompleta del periodo evaluado.", "Hipervínculos sin acceso al documento.",
                     "No se publica en la PNT, solo en el portal institucional.", "Formato desactualizado."]
    _copy(con, f"""
        WITH v AS (SELECT m, printf('VM-2024-%02d', m) AS clave,
                          -- the 12th of the month, or the Monday after when it falls on a weekend
                          (make_date(2024, m, 12) + CASE dayofweek(make_date(2024, m, 12))
                                                     WHEN 6 THEN 2 WHEN 0 THEN 1 ELSE 0 END) AS fecha
                   FROM range(1, $months + 1) r(m)),
        rows AS (SELECT v.*, so.n, so.ente_id, f.f, hash(v.m, so.n, f.f) % 10 AS h
                 FROM v CROSS JOIN so CROSS JOIN range(1, {FRACCIONES_2016 + 1}) f(f))
        SELECT clave AS verificacion, 'Mensual' AS tipo_verificacion,
               strftime(fecha - INTERVAL 1 MONTH, '%Y-%m') AS periodo_evaluado,
               strftime(fecha, '%Y-%m-%d') AS fecha_verificacion, ente_id AS ente, '91' AS articulo,
               {romans}[f] AS fraccion,
               [100, 100, 100, 100, 100, 100, 90, 60, 30, 0][CAST(h + 1 AS BIGINT)] AS porcentaje,
               CASE WHEN h >= 6 THEN {_list(observaciones, 'h + f')} ELSE '' END AS observacion
        FROM rows ORDER BY m, n, f""", path, {"months": scale.months})
    return path


def generate(out: Path, scale: Scale) -> dict[str, Path]:
    """Writes the catalogs and every input under `out`; returns the main paths."""
    out = Path(out)
    if (out / "inputs").exists():
        shutil.rmtree(out / "inputs")
    con = duckdb.connect()
    try:
        con.execute("SET preserve_insertion_order = true")
        catalogos = write_catalogs(con, out, scale)
        requests = write_requests(con, out, scale)
        write_appeals(con, out, scale)
        write_training(con, out, scale)
        verification = write_verification(con, out, scale)
    finally:
        con.close()
    return {"catalogos": catalogos, "inputs": out / "inputs", "solicitudes": requests, "verificaciones": verification}
