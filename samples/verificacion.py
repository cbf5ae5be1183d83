"""Deterministic sample of verifications of transparency obligations, written as officials would receive them.

``write_verification_sample(out_dir)`` writes ``out_dir/verificaciones/``:

- ``verificacion_diagnostica_2024.xlsx``: the diagnóstica review of February 2024, criterion level (three
  sustantivos and three adjetivos per fracción, 1 / 0.5 / 0, with the reviewer's observation), a title row above
  the headers as real workbooks have.
- ``verificaciones_AAAA.csv``: monthly reviews from March 2024 to the cut-off month, fracción level (the fracciones
  failed in the ente's previous evaluation plus a rotating block of the rest), and one vinculante review each
  September covering every applicable fracción.

Entes have different habits (some fix most observations by the next review, some stay reincidentes), so the
index spreads out and improves after observations. Only entes in force on the review date are reviewed, and only
fracciones that apply to them under the law in force on that date (LTAIPQROO 2016 until 2025-03-20, LGTAIP 2025
from 2025-03-21, as in data/catalogos/plazo_legal.csv), so the sample loads with zero rejects.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from common.csvfiles import read_rows
from common.names import normalize_fraccion
from common.paths import CATALOGOS_DIR
from samples.csvfile import write_csv
from samples.xlsx import write_xlsx

HEADER = ["verificacion", "tipo_verificacion", "periodo_evaluado", "fecha_verificacion", "ente", "articulo",
          "fraccion"]
CRITERIA = [("1 Ejercicio", "Sustantivo"), ("2 Periodo que se informa", "Sustantivo"),
            ("3 Contenido de la fracción", "Sustantivo"), ("4 Periodo de actualización", "Adjetivo de actualización"),
            ("5 Área responsable y fecha de validación", "Adjetivo de confiabilidad"),
            ("6 Formato de los lineamientos técnicos", "Adjetivo de formato")]
OBSERVATIONS = {
    "Sustantivo": ["No se publica la información del último trimestre.",
                   "Faltan registros del ejercicio anterior; deben conservarse según la tabla de actualización.",
                   "El hipervínculo al documento no abre.",
                   "No se justifica con nota aclaratoria la falta de información."],
    "Adjetivo de actualización": ["La fecha de actualización es anterior al periodo que se informa.",
                                  "No se señala la fecha de actualización."],
    "Adjetivo de confiabilidad": ["No se indica el área responsable de generar la información.",
                                  "Falta la fecha de validación."],
    "Adjetivo de formato": ["No se usa el formato de los lineamientos técnicos.",
                            "El archivo no está en formato abierto."],
}
FRACTION_OBSERVATIONS = ["Información incompleta del periodo evaluado.", "Información desactualizada.",
                         "Hipervínculos sin acceso al documento.", "Falta nota aclaratoria de los periodos sin información.",
                         "No se publica en la PNT, solo en el portal institucional."]
FAILING_SCORES = [(0, 3), (20, 2), (40, 2), (50, 2), (60, 2), (70, 2), (80, 2), (90, 1)]
# Habits of an ente: share of fracciones complete at the diagnóstica, chance to fix a failure by the next
# evaluation, chance that a complete fracción falls behind again.
PROFILES = [(0.2, 0.3, 0.12), (0.4, 0.45, 0.08), (0.55, 0.6, 0.06), (0.7, 0.75, 0.04), (0.85, 0.85, 0.02)]
ROTATION = 4            # the monthly review covers 1/ROTATION of the fracciones, plus the follow-ups
REVIEW_DAY = 12


@dataclass(frozen=True)
class Obligation:
    articulo: str
    fraccion: str
    comun: bool
    clave: str          # key of its history across laws (the equivalent fracción in the newest law)


@dataclass(frozen=True)
class Ente:
    ente_id: str
    nombre: str
    desde: date | None
    hasta: date | None


@dataclass
class Obligations:
    leyes: list[tuple[str, date, date]]                 # (ley_version, desde, hasta)
    obligations: dict[str, list[Obligation]]
    exceptions: dict[tuple[str, str, str, str], bool]   # (ente, ley, articulo, fraccion) -> aplica
    entes: list[Ente]

    def law_on(self, day: date) -> str:
        """The newest law with an obligations catalog in force on `day` (as stg_verificacion.sql decides)."""
        return next(ley for ley, desde, hasta in reversed(self.leyes) if desde <= day <= hasta)

    def applicable(self, ente_id: str, ley: str) -> list[Obligation]:
        return [o for o in self.obligations[ley]
                if self.exceptions.get((ente_id, ley, o.articulo, o.fraccion), o.comun)]

    def in_force(self, day: date) -> list[Ente]:
        return [e for e in self.entes if (e.desde is None or e.desde <= day) and (e.hasta is None or day <= e.hasta)]


@dataclass(frozen=True)
class Review:
    nombre: str
    tipo: str
    periodo: str
    fecha: date


@dataclass
class Portal:
    """What each ente has published: the current score of each fracción (by history key)."""
    rng: random.Random
    habits: dict[str, tuple[float, float, float]]
    score: dict[tuple[str, str], int] = field(default_factory=dict)

    def evaluate(self, ente_id: str, clave: str) -> int:
        complete, fix, regress = self.habits[ente_id]
        current = self.score.get((ente_id, clave))
        if current is None:
            new = 100 if self.rng.random() < complete else self.failing()
        elif current < 100:
            new = 100 if self.rng.random() < fix else max(current, self.failing())
        else:
            new = self.failing() if self.rng.random() < regress else 100
        self.score[(ente_id, clave)] = new
        return new

    def failing(self) -> int:
        values, weights = zip(*FAILING_SCORES)
        return self.rng.choices(values, weights)[0]


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def read_obligations(catalog_dir: Path = CATALOGOS_DIR) -> Obligations:
    nxt = {(r["ley_origen"], r["articulo_origen"], normalize_fraccion(r["fraccion_origen"])):
           (r["ley_destino"], r["articulo_destino"], normalize_fraccion(r["fraccion_destino"]))
           for r in read_rows(catalog_dir / "equivalencia_obligaciones.csv")}
    obligations: dict[str, list[Obligation]] = {}
    for path in sorted(catalog_dir.glob("obligaciones_*.csv")):
        for r in sorted(read_rows(path), key=lambda r: (r["articulo"], int(r["orden"]))):
            key = (r["ley_version"], r["articulo"], normalize_fraccion(r["fraccion"]))
            while key in nxt:
                key = nxt[key]
            obligations.setdefault(r["ley_version"], []).append(Obligation(
                r["articulo"], normalize_fraccion(r["fraccion"]), r["tipo_obligacion"] == "comun", " ".join(key)))
    exceptions = {(r["ente_id"], r["ley_version"], r["articulo"], normalize_fraccion(r["fraccion"])): r["aplica"] != "no"
                  for r in read_rows(catalog_dir / "aplicabilidad_obligaciones.csv")}
    leyes = sorted({(r["ley_version"], _date(r["vigente_desde"]), _date(r["vigente_hasta"]) or date(9999, 12, 31))
                    for r in read_rows(catalog_dir / "plazo_legal.csv")
                    if r["tipo_solicitud"] == "informacion_publica" and r["ley_version"] in obligations},
                   key=lambda t: t[1])
    entes = [Ente(r["ente_id"], r["nombre_oficial"], _date(r["vigente_desde"]), _date(r["vigente_hasta"]))
             for r in read_rows(catalog_dir / "entes.csv")]
    return Obligations(leyes, obligations, exceptions, entes)


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def schedule(cutoff: date) -> tuple[Review, list[Review]]:
    """The diagnóstica of February 2024, then one mensual per month (and a vinculante each September)."""
    diagnostica = Review("Verificación diagnóstica 2024", "Diagnóstica", "2023-T4", date(2024, 2, 20))
    reviews = []
    year, month = 2024, 3
    while True:
        fecha = _weekday_on_or_after(date(year, month, REVIEW_DAY))
        if fecha > cutoff:
            break
        prev = date(year, month, 1) - timedelta(days=1)
        reviews.append(Review(f"VM-{year}-{month:02d}", "Mensual", f"{prev.year}-{prev.month:02d}", fecha))
        if month == 9:
            reviews.append(Review(f"VV-{year}", "Vinculante", f"{year}-T2", fecha + timedelta(days=7)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return diagnostica, [r for r in reviews if r.fecha <= cutoff]


def _ente_label(rng: random.Random, ente: Ente) -> str:
    # Reviewers write the siglas or the full name; both resolve through data/catalogos.
    return ente.nombre if rng.random() < 0.3 else ente.ente_id


def _criterion_rows(rng, portal: Portal, obligations: Obligations, review: Review) -> list[list]:
    ley = obligations.law_on(review.fecha)
    rows = []
    for ente in obligations.in_force(review.fecha):
        label = _ente_label(rng, ente)
        for ob in obligations.applicable(ente.ente_id, ley):
            complete = portal.evaluate(ente.ente_id, ob.clave) == 100
            values = [1] * len(CRITERIA) if complete else _failing_criteria(rng)
            portal.score[(ente.ente_id, ob.clave)] = _criteria_score(values)
            for (criterio, tipo), valor in zip(CRITERIA, values):
                note = rng.choice(OBSERVATIONS[tipo]) if valor < 1 else ""
                rows.append([review.nombre, review.tipo, review.periodo, review.fecha.isoformat(), label, ob.articulo,
                             ob.fraccion, criterio, tipo, valor, note])
    return rows


def _failing_criteria(rng: random.Random) -> list[float]:
    values = [rng.choice([1, 1, 0.5, 0]) for _ in CRITERIA]
    if all(v == 1 for v in values):
        values[rng.randrange(len(values))] = 0.5
    return values


def _criteria_score(values: list[float]) -> int:
    """The dashboard's rule (0.8 sustantivos + 0.2 adjetivos), so the follow-up state matches the index."""
    sus = [v for v, (_, t) in zip(values, CRITERIA) if t == "Sustantivo"]
    adj = [v for v, (_, t) in zip(values, CRITERIA) if t != "Sustantivo"]
    return round(100 * (0.8 * sum(sus) / len(sus) + 0.2 * sum(adj) / len(adj)))


