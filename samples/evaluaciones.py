"""Deterministic sample of citizens' evaluations, as the attempts a public page receives (``python -m etl sample``,
``python -m samples``).

``write_evaluation_sample(out_dir)`` writes ``out_dir/participacion/evaluaciones_ejemplo.csv``: one row per attempt
to send an evaluation during the nine months before the cut-off, with the time (UTC), the browser session, a
client address of the documentation ranges (198.51.100.0/24, 203.0.113.0/24: never a real one), the honeypot
field, the answers and the comment as typed, and, for comments, the moderation decision of a SABGOB user (blank:
still pending). It is a seed, not a build input: ``python -m participacion ejemplo`` replays it through the same
code the page uses (masking, limits, honeypot, repeats, moderation log), and only into a store that holds no
evaluations yet, so a real store is never touched. ``make tablero`` runs it before the build.

What the sample holds: citizens of a dozen entes judging a handful of fracciones each (some fracciones they find
easily, some they cannot find, so they disagree with the verifiers on some); comments approved, rejected (an
insult, an advertisement, a personal phone number typed twice) and pending; and abuse the page must stop: a bot
sending evaluations in a burst from one address (the hourly limit), the honeypot filled, a double click (an
identical repeat), and a second evaluation of the same fracción the same day (the daily limit).
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from common.csvfiles import read_rows
from common.paths import CATALOGOS_DIR
from samples.csvfile import write_csv

FILE = Path("participacion") / "evaluaciones_ejemplo.csv"
COLUMNS = ["registrada_en", "sesion", "direccion", "trampa", "ente_id", "ley_version", "articulo", "fraccion",
           "encontrada", "actualizada", "comprension", "comentario", "decision", "motivo", "decidida_en", "moderador"]
LEY, ARTICULO = "LGTAIP2025", "65"          # the law in force in the sample's months (from 2025-03-21)
MONTHS = 9
ENTES = ["SEFIPLAN", "SEQ", "SESA", "SSP", "SEGOB", "SEOP", "OM", "SABGOB", "DIF", "CAPA", "SEDETUR", "SEMA"]
FRACCIONES = ["I", "II", "III", "VII", "VIII", "IX", "X", "XI", "XIII", "XV", "XVIII", "XX", "XXI", "XXVII",
              "XXVIII"]
MODERADOR = "moderacion@sabgob.ejemplo.gob.mx"
# Comments people write about what they found; the approved ones are published under the obligation.
GOOD_COMMENTS = [
    "Encontré la información en el portal, pero el archivo del último trimestre no abre.",
    "Está en la PNT y coincide con el portal. Muy clara.",
    "Solo aparece el ejercicio anterior; falta el año en curso.",
    "Tardé en encontrarla: no está en la sección de transparencia sino en otra parte del sitio.",
    "El formato es un PDF escaneado, no se puede buscar dentro.",
    "Bien organizada por trimestre. Gracias.",
    "Los hipervínculos a los documentos llevan a una página de error.",
    "Publican la información pero sin fecha de actualización.",
    "No entiendo las siglas de las columnas; falta una nota que las explique.",
    "Información completa y actualizada, la encontré en menos de un minuto.",
]
# Comments the moderator rejects, with the reason the page offers.
REJECTED_COMMENTS = [
    ("Son unos rateros todos, no sirven para nada!!!", "Lenguaje ofensivo o discriminatorio"),
    ("Compra seguidores baratos en www.ejemplo-promo.invalid, envío inmediato", "Publicidad, enlaces o contenido ajeno a la obligación"),
    ("asdfgh asdfgh asdfgh", "Texto sin sentido o repetido"),
]
# Comments with personal data typed by the citizen: masked when stored, whatever the decision.
PERSONAL_COMMENTS = [
    "No encontré nada. Llámenme al 998 765 4321 para explicarles dónde busqué.",
    "Escríbanme a vecina.cancun@correo.invalid si actualizan la información, por favor.",
]


def write_evaluation_sample(out_dir: Path, *, seed: int = 2026, cutoff: date = date(2026, 10, 31),
                            catalog_dir: Path = CATALOGOS_DIR) -> dict[str, int]:
    rng = random.Random(seed + 18)
    applicable = _applicable(catalog_dir)
    start = datetime.combine(_months_back(cutoff, MONTHS), datetime.min.time())
    end = datetime.combine(cutoff, datetime.min.time()) + timedelta(hours=23)
    rows: list[dict[str, str]] = []
    person = 0
    for ente in ENTES:
        fracciones = [f for f in rng.sample(FRACCIONES, 6) if (ente, f) in applicable]
        for fraccion in fracciones:
            found = rng.choice([0.15, 0.35, 0.6, 0.8, 0.95])   # how easy the fracción is to find, for its citizens
            for _ in range(rng.randint(4, 12)):
                person += 1
                rows.append(_attempt(rng, person, _moment(rng, start, end), ente, fraccion, found))
    rows.sort(key=lambda r: r["registrada_en"])
    _moderate(rng, rows, end)
    rows += _abuse(rng, end, applicable)
    rows.sort(key=lambda r: (r["registrada_en"], r["sesion"]))
    path = out_dir / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    return {str(FILE): write_csv(path, COLUMNS, [[r[c] for c in COLUMNS] for r in rows])}


def _applicable(catalog_dir: Path) -> set[tuple[str, str]]:
    """(ente, fracción) of the sample's entes and the common fracciones of art. 65, minus the applicability table's
    exclusions."""
    common = {r["fraccion"] for r in read_rows(catalog_dir / "obligaciones_lgtaip2025.csv")
              if r["articulo"] == ARTICULO and r["tipo_obligacion"] == "comun"}
    excluded = {(r["ente_id"], r["fraccion"]) for r in read_rows(catalog_dir / "aplicabilidad_obligaciones.csv")
                if r["ley_version"] == LEY and r["aplica"].lower() == "no"}
    return {(e, f) for e in ENTES for f in common} - excluded


def _months_back(day: date, months: int) -> date:
    month = day.year * 12 + day.month - 1 - (months - 1)
    return date(month // 12, month % 12 + 1, 1)


def _moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    # People evaluate in the day, Quintana Roo time (UTC−5): 13:00 to 04:00 UTC.
    day = start + timedelta(days=rng.randrange((end - start).days + 1))
    return day + timedelta(hours=13 + rng.randrange(15), minutes=rng.randrange(60), seconds=rng.randrange(60))


def _address(n: int) -> str:
    return f"198.51.100.{n % 250 + 1}" if n % 2 else f"203.0.113.{n % 250 + 1}"


def _attempt(rng: random.Random, person: int, when: datetime, ente: str, fraccion: str, found: float) -> dict:
    r = rng.random()
    encontrada = "si" if r < found else ("parcialmente" if r < found + (1 - found) / 2 else "no")
    if encontrada == "no":
        actualizada, comprension = rng.choice(["no_se", "no_se", "no"]), rng.choice([1, 1, 2])
    else:
        actualizada = "si" if rng.random() < found else rng.choice(["no", "no_se"])
        comprension = min(5, max(1, round(1 + 4 * found + rng.uniform(-1.2, 1.2))))
    comentario = rng.choice(GOOD_COMMENTS) if rng.random() < 0.22 else ""
    return {"registrada_en": _stamp(when), "sesion": f"ejemplo-{person:05d}", "direccion": _address(person),
            "trampa": "", "ente_id": ente, "ley_version": LEY, "articulo": ARTICULO, "fraccion": fraccion,
            "encontrada": encontrada, "actualizada": actualizada, "comprension": str(comprension),
            "comentario": comentario, "decision": "", "motivo": "", "decidida_en": "", "moderador": ""}


def _moderate(rng: random.Random, rows: list[dict], end: datetime) -> None:
    """Comments of more than 30 days before the cut-off are decided a day or two later; the recent ones wait.
    A few rows get a rejected or a personal comment instead."""
    for row in rows:
        if row["comentario"] or rng.random() < 0.04:
            if not row["comentario"]:
                text, reason = rng.choice(REJECTED_COMMENTS + [(c, "") for c in PERSONAL_COMMENTS])
                row["comentario"] = text
            else:
                reason = ""
            sent = datetime.fromisoformat(row["registrada_en"])
            if sent > end - timedelta(days=30):
                continue
            row |= {"decision": "rechazada" if reason else "aprobada", "motivo": reason, "moderador": MODERADOR,
                    "decidida_en": _stamp(sent + timedelta(days=rng.randint(1, 2), hours=rng.randint(0, 5)))}


def _abuse(rng: random.Random, end: datetime, applicable: set) -> list[dict]:
    """Attempts the page must stop: a burst of 16 from one bot address in ten minutes (10 pass the hourly limit of
    a session, the rest are blocked), a filled honeypot, a double click, and the same fracción twice in a day."""
    base = end - timedelta(days=20, hours=6)
    out = []
    fracciones = [f for f in FRACCIONES if ("SEGOB", f) in applicable]
    for k in range(16):
        out.append(_attempt(rng, 90_000, base + timedelta(seconds=37 * k), "SEGOB", fracciones[k % len(fracciones)],
                            0.0) | {"sesion": "ejemplo-bot", "direccion": "203.0.113.250", "comentario": ""})
    trap = _attempt(rng, 90_001, base + timedelta(hours=2), "SEFIPLAN", "VIII", 0.5)
    out.append(trap | {"trampa": "https://promo.ejemplo.invalid", "comentario": "oferta especial"})
    click = _attempt(rng, 90_002, base + timedelta(hours=3), "SEQ", "XVIII", 0.8) | {"comentario": ""}
    out += [click, click | {"registrada_en": _stamp(datetime.fromisoformat(click["registrada_en"]) + timedelta(seconds=1))}]
    again = _attempt(rng, 90_003, base + timedelta(hours=4), "SESA", "XX", 0.5) | {"comentario": ""}
    out += [again, again | {"encontrada": "no", "registrada_en": _stamp(datetime.fromisoformat(again["registrada_en"])
                                                                         + timedelta(minutes=5))}]
    return out


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
