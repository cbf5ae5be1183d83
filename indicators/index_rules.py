"""The rules of the Índice de Desempeño en Transparencia (indice.toml), as typed objects validated all at once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from common.errors import DefinitionError
from common.typed_toml import build, entries, is_number, raise_problems, read_checked, repeated_ids

RULES_PATH = Path(__file__).resolve().parent / "indice.toml"


@dataclass(frozen=True)
class Componente:
    indicador: str
    peso: float
    cero: float   # the indicator value that scores 0
    cien: float   # the indicator value that scores 100 (below cero: lower is better)

    def puntaje(self, valor: float) -> float:
        return max(0.0, min(100.0, 100.0 * (valor - self.cero) / (self.cien - self.cero)))


@dataclass(frozen=True)
class Dimension:
    id: str
    nombre: str
    peso: float
    componentes: tuple[Componente, ...]


@dataclass(frozen=True)
class IndexRules:
    version: str
    nombre: str
    dimensiones: tuple[Dimension, ...]
    tipo_solicitud: str = "ambos"  # the requests it reads: both types together (the only choice computed)

    def dimension(self, dim_id: str) -> Dimension:
        return next(d for d in self.dimensiones if d.id == dim_id)


@dataclass(frozen=True)
class _IndexFile:
    version: str
    nombre: str
    tipo_solicitud: str
    dimension: list[Dimension]


# The index is computed from indicador_valor, which holds both types of request together.
TIPOS_INDICE = {"ambos": "información pública y ARCOP juntas"}


def _rule_problems(data: dict, known_indicators: set[str] | None, name: str) -> list[str]:
    """What the types alone do not say (keys and types: common/typed_toml.py)."""
    problems = []
    tipo = data.get("tipo_solicitud")
    if isinstance(tipo, str) and tipo not in TIPOS_INDICE:
        problems.append(f"{name}: tipo_solicitud «{tipo}» no válido: el índice lee las solicitudes con "
                        f"ambos tipos juntos; use uno de {sorted(TIPOS_INDICE)}")
    dims = entries(data, "dimension", Dimension, name)
    for where, d in dims:
        if is_number(d.get("peso")) and d["peso"] < 0:
            problems.append(f"{where}: el peso debe ser un número mayor o igual que 0 (0: no entra en el índice)")
        comps = entries(d, "componentes", Componente, where)
        for cw, c in comps:
            if known_indicators is not None and isinstance(c.get("indicador"), str) \
                    and c["indicador"] not in known_indicators:
                problems.append(f"{cw}: el indicador no existe en el catálogo")
            if c.get("cero") == c.get("cien"):
                problems.append(f"{cw}: 'cero' y 'cien' deben ser distintos")
        if not comps:
            problems.append(f"{where}: necesita al menos un componente")
    if dims and not any(is_number(d.get("peso")) and d["peso"] > 0 for _w, d in dims):
        problems.append(f"{name}: al menos una dimensión debe tener peso mayor que 0")
    return problems + repeated_ids(data, "dimension", Dimension, name)


def load_index_rules(known_indicators: set[str] | None = None, path: Path = RULES_PATH) -> IndexRules:
    data, problems = read_checked(path, _IndexFile)
    problems += _rule_problems(data, known_indicators, path.name)
    raise_problems(path, problems, DefinitionError)
    rules = build(data, _IndexFile)
    # Weights and scores as floats whatever way they were written (40 or 40.0).
    dims = tuple(Dimension(d.id, d.nombre, float(d.peso), tuple(
        Componente(c.indicador, float(c.peso), float(c.cero), float(c.cien)) for c in d.componentes))
        for d in rules.dimension)
    return IndexRules(rules.version, rules.nombre, dims, rules.tipo_solicitud)