def _fraction_rows(rng, portal: Portal, obligations: Obligations, review: Review, block: int | None) -> list[list]:
    """block None: every applicable fracción (vinculante); else the failed ones plus one rotating block."""
    ley = obligations.law_on(review.fecha)
    rows = []
    for ente in obligations.in_force(review.fecha):
        label = _ente_label(rng, ente)
        for i, ob in enumerate(obligations.applicable(ente.ente_id, ley)):
            failing = portal.score.get((ente.ente_id, ob.clave), 100) < 100
            if block is not None and not failing and i % ROTATION != block:
                continue
            score = portal.evaluate(ente.ente_id, ob.clave)
            note = rng.choice(FRACTION_OBSERVATIONS) if score < 100 else ""
            rows.append([review.nombre, review.tipo, review.periodo, review.fecha.isoformat(), label, ob.articulo,
                         ob.fraccion, score, note])
    return rows


def write_verification_sample(out_dir: Path, *, seed: int = 2026, cutoff: date = date(2026, 10, 31),
                              catalog_dir: Path = CATALOGOS_DIR) -> dict[str, int]:
    """Writes out_dir/verificaciones/; returns the number of rows per written file."""
    rng = random.Random(seed)
    obligations = read_obligations(catalog_dir)
    folder = Path(out_dir) / "verificaciones"
    folder.mkdir(parents=True, exist_ok=True)
    portal = Portal(rng, {e.ente_id: rng.choice(PROFILES) for e in obligations.entes})
    diagnostica, reviews = schedule(cutoff)
    counts: dict[str, int] = {}
    if diagnostica.fecha <= cutoff:
        rows = _criterion_rows(rng, portal, obligations, diagnostica)
        title = [["Secretaría Anticorrupción y Buen Gobierno — resultados por criterio de la verificación "
                  "diagnóstica 2024"], []]
        header = HEADER + ["criterio", "tipo_criterio", "valor", "observacion"]
        write_xlsx(folder / "verificacion_diagnostica_2024.xlsx", "Resultados", title + [header] + rows)
        counts["verificaciones/verificacion_diagnostica_2024.xlsx"] = len(rows)
    by_year: dict[int, list[list]] = {}
    for n, review in enumerate(reviews):
        block = None if review.tipo == "Vinculante" else n % ROTATION
        by_year.setdefault(review.fecha.year, []).extend(_fraction_rows(rng, portal, obligations, review, block))
    for year, rows in sorted(by_year.items()):
        name = f"verificaciones_{year}.csv"
        write_csv(folder / name, HEADER + ["porcentaje", "observacion"], rows)
        counts[f"verificaciones/{name}"] = len(rows)
    return counts
