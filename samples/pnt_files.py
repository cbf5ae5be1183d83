"""The sample's request and appeal files, written as officials receive them: the PNT yearly JSON exports
(Windows-1252, one record per line, some with unescaped quotes), the 2022 Infomex CSV (latin-1, CRLF), the appeals
template and, for the rejects demo, a PNT CSV with bad rows."""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from samples.calendar import Calendar, day_weights
from samples.csvfile import write_csv
from samples.pnt_values import (DP, FIRST_YEAR_WITH_OFFICIAL_RECEIPT, INFOMEX_FIELDS, INFOMEX_MEDIOS_ENTREGA,
                                INFOMEX_OUTCOMES, INFOMEX_YEAR, IP, IP_OUTCOMES, MEDIOS_ENTREGA, OVERLAP_DAYS,
                                OVERLAP_EXPORT_DAY, PNT_FIELDS, PNT_FIELDS_2025, RECURSO_FIELDS, RESPONSE_TEXTS,
                                SECTORES, TIPO_LABEL)
from samples.solicitudes import Generator, Recurso, Request, cumulative, dmy, pnt_state



def _json_str(value: str, raw_quotes: bool) -> str:
    # Our texts hold no backslashes or control characters; only quotes need escaping.
    return '"' + (value if raw_quotes else value.replace('"', '\\"')) + '"'


def pnt_json_line(req: Request, state: dict[str, str], fields: list[str]) -> str:
    values = {
        "Folio": req.folio, "FechaSolicitud": dmy(req.filed), "Dependencia": req.dependencia,
        "MedioEntrada": "Manual" if req.manual else "Electrónica", "TipoSolicitud": TIPO_LABEL[req.tipo],
        "DescripcionSolicitud": req.descripcion, "OtrosDatos": req.otros, "ArchivosAdjuntos": req.adjuntos,
        "MedioEntrega": req.medio_entrega, "Pais": req.pais, "Estado": req.estado, "Municipio": req.municipio,
        "CodigoPostal": req.cp, "Sector": req.sector, "TipoDerechoARCOP": req.derecho,
        "FechaOficialRecepcion": dmy(req.receipt), **state,
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


def write_recursos(path: Path, recursos: list[Recurso]) -> int:
    rows = []
    for r in recursos:
        ente = r.req.ente
        name = ente.siglas if ente.siglas and r.req.folio[-1] in "05" else ente.nombre
        rows.append([r.expediente, r.req.folio, name, r.interpuesto.isoformat(),
                     r.resuelto.isoformat() if r.resuelto else "", r.sentido])
    return write_csv(path, RECURSO_FIELDS, rows, encoding="utf-8-sig")


def write_infomex(path: Path, gen: Generator, n: int) -> int:
    """Older Infomex history: requests of 2022 in the INAI open-data layout."""
    rng, cal = gen.rng, gen.cal
    first = date(INFOMEX_YEAR, 1, 1)
    days = [first + timedelta(days=i) for i in range(365)]
    cum = cumulative([w for _, _, _, _, w in INFOMEX_OUTCOMES])
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
    return write_csv(path, INFOMEX_FIELDS, rows, encoding="latin-1", lineterminator="\r\n")


def _stamp(d: date, rng: random.Random | None = None) -> str:
    if rng is None:
        return f"{d.isoformat()} 00:00:00"
    return f"{d.isoformat()} {rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def write_error_file(path: Path, gen: Generator) -> int:
    """PNT CSV (UTF-8 with BOM) with two good rows and one row for each of these errors: unknown ente
    "SECRETARÍA DE MAGIA"; impossible date "31/02/2024" in FechaSolicitud; FechaRespuesta before FechaSolicitud."""
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
        values = {**base, "Folio": folio, "FechaSolicitud": dmy(filed), "FechaOficialRecepcion": dmy(receipt),
                  "FechaLimite": dmy(gen.cal.add(receipt, 10)), "FechaRespuesta": dmy(answered),
                  "FechaSolicitudTermino": dmy(answered), **overrides}
        rows.append([values[f] for f in PNT_FIELDS_2025])
    return write_csv(path, PNT_FIELDS_2025, rows, encoding="utf-8-sig")
