"""The rules of the Índice de Desempeño en Transparencia (indice.toml), as typed objects validated all at once."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from common.errors import DefinitionError

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


_TOP = {"version", "nombre", "dimension", "tipo_solicitud"}
# The index is computed from indicador_valor, which holds both types of request together.
TIPOS_INDICE = {"ambos": "información pública y ARCOP juntas"}
_DIM = {"id", "nombre", "peso", "componentes"}
_COMP = {"indicador", "peso", "cero", "cien"}


def load_index_rules(known_indicators: set[str] | None = None, path: Path = RULES_PATH) -> IndexRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = [f"clave desconocida '{k}'" for k in data if k not in _TOP]
    problems += [f"falta '{k}'" for k in ("version", "nombre", "dimension", "tipo_solicitud") if k not in data]
    if "tipo_solicitud" in data and data["tipo_solicitud"] not in TIPOS_INDICE:
        problems.append(f"tipo_solicitud «{data['tipo_solicitud']}» no válido: el índice lee las solicitudes con "
                        f"ambos tipos juntos; use uno de {sorted(TIPOS_INDICE)}")
    dims: list[Dimension] = []
    for n, d in enumerate(data.get("dimension", []), start=1):
        where = f"dimensión {n} ({d.get('id', 'sin id')})"
        problems += [f"{where}: clave desconocida '{k}'" for k in d if k not in _DIM]
        problems += [f"{where}: falta '{k}'" for k in sorted(_DIM) if k not in d]
        if not isinstance(d.get("peso", 0), (int, float)) or d.get("peso", 0) < 0:
            problems.append(f"{where}: el peso debe ser un número mayor o igual que 0 (0: no entra en el índice)")
        comps = []
        for c in d.get("componentes", []):
            cw = f"{where}, componente {c.get('indicador', '?')}"
            problems += [f"{cw}: clave desconocida '{k}'" for k in c if k not in _COMP]
            problems += [f"{cw}: falta '{k}'" for k in sorted(_COMP) if k not in c]
            if known_indicators is not None and c.get("indicador") not in known_indicators:
                problems.append(f"{cw}: el indicador no existe en el catálogo")
            if c.get("cero") == c.get("cien"):
                problems.append(f"{cw}: 'cero' y 'cien' deben ser distintos")
            if not problems or all(k in c for k in _COMP):
                comps.append(Componente(c.get("indicador"), float(c.get("peso", 0)), float(c.get("cero", 0)),
                                        float(c.get("cien", 1))))
        if not comps:
            problems.append(f"{where}: necesita al menos un componente")
        dims.append(Dimension(d.get("id"), d.get("nombre", ""), float(d.get("peso", 0) or 0), tuple(comps)))
    if dims and not any(d.peso > 0 for d in dims):
        problems.append("al menos una dimensión debe tener peso mayor que 0")
    ids = [d.id for d in dims]
    problems += [f"dimensión '{i}' repetida" for i in set(ids) if ids.count(i) > 1]
    if problems:
        raise DefinitionError(f"{path.name} tiene errores:\n- " + "\n- ".join(problems))
    return IndexRules(str(data["version"]), data["nombre"], tuple(dims), data["tipo_solicitud"])
