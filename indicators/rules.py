"""The rules behind every number (indicators/reglas.toml), as typed objects validated all at once: the
Metodología page shows them and tests/test_readme.py holds the README to them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from common.errors import DefinitionError
from common.typed_toml import build, raise_problems, read_checked, repeated_ids

RULES_PATH = Path(__file__).resolve().parent / "reglas.toml"


@dataclass(frozen=True)
class Regla:
    id: str
    titulo: str
    texto: str


@dataclass(frozen=True)
class _RulesFile:
    regla: list[Regla] = field(default_factory=list)


def load_rules(path: Path = RULES_PATH) -> list[Regla]:
    data, problems = read_checked(path, _RulesFile)
    problems += repeated_ids(data, "regla", Regla, path.name)
    raise_problems(path, problems, DefinitionError)
    return [Regla(r.id, r.titulo, " ".join(r.texto.split())) for r in build(data, _RulesFile).regla]
