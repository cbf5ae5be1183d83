"""The rules behind every number (indicators/reglas.toml), as typed objects validated all at once: the
Metodología page shows them and tests/test_readme.py holds the README to them."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from common.errors import DefinitionError

RULES_PATH = Path(__file__).resolve().parent / "reglas.toml"
_KEYS = {"id", "titulo", "texto"}


@dataclass(frozen=True)
class Regla:
    id: str
    titulo: str
    texto: str


def load_rules(path: Path = RULES_PATH) -> list[Regla]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = [f"clave de primer nivel desconocida '{k}'" for k in data if k != "regla"]
    seen: set[str] = set()
    for n, r in enumerate(data.get("regla", []), start=1):
        problems += [f"regla {n}: clave desconocida '{k}'" for k in r if k not in _KEYS]
        problems += [f"regla {n}: falta '{k}'" for k in sorted(_KEYS) if not r.get(k)]
        if r.get("id") in seen:
            problems.append(f"regla {n}: id '{r.get('id')}' repetido")
        seen.add(r.get("id"))
    if problems:
        raise DefinitionError(f"{path.name} tiene errores:\n- " + "\n- ".join(problems))
    return [Regla(r["id"], r["titulo"], " ".join(r["texto"].split())) for r in data.get("regla", [])]
