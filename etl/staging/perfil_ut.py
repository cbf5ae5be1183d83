"""The tiers of the Unidades de Transparencia (data/catalogos/perfil_ut.toml): typed objects that reject unknown keys,
validated all at once, loaded into the warehouse's perfil_ut table. The tier of an ente is assigned in SQL
(indicators/sql/bases/base_ut_mes.sql) from its requests of the last 12 months."""
from __future__ import annotations

from dataclasses import astuple, dataclass, field, fields
from pathlib import Path

import duckdb

from common.typed_toml import build, check, entries, read_toml

PERFIL_FILE = "perfil_ut.toml"


@dataclass(frozen=True)
class NivelUT:
    nivel: str
    solicitudes_desde: int
    personal_minimo: int
    perfil_titular: str
    equipo: str
    confirmado: bool
    fuente: str
    solicitudes_hasta: int | None = None   # inclusive; None: no upper bound (the last tier)


@dataclass(frozen=True)
class _PerfilFile:
    nivel: list[NivelUT] = field(default_factory=list)


_COLUMNS = [f.name for f in fields(NivelUT)]


def _entry_problems(data: dict, where: str) -> list[str]:
    """What the types alone do not say: a tier needs at least one person."""
    return [f"{w}: «personal_minimo» debe ser al menos 1" for w, entry in entries(data, "nivel", NivelUT, where)
            if isinstance(entry.get("personal_minimo"), int) and entry["personal_minimo"] < 1]


def _sequence_problems(tiers: list[NivelUT], name: str) -> list[str]:
    """Tiers start at 0 and follow each other without gaps or overlaps; only the last one is open-ended."""
    problems = []
    expected = 0
    for n, t in enumerate(tiers, start=1):
        if t.solicitudes_desde != expected:
            problems.append(f"{name}, nivel {n} ({t.nivel}): solicitudes_desde es {t.solicitudes_desde} y debería ser "
                            f"{expected} (los niveles empiezan en 0 y se siguen sin huecos ni traslapes)")
        last = n == len(tiers)
        if t.solicitudes_hasta is None and not last:
            problems.append(f"{name}, nivel {n} ({t.nivel}): solo el último nivel puede ir sin solicitudes_hasta")
        if t.solicitudes_hasta is not None and last:
            problems.append(f"{name}, nivel {n} ({t.nivel}): el último nivel no lleva solicitudes_hasta (no tiene tope)")
        if t.solicitudes_hasta is not None and t.solicitudes_hasta < t.solicitudes_desde:
            problems.append(f"{name}, nivel {n} ({t.nivel}): solicitudes_hasta es menor que solicitudes_desde")
        expected = (t.solicitudes_hasta or 0) + 1
    return problems


def read_tiers(path: Path, problems: list[str]) -> list[NivelUT]:
    """The tiers of `path` in order; every problem found is appended to `problems` (in Spanish, with how to fix)."""
    data = read_toml(path, problems)
    if data is None:
        return []
    found = check(data, _PerfilFile, path.name)
    if not data.get("nivel"):
        found.append(f"{path.name}: no declara ningún [[nivel]]")
    found += _entry_problems(data, path.name)
    if found:
        problems += found
        return []
    tiers = build(data, _PerfilFile).nivel
    sequence = _sequence_problems(tiers, path.name)
    problems += sequence
    return [] if sequence else tiers


def load_tiers(con: duckdb.DuckDBPyConnection, path: Path, problems: list[str]) -> None:
    """perfil_ut: one row per tier, with its order."""
    tiers = read_tiers(path, problems)
    if not tiers:
        return  # the problems say why; load_catalogs raises them with the other catalogs'
    con.executemany(f"INSERT INTO perfil_ut (orden, {', '.join(_COLUMNS)}) VALUES (?{', ?' * len(_COLUMNS)})",
                    [(n, *astuple(t)) for n, t in enumerate(tiers, start=1)])
