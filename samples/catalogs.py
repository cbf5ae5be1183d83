"""What the sample generators read from data/catalogos/: the entes (with the ways sources spell them), the
non-working days and the legal deadlines, so the sample loads with zero rejects against the same catalogs."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from common.csvfiles import read_rows
from common.names import strip_accents


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
    for i, r in enumerate(read_rows(catalog_dir / "entes.csv")):
        desde = date.fromisoformat(r["vigente_desde"]) if r["vigente_desde"] else date.min
        hasta = date.fromisoformat(r["vigente_hasta"]) if r["vigente_hasta"] else date.max
        out.append(Ente(r["ente_id"], r["nombre_oficial"], r["siglas"], r["categoria"], desde, hasta, i))
    return out


def read_aliases(catalog_dir: Path) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for r in read_rows(catalog_dir / "ente_alias.csv"):
        aliases.setdefault(r["ente_id"], []).append(r["alias"])
    return aliases


def read_holidays(catalog_dir: Path) -> dict[date, str]:
    """Non-working days of requests: the holidays and the days of the suspensions of terms that reach requests
    (an open suspension is left out: it reaches appeals only in the catalog, and has no end to expand to)."""
    days = {date.fromisoformat(r["fecha"]): r["motivo"] for r in read_rows(catalog_dir / "calendario_inhabil.csv")}
    path = catalog_dir / "suspension_plazos.csv"
    for r in read_rows(path) if path.exists() else []:
        if r["alcance"] in ("solicitudes", "todos") and r["hasta"]:
            d, hasta = date.fromisoformat(r["desde"]), date.fromisoformat(r["hasta"])
            while d <= hasta:
                days.setdefault(d, r["motivo"])
                d += timedelta(days=1)
    return days


def read_plazos(catalog_dir: Path, ambito: str = "estatal") -> list[tuple[str, date, date, int, int]]:
    """(tipo_solicitud, desde, hasta, días de respuesta, días de ampliación) of one ámbito from plazo_legal.csv
    (the sample's entes are the state's: entes.csv says estatal)."""
    out = []
    for r in read_rows(catalog_dir / "plazo_legal.csv"):
        if r["ambito"] != ambito:
            continue
        hasta = date.fromisoformat(r["vigente_hasta"]) if r["vigente_hasta"] else date.max
        out.append((r["tipo_solicitud"], date.fromisoformat(r["vigente_desde"]), hasta,
                    int(r["dias_respuesta"]), int(r["dias_ampliacion"])))
    return out


def ente_spellings(ente: Ente, aliases: list[str]) -> list[tuple[str, float]]:
    """Ways the sources write an ente; each differs from a catalog name only in ways the resolver ignores."""
    suffix = f" ({ente.siglas})" if ente.siglas else ""
    name = ente.nombre
    spaced = name.replace(" de ", "  de ", 1) if " de " in name else name.replace(" ", "  ", 1)
    out = [(name + suffix, 55.0 if suffix else 0.0), (name, 15.0 if suffix else 70.0),
           (name.upper() + suffix, 10.0), (strip_accents(name.upper()), 5.0), (spaced, 4.0)]
    for alias in aliases:
        with_siglas = suffix and len(alias) > len(ente.siglas) + 2
        out.append((alias + (suffix if with_siglas else ""), 6.0 / len(aliases)))
    return [(s, w) for s, w in out if w > 0]


def read_closing_time(catalog_dir: Path) -> tuple[int, int]:
    """(hour, minute) of horario_oficina.csv: after it a filing counts from the next working day."""
    hour, minute = read_rows(catalog_dir / "horario_oficina.csv")[0]["hora_cierre"].split(":")[:2]
    return int(hour), int(minute)
