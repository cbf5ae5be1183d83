"""What a titular should fix first: actions ranked by the points each would add to the Índice de Desempeño.

The rule (also in the Metodología page and the README, "Qué corregir primero"):

- Each indicator the index weighed for the ente in the period (indice_componente: enough data) is an action if its
  value is short of its target (meta; without a target, the value that scores 100). Its gain is the change of the
  index if that indicator alone reached the target, with the weights of the period:
  peso de la dimensión × peso del indicador (both as re-weighted over what has data) × (puntaje at the target −
  puntaje now), the puntaje being the linear 0–100 score of indice.toml. The index is a weighted sum of these
  scores, so the gain is exact, and the gains of different indicators add up.
- The verification indicator is split into its fracciones: each fracción scored below 100 in the ente's reviews of
  the period is an action; fixing it (100 in those reviews) raises the indicator by peso × (100 − puntaje) / the
  weight of all fracciones evaluated, and the index by the same product of weights times the score's change.
  When the period's fracciones do not give the indicator's value (a period counted from a predecessor's reviews),
  the indicator stays one action.
- Ranked by gain, largest first; ties in the catalog's order of indicators, then by article and fracción.

The texts of the actions are data (indicators/acciones.toml), one per index component.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from common.errors import DefinitionError
from common.formatting import format_value, num
from common.typed_toml import raise_problems, read_checked
from indicators import sql
from indicators.index import VERIFICATION
from indicators.index_rules import Componente
from indicators.periods import period_bounds, tipo_de

TEXTS_PATH = Path(__file__).resolve().parent / "acciones.toml"


@dataclass(frozen=True)
class Accion:
    texto: str                # what to do, in plain Spanish, with the value now and the target
    indicador: str            # the index component it concerns (id of indicadores.toml)
    indicador_nombre: str
    ganancia: float           # points the Índice de Desempeño would gain if fixed (module docstring)
    donde: str                # who acts, and where
    pagina: str               # the dashboard page with the detail (path relative to app.py, as in PAGES)
    valor: float | None = None     # the indicator's value now (a fracción: its score)
    meta: float | None = None      # what it should reach (a fracción: 100)
    unidad: str = ""
    ley_version: str | None = None  # a fracción's law, article and fracción; None for an indicator
    articulo: str | None = None
    fraccion: str | None = None
    observacion: str | None = None  # the reviewer's note of the fracción, as written

    @property
    def concierne(self) -> str:
        """'Art. 91 fr. V — Indicadores de interés público' or the indicator's name."""
        if self.fraccion is None:
            return self.indicador_nombre
        return f"Art. {self.articulo} fr. {self.fraccion}"


@dataclass(frozen=True)
class Textos:
    indicador: dict[str, dict[str, str]]
    fraccion: dict[str, str]


@dataclass(frozen=True)
class _Texto:
    texto: str
    donde: str
    pagina: str


@dataclass(frozen=True)
class _TextsFile:
    fraccion: _Texto
    indicador: dict[str, _Texto] = field(default_factory=dict)


def load_texts(path: Path = TEXTS_PATH) -> Textos:
    """acciones.toml, every problem reported at once."""
    data, problems = read_checked(path, _TextsFile)
    raise_problems(path, problems, DefinitionError)
    return Textos(data.get("indicador", {}), data["fraccion"])


_TEXTS = load_texts()


def ranked_actions(con: duckdb.DuckDBPyConnection, ente_id: str, periodo: str) -> list[Accion]:
    """Every action for the ente in the period ('2025-10', '2025-T3', '2025'), largest gain first; empty when the
    ente has no index components in it."""
    tipo = tipo_de(periodo)
    desde, hasta = period_bounds(tipo, periodo)
    cur = con.cursor()  # a caller's open result on `con` survives
    try:
        components = cur.execute(sql("reports/acciones_componentes.sql"),
                                 {"ente": ente_id, "tipo_periodo": tipo, "periodo": periodo}).fetchall()
        fracciones = cur.execute(sql("reports/acciones_fracciones.sql"),
                                 {"ente": ente_id, "desde": desde, "hasta": hasta}).fetchall()
    finally:
        cur.close()
    actions: list[tuple[tuple, Accion]] = []
    for (dimension, indicador, nombre, unidad, meta, orden, valor, puntaje, peso_dim, peso_comp, cero, cien,
         peso) in components:
        rule = Componente(indicador, peso, cero, cien)
        weight = float(peso_dim) * float(peso_comp)
        if indicador == VERIFICATION and _adds_up(fracciones, valor):
            for n, f in enumerate(fracciones):
                actions.append(((orden, n), _fraccion_action(f, rule, weight, valor, nombre, unidad)))
            continue
        target = cien if meta is None else meta
        gain = weight * (rule.puntaje(target) - float(puntaje))
        if gain > 0:
            texts = _TEXTS.indicador.get(indicador, _generic(nombre))
            actions.append(((orden, 0), Accion(
                texto=texts["texto"].format(valor=format_value(valor, unidad), meta=format_value(target, unidad)),
                indicador=indicador, indicador_nombre=nombre, ganancia=gain, donde=texts["donde"],
                pagina=texts["pagina"], valor=valor, meta=target, unidad=unidad)))
    actions.sort(key=lambda pair: (-round(pair[1].ganancia, 9), pair[0]))
    return [a for _key, a in actions]


def top_actions(con: duckdb.DuckDBPyConnection, ente_id: str, periodo: str, n: int = 3) -> list[Accion]:
    """The n actions that would add most to the ente's index in the period (ranked_actions' first n)."""
    return ranked_actions(con, ente_id, periodo)[:n]


def _adds_up(fracciones: list[tuple], valor: float) -> bool:
    """The period's fracciones give the verification indicator's value (Σ peso × puntaje / Σ peso)."""
    if not fracciones:
        return False
    peso_total, suma = fracciones[0][8], fracciones[0][9]
    return bool(peso_total) and math.isclose(suma / peso_total, valor, rel_tol=1e-9, abs_tol=1e-9)


def _fraccion_action(f: tuple, rule: Componente, weight: float, valor: float, indicador_nombre: str,
                     unidad: str) -> Accion:
    ley, articulo, fraccion, nombre, _orden, faltante, puntaje, observaciones, peso_total, _suma = f
    gain = weight * (rule.puntaje(valor + faltante / peso_total) - rule.puntaje(valor))
    fields = {"fraccion": fraccion, "articulo": articulo, "nombre": nombre or "sin nombre en el catálogo",
              "puntaje": num(puntaje, 0)}
    return Accion(texto=_TEXTS.fraccion["texto"].format(**fields), indicador=VERIFICATION,
                  indicador_nombre=indicador_nombre, ganancia=gain, donde=_TEXTS.fraccion["donde"].format(**fields),
                  pagina=_TEXTS.fraccion["pagina"], valor=puntaje, meta=100.0, unidad=unidad, ley_version=ley,
                  articulo=articulo, fraccion=fraccion,
                  observacion=observaciones if isinstance(observaciones, str) and observaciones else None)


def _generic(nombre: str) -> dict[str, str]:
    """An indicator added to the index without a text in acciones.toml still reads as an action."""
    return {"texto": f"Mejorar «{nombre}»: hoy {{valor}}, la meta es {{meta}}.",
            "donde": "Unidad de Transparencia", "pagina": "pages/2_Ficha_del_ente.py"}
