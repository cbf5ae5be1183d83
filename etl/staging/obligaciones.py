"""Catalogs of the verification of transparency obligations, checked all at once and loaded into the warehouse.

- data/catalogos/obligaciones_*.csv: the fracciones of each law version (one file per version).
- data/catalogos/equivalencia_obligaciones.csv: which fracción of the newer law continues each older one.
- data/catalogos/aplicabilidad_obligaciones.csv: exceptions to the default rule (a common obligation applies
  to every ente; a specific one only to the entes listed with aplica = si).
- data/catalogos/verificacion_ponderacion.toml: weights of the index and the compliance threshold.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.csvfiles import is_yes, read_rows
from common.errors import CatalogError
from common.names import normalize_fraccion
from common.typed_toml import entries, is_number, read_checked
from etl import sql

TIPOS_OBLIGACION = {"comun", "especifica"}
TIPOS_VERIFICACION = ("diagnostica", "vinculante", "seguimiento", "mensual")
Key = tuple[str, str, str]  # (ley_version, articulo, fraccion)


@dataclass(frozen=True)
class Weights:
    sustantivos: float = 0.8
    adjetivos: float = 0.2
    umbral_cumplimiento: float = 100.0
    por_fraccion: dict[Key, float] = field(default_factory=dict)
    # which type of review the month's compliance index stands on (first with a result in force), and for how long
    tipos_indice: tuple[str, ...] = ("vinculante", "diagnostica", "mensual", "seguimiento")
    meses_vigencia: int = 12


@dataclass(frozen=True)
class _PesoFraccion:
    ley_version: str
    articulo: str | int
    fraccion: str | int   # 22 reads as XXII (common/names.py)
    peso: float


@dataclass(frozen=True)
class _WeightsFile:
    """verificacion_ponderacion.toml as written; Weights is what the build uses."""
    sustantivos: float = Weights.sustantivos
    adjetivos: float = Weights.adjetivos
    umbral_cumplimiento: float = Weights.umbral_cumplimiento
    peso_fraccion: list[_PesoFraccion] = field(default_factory=list)
    tipos_indice: list[str] = field(default_factory=lambda: list(Weights.tipos_indice))
    meses_vigencia: int = Weights.meses_vigencia


def load_obligation_catalogs(con: duckdb.DuckDBPyConnection, catalog_dir: Path) -> Weights:
    """Fill obligacion, obligacion_equivalencia and aplicabilidad; return the weights. Raises CatalogError."""
    problems: list[str] = []
    versions = {r[0] for r in con.execute("SELECT DISTINCT ley_version FROM plazo_legal").fetchall()}
    obligations = _read_obligations(catalog_dir, versions, problems)
    weights = read_weights(catalog_dir / "verificacion_ponderacion.toml", set(obligations), problems)
    equivalences = _read_equivalences(catalog_dir / "equivalencia_obligaciones.csv", set(obligations), problems)
    entes = {r[0] for r in con.execute("SELECT ente_id FROM ente").fetchall()}
    exceptions = _read_applicability(catalog_dir / "aplicabilidad_obligaciones.csv", set(obligations), entes,
                                     problems)
    if problems:
        raise CatalogError("Los catálogos de obligaciones de transparencia tienen errores:\n- " +
                           "\n- ".join(problems))
    history = _history_keys(set(obligations), equivalences)
    insert_rows(con, "obligacion", ["ley_version", "articulo", "fraccion", "orden", "nombre", "texto_inicio",
                                    "tipo_obligacion", "verificado", "nota_verificacion", "fuente", "peso",
                                    "clave_historica"], [
        (*key, *row, weights.por_fraccion.get(key, 1.0), history[key]) for key, row in obligations.items()])
    insert_rows(con, "obligacion_equivalencia", ["ley_origen", "articulo_origen", "fraccion_origen", "ley_destino",
                                                 "articulo_destino", "fraccion_destino", "confirmado", "nota"],
                equivalences)
    con.execute("CREATE OR REPLACE TEMP TABLE aplicabilidad_excepcion (ente_id VARCHAR, ley_version VARCHAR, "
                "articulo VARCHAR, fraccion VARCHAR, aplica BOOLEAN, motivo VARCHAR)")
    insert_rows(con, "aplicabilidad_excepcion", ["ente_id", "ley_version", "articulo", "fraccion", "aplica", "motivo"],
                exceptions)
    con.execute(sql("catalogs/aplicabilidad.sql"))
    con.execute(sql("catalogs/obligacion_vigencia.sql"))
    return weights


def _read_obligations(catalog_dir: Path, versions: set[str], problems: list[str]) -> dict[Key, tuple]:
    obligations: dict[Key, tuple] = {}
    files = sorted(catalog_dir.glob("obligaciones_*.csv"))
    if not files:
        problems.append(f"No hay archivos obligaciones_*.csv en {catalog_dir}.")
    for path in files:
        for i, r in enumerate(read_rows(path), start=2):
            where = f"{path.name}, fila {i}"
            missing = [c for c in ("ley_version", "articulo", "fraccion", "orden", "nombre", "tipo_obligacion")
                       if not r.get(c)]
            if missing:
                problems.append(f"{where}: faltan {', '.join(missing)}.")
                continue
            fraccion = normalize_fraccion(r["fraccion"])
            if fraccion is None:
                problems.append(f"{where}: fracción '{r['fraccion']}' no válida; use números romanos (I, XXII, I-a).")
                continue
            if r["ley_version"] not in versions:
                problems.append(f"{where}: la versión de ley '{r['ley_version']}' no está en plazo_legal.csv, "
                                "que da su vigencia.")
            if r["tipo_obligacion"] not in TIPOS_OBLIGACION:
                problems.append(f"{where}: tipo_obligacion '{r['tipo_obligacion']}' no válido; use comun o especifica.")
            key = (r["ley_version"], r["articulo"], fraccion)
            if key in obligations:
                problems.append(f"{where}: la fracción {fraccion} del art. {r['articulo']} está repetida.")
                continue
            try:
                orden = int(r["orden"])
            except ValueError:
                problems.append(f"{where}: orden '{r['orden']}' debe ser un número entero.")
                continue
            obligations[key] = (orden, r["nombre"], r.get("texto_inicio") or None, r["tipo_obligacion"],
                                is_yes(r.get("verificado", "")), r.get("nota_verificacion") or None,
                                r.get("fuente") or None)
    return obligations


def read_weights(path: Path, obligations: set[Key], problems: list[str]) -> Weights:
    """The weights of verificacion_ponderacion.toml; every problem (keys and types: common/typed_toml.py) is
    appended to `problems` and the defaults stand in for what is wrong."""
    data, found = read_checked(path, _WeightsFile)
    problems += found
    sus, adj = data.get("sustantivos", Weights.sustantivos), data.get("adjetivos", Weights.adjetivos)
    umbral = data.get("umbral_cumplimiento", Weights.umbral_cumplimiento)
    if not all(is_number(v) for v in (sus, adj, umbral)):
        return Weights()
    sus, adj, umbral = float(sus), float(adj), float(umbral)
    if sus < 0 or adj < 0 or abs(sus + adj - 1) > 1e-9:
        problems.append(f"{path.name}: los pesos de sustantivos ({sus}) y adjetivos ({adj}) deben ser ≥ 0 y sumar 1.")
    if not 0 < umbral <= 100:
        problems.append(f"{path.name}: umbral_cumplimiento ({umbral}) debe estar entre 0 (excluido) y 100.")
    per_fraccion: dict[Key, float] = {}
    for where, entry in entries(data, "peso_fraccion", _PesoFraccion, path.name):
        key = (str(entry.get("ley_version")), str(entry.get("articulo")), normalize_fraccion(entry.get("fraccion")))
        peso = entry.get("peso")
        if not is_number(peso):
            continue  # reported with the types
        if key not in obligations:
            problems.append(f"{where}: la fracción {key} no está en los catálogos de obligaciones.")
        elif peso <= 0:
            problems.append(f"{where}: el peso debe ser un número mayor que 0.")
        else:
            per_fraccion[key] = float(peso)
    tipos, meses = _read_standing(path.name, data, problems)
    return Weights(sus, adj, umbral, per_fraccion, tipos, meses)


def _read_standing(name: str, data: dict, problems: list[str]) -> tuple[tuple[str, ...], int]:
    """tipos_indice (known types, each once, in priority order) and meses_vigencia (1 to 36 months); a value of the
    wrong type is reported with the types and the default stands in."""
    tipos = data.get("tipos_indice", list(Weights.tipos_indice))
    meses = data.get("meses_vigencia", Weights.meses_vigencia)
    if not isinstance(tipos, list) or not all(isinstance(t, str) for t in tipos):
        tipos = list(Weights.tipos_indice)
    elif not tipos or any(t not in TIPOS_VERIFICACION for t in tipos) or len(set(tipos)) != len(tipos):
        problems.append(f"{name}: tipos_indice debe ser una lista sin repetir de {', '.join(TIPOS_VERIFICACION)} "
                        f"(se leyó {tipos!r}).")
        tipos = list(Weights.tipos_indice)
    if isinstance(meses, bool) or not isinstance(meses, int):
        meses = Weights.meses_vigencia
    elif not 1 <= meses <= 36:
        problems.append(f"{name}: meses_vigencia debe ser un número entero de meses entre 1 y 36 (se leyó {meses!r}).")
        meses = Weights.meses_vigencia
    return tuple(tipos), meses


def _read_equivalences(path: Path, obligations: set[Key], problems: list[str]) -> list[tuple]:
    rows, seen = [], set()
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        origin = (r.get("ley_origen", ""), r.get("articulo_origen", ""), normalize_fraccion(r.get("fraccion_origen")))
        target = (r.get("ley_destino", ""), r.get("articulo_destino", ""), normalize_fraccion(r.get("fraccion_destino")))
        bad = [k for k in (origin, target) if k not in obligations]
        if bad:
            problems.append(f"{where}: {' y '.join(f'{k[0]} art. {k[1]} fr. {k[2]}' for k in bad)} no está en los "
                            "catálogos de obligaciones.")
            continue
        if origin[0] == target[0]:
            problems.append(f"{where}: la equivalencia debe unir dos versiones de ley distintas.")
            continue
        if origin in seen:
            # A fracción continues in exactly one fracción of the next law, so its history has one path.
            problems.append(f"{where}: la fracción {origin[2]} del art. {origin[1]} ({origin[0]}) ya tiene equivalencia.")
            continue
        seen.add(origin)
        rows.append((*origin, *target, is_yes(r.get("confirmado", "")), r.get("nota") or None))
    return rows


def _history_keys(obligations: set[Key], equivalences: list[tuple]) -> dict[Key, str]:
    """Each fracción's key in the newest law reachable through the equivalences (itself when it has none)."""
    nxt = {tuple(e[0:3]): tuple(e[3:6]) for e in equivalences}
    keys = {}
    for key in obligations:
        current, steps = key, 0
        while current in nxt and steps < 20:  # steps guard against a cycle typed by mistake
            current, steps = nxt[current], steps + 1
        keys[key] = f"{current[0]} {current[1]}-{current[2]}"
    return keys


def _read_applicability(path: Path, obligations: set[Key], entes: set[str], problems: list[str]) -> list[tuple]:
    rows, seen = [], set()
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        key = (r.get("ley_version", ""), r.get("articulo", ""), normalize_fraccion(r.get("fraccion")))
        aplica = r.get("aplica", "").lower()
        if r.get("ente_id") not in entes:
            problems.append(f"{where}: ente_id '{r.get('ente_id')}' no existe en entes.csv.")
        elif key not in obligations:
            problems.append(f"{where}: {key[0]} art. {key[1]} fr. {key[2]} no está en los catálogos de obligaciones.")
        elif aplica not in ("si", "sí", "no"):
            problems.append(f"{where}: aplica '{r.get('aplica')}' no válido; use si o no.")
        elif not r.get("motivo"):
            problems.append(f"{where}: falta el motivo.")
        elif (r["ente_id"], *key) in seen:
            problems.append(f"{where}: la fracción ya está en la tabla para este ente.")
        else:
            seen.add((r["ente_id"], *key))
            rows.append((r["ente_id"], *key, aplica != "no", r["motivo"]))
    return rows
