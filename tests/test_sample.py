"""The sample input files: deterministic, shaped like the real sources, and loadable without rejects."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from common.names import name_variants, normalize_name
from common.paths import CATALOGOS_DIR
from samples.calendar import Calendar
from samples.catalogs import read_holidays
from samples.pnt_values import INFOMEX_FIELDS, PNT_FIELDS, PNT_FIELDS_2025, RECURSO_FIELDS
from samples.write import write_sample

SMALL = {"requests_per_year": 1500, "years": (2024, 2025)}
CUTOFF = dt.date(2026, 10, 31)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("muestra")
    return out, write_sample(out, **SMALL)


def _catalog(name: str) -> list[dict[str, str]]:
    with (CATALOGOS_DIR / name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _record_lines(path: Path) -> list[str]:
    """The record lines of a PNT export, without the array brackets and the separating commas."""
    lines = path.read_bytes().decode("cp1252").split("\n")
    assert lines[0] == "[" and lines[-2] == "]" and lines[-1] == ""
    body = lines[1:-2]
    assert all(line.endswith("},") for line in body[:-1]) and body[-1].endswith("}")
    return [line.rstrip(",") for line in body]


def _repair(line: str, fields: list[str]) -> dict[str, str]:
    """Reads a record whose texts hold unescaped quotes: each value runs up to the next known field name."""
    pattern = "^\\{" + ",".join(f'"{f}":"(.*)"' for f in fields) + "\\}$"
    match = re.match(pattern, line)
    assert match, line
    return dict(zip(fields, match.groups()))


def _records(path: Path) -> tuple[list[dict[str, str]], int]:
    fields = PNT_FIELDS_2025 if int(path.stem[-4:]) >= 2025 else PNT_FIELDS
    records, broken = [], 0
    for line in _record_lines(path):
        try:
            rec = json.loads(line)
            assert list(rec) == fields
        except json.JSONDecodeError:
            broken += 1
            rec = _repair(line, fields)
        records.append(rec)
    return records, broken


def _date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


@pytest.fixture(scope="module")
def pnt(sample) -> dict[int, list[dict[str, str]]]:
    out, _ = sample
    return {year: _records(out / "solicitudes" / f"solicitudes{year}.JSON")[0] for year in SMALL["years"]}


def test_same_bytes_every_run(sample, tmp_path):
    out, counts = sample
    again = write_sample(tmp_path, **SMALL)
    assert again == counts
    assert _digest(tmp_path) == _digest(out)


def test_writes_the_expected_files(sample):
    out, counts = sample
    # other domains (verificaciones/, …) add their own files, tested in their own test modules
    assert sorted(k for k in counts if k.startswith(("solicitudes/", "recursos/"))) == [
        "recursos/recursos_revision.csv", "solicitudes/infomex_2022.csv", "solicitudes/plantilla_ut_sefiplan.csv",
        "solicitudes/solicitudes2024.JSON", "solicitudes/solicitudes2025.JSON"]
    assert all(n > 0 for n in counts.values())
    assert not (out / "solicitudes" / "solicitudes_con_errores.csv").exists()


def test_json_is_cp1252_with_typographic_and_unescaped_quotes(sample):
    out, _ = sample
    path = out / "solicitudes" / "solicitudes2024.JSON"
    raw = path.read_bytes()
    assert b"\x93" in raw and b"\x94" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    records, broken = _records(path)
    assert 0.03 < broken / len(records) < 0.12
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", r["FechaSolicitud"]) for r in records)
    assert {r[f] for r in records for f in ("Prorroga", "Prevencion", "Disponibilidad", "Queja")} == {"Si", "No"}


def test_official_receipt_only_from_2025(pnt):
    assert all("FechaOficialRecepcion" not in r for r in pnt[2024])
    cal = Calendar(read_holidays(CATALOGOS_DIR), dt.date(2024, 1, 1), dt.date(2027, 12, 31))
    weekend = [r for r in pnt[2025] if _date(r["FechaSolicitud"]).weekday() >= 5]
    assert weekend
    for r in pnt[2025]:
        received = _date(r["FechaOficialRecepcion"])
        assert received == cal.receipt(_date(r["FechaSolicitud"]))


def test_every_dependencia_resolves_to_an_ente_vigente(pnt):
    entes = {e["ente_id"]: e for e in _catalog("entes.csv")}
    known: dict[str, str] = {}
    for e in entes.values():
        names = [e["nombre_oficial"], e["ente_id"]] + ([e["siglas"], f"{e['nombre_oficial']} ({e['siglas']})"]
                                                         if e["siglas"] else [])
        known.update({normalize_name(n): e["ente_id"] for n in names})
    known.update({normalize_name(a["alias"]): a["ente_id"] for a in _catalog("ente_alias.csv")})
    spellings = set()
    for records in pnt.values():
        for r in records:
            ente_id = next((known[v] for v in name_variants(r["Dependencia"]) if v in known), None)
            assert ente_id, r["Dependencia"]
            e, filed = entes[ente_id], _date(r["FechaSolicitud"])
            assert e["vigente_desde"] <= filed.isoformat() <= (e["vigente_hasta"] or "9999"), (ente_id, filed)
            spellings.add(r["Dependencia"])
    assert "SECRETARÍA DE FINANZAS Y PLAENACIÓN (SEFIPLAN)" in spellings
    assert any("  " in s for s in spellings) and any(s.isupper() for s in spellings)


def test_folios_are_15_digit_strings_some_with_leading_zero(pnt):
    for records in pnt.values():
        folios = [r["Folio"] for r in records]
        assert all(re.fullmatch(r"\d{15}", f) for f in folios)
        assert len(set(folios)) == len(folios)
        assert any(f.startswith("0") for f in folios)


def test_yearly_files_overlap_at_the_boundary(pnt):
    by_folio_2025 = {r["Folio"]: r for r in pnt[2025]}
    shared = [r for r in pnt[2024] if r["Folio"] in by_folio_2025]
    assert shared
    assert all(_date(r["FechaSolicitud"]) <= dt.date(2025, 1, 7) for r in shared)
    assert any(r["Estatus"] == "En proceso" and by_folio_2025[r["Folio"]]["Estatus"] != "En proceso"
               for r in shared)


def test_values_come_from_the_catalogs(pnt):
    estatus = {r["valor"] for r in _catalog("estatus.csv") if r["fuente"].startswith("PNT")}
    respuesta = {r["valor"] for r in _catalog("respuesta.csv") if r["fuente"].startswith("PNT")}
    tipos = {r["valor"] for r in _catalog("tipo_solicitud.csv")}
    records = [r for rs in pnt.values() for r in rs]
    assert {r["Estatus"] for r in records} <= estatus
    assert {r["Respuesta"] for r in records} <= respuesta
    assert {r["TipoSolicitud"] for r in records} <= tipos
    terminadas = sum(r["Estatus"] == "Terminada" for r in records) / len(records)
    assert 0.85 < terminadas < 0.96


def test_answers_come_after_receipt_and_open_ones_have_no_date(pnt):
    for records in pnt.values():
        for r in records:
            if r["FechaRespuesta"]:
                assert _date(r["FechaRespuesta"]) > _date(r["FechaSolicitud"])
            if r["Estatus"].startswith("En proceso"):
                assert r["FechaRespuesta"] == ""


def test_recursos_reference_sample_folios(sample, pnt):
    out, counts = sample
    raw = (out / "recursos" / "recursos_revision.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (out / "recursos" / "recursos_revision.csv").open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == RECURSO_FIELDS
        recursos = list(reader)
    assert len(recursos) == counts["recursos/recursos_revision.csv"]
    answered = {r["Folio"]: r for rs in pnt.values() for r in rs if r["FechaRespuesta"]}
    sentidos = {r["valor"] for r in _catalog("sentido_recurso.csv")}
    for rr in recursos:
        assert re.fullmatch(r"RR/\d{4}-\d{4}", rr["expediente"])
        assert rr["folio_solicitud"] in answered
        filed = dt.date.fromisoformat(rr["fecha_interposicion"])
        assert filed > _date(answered[rr["folio_solicitud"]]["FechaRespuesta"])
        assert rr["sentido"] in sentidos
        assert (rr["fecha_resolucion"] == "") == (rr["sentido"] == "En trámite")
    assert len({rr["expediente"] for rr in recursos}) == len(recursos)
    assert 0.02 < len(recursos) / len(answered) < 0.08


def test_infomex_file_layout(sample):
    out, counts = sample
    path = out / "solicitudes" / "infomex_2022.csv"
    with path.open(encoding="latin-1", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == INFOMEX_FIELDS
        rows = list(reader)
    assert len(rows) == counts["solicitudes/infomex_2022.csv"]
    estatus = {r["valor"] for r in _catalog("estatus.csv") if r["fuente"] == "Infomex"}
    respuesta = {r["valor"] for r in _catalog("respuesta.csv") if r["fuente"] == "Infomex"}
    for r in rows:
        assert re.fullmatch(r"\d{8}", r["FOLIO"])
        assert re.fullmatch(r"2022-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", r["FECHASOLICITUD"])
        assert r["ESTATUS"] in estatus and r["RESPUESTA"] in respuesta
    assert any(r["FOLIO"].startswith("0") for r in rows)


def test_no_request_after_the_cutoff(tmp_path):
    cutoff = dt.date(2026, 6, 30)
    write_sample(tmp_path, years=(2026,), requests_per_year=600, cutoff=cutoff)
    records, _ = _records(tmp_path / "solicitudes" / "solicitudes2026.JSON")
    assert max(_date(r["FechaSolicitud"]) for r in records) <= cutoff
    assert all(_date(r["FechaRespuesta"]) <= cutoff for r in records if r["FechaRespuesta"])
    last_weeks = [r for r in records if _date(r["FechaSolicitud"]) > cutoff - dt.timedelta(days=14)]
    assert sum(r["FechaRespuesta"] == "" for r in last_weeks) > len(last_weeks) / 2


def test_error_file_only_on_request(tmp_path):
    counts = write_sample(tmp_path, years=(2024,), requests_per_year=200, with_errors=True)
    path = tmp_path / "solicitudes" / "solicitudes_con_errores.csv"
    assert counts["solicitudes/solicitudes_con_errores.csv"] == 5
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert any(r["Dependencia"] == "SECRETARÍA DE MAGIA" for r in rows)
    assert any(r["FechaSolicitud"] == "31/02/2024" for r in rows)
    assert any(_date(r["FechaRespuesta"]) < _date(r["FechaSolicitud"]) for r in rows
               if r["FechaSolicitud"] != "31/02/2024")
