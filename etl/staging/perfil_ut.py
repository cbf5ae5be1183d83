"""The tiers of the Unidades de Transparencia (data/catalogos/perfil_ut.toml): typed objects that reject unknown keys,
validated all at once, loaded into the warehouse's perfil_ut table. The tier of an ente is assigned in SQL
(indicators/sql/bases/base_ut_mes.sql) from its requests of the last 12 months."""
from __future__ import annotations

import tomllib
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import duckdb

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


_TYPES = {"nivel": str, "solicitudes_desde": int, "solicitudes_hasta": int, "personal_minimo": int,
          "perfil_titular": str, "equipo": str, "confirmado": bool, "fuente": str}
_REQUIRED = [f.name for f in fields(NivelUT) if f.name != "solicitudes_hasta"]
_COLUMNS = [f.name for f in fields(NivelUT)]


def _entry_problems(entry: dict, where: str) -> list[str]:
    problems = [f"{where}: clave desconocida «{k}»; use solo {', '.join(_TYPES)}" for k in entry if k not in _TYPES]
    problems += [f"{where}: falta «{k}»" for k in _REQUIRED if k not in entry]
    for key, kind in _TYPES.items():
        value = entry.get(key)
        # bool is an int in Python: a true/false where a number goes (or the reverse) is a mistake to report.
        if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
            word = {str: "un texto entre comillas", int: "un número entero", bool: "true o false"}[kind]
            problems.append(f"{where}: «{key}» debe ser {word}; se encontró {value!r}")
    if isinstance(entry.get("personal_minimo"), int) and entry["personal_minimo"] < 1:
        problems.append(f"{where}: «personal_minimo» debe ser al menos 1")
    return problems


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path.name}: no existe; cópielo de data/catalogos/ del proyecto")
        return []
    except tomllib.TOMLDecodeError as err:
        problems.append(f"{path.name}: no es TOML válido ({err}); revise comillas y corchetes")
        return []
    found = [f"{path.name}: clave de primer nivel desconocida «{k}»; use solo [[nivel]]" for k in data if k != "nivel"]
    entries = data.get("nivel", [])
    if not entries:
        found.append(f"{path.name}: no declara ningún [[nivel]]")
    for n, entry in enumerate(entries, start=1):
        found += _entry_problems(entry, f"{path.name}, nivel {n} ({entry.get('nivel', 'sin nombre')})")
    if found:
        problems += found
        return []
    tiers = [NivelUT(**entry) for entry in entries]
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
