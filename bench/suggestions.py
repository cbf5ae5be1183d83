"""`python -m bench sugerencias`: how long the suggestions for unknown ente names take at national scale.

A national file may carry thousands of distinct names the catalog does not know (a new export, another state's
spelling). Each gets the closest known entes in its reject (etl/mapping.py, closest_entes). This measures that one
call for N distinct unknown names against a catalog of E entes with their spellings (official name, siglas, name
without the "del Estado" tail, the PNT's "EST - " prefix: about 4 per ente, 30,000 for 8,000 entes), with names
built from the words real entes use, and the unknown ones as typos, truncations and reorderings of real ones.
"""
from __future__ import annotations

import random
import time

from common.names import normalize_name
from etl.staging.ente_names import closest_entes

HEADS = ["Secretaría de", "Instituto de", "Comisión de", "Consejo de", "Fideicomiso de", "Dirección General de",
         "Coordinación de", "Sistema para el Desarrollo de", "Servicios de", "Universidad de", "Colegio de",
         "Procuraduría de", "Agencia de", "Junta de", "Patronato de", "Órgano de"]
TOPICS = ["Finanzas", "Planeación", "Educación", "Salud", "Turismo", "Obras Públicas", "Desarrollo Urbano",
          "Seguridad Ciudadana", "Agua Potable", "Alcantarillado", "Vivienda", "Cultura", "Deporte", "la Juventud",
          "las Mujeres", "Movilidad", "Medio Ambiente", "Pesca", "Desarrollo Rural", "Economía", "Trabajo",
          "Protección Civil", "Transparencia", "Archivos", "Catastro", "Infraestructura", "Energía", "Innovación"]
PLACES = ["del Estado", "Municipal", "de Othón P. Blanco", "de Benito Juárez", "de Cozumel", "de Solidaridad",
          "de Tulum", "de Bacalar", "de Felipe Carrillo Puerto", "de José María Morelos", "de Lázaro Cárdenas",
          "de Isla Mujeres", "de Puerto Morelos", "de Tabasco", "de Yucatán", "de Campeche", "de Chiapas",
          "de Veracruz", "de Oaxaca", "de Jalisco", "de Nuevo León", "de Sonora", "de Zacatecas", "de Durango"]


def catalog(entes: int, rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
    """(normalized spelling → ente_id, ente_id → label) of a synthetic national catalog."""
    aliases, names = {}, {}
    for i in range(entes):
        ente = f"SO{i:05d}"
        name = f"{rng.choice(HEADS)} {rng.choice(TOPICS)} y {rng.choice(TOPICS)} {rng.choice(PLACES)} {i}"
        siglas = "".join(w[0] for w in name.split() if w[0].isupper()) + str(i)
        names[ente] = f"{name} ({siglas})"
        for spelling in (name, siglas, name.replace(" del Estado", ""), "EST - " + name):
            aliases.setdefault(normalize_name(spelling), ente)
    return aliases, names


def unknown_names(names: dict[str, str], count: int, rng: random.Random) -> list[str]:
    labels = [label.rsplit(" (", 1)[0] for label in names.values()]
    out = set()
    while len(out) < count:
        name = list(rng.choice(labels))
        kind = rng.random()
        if kind < 0.5:  # two typos
            for _ in range(2):
                name[rng.randrange(len(name))] = rng.choice("aeiousnrlz")
        elif kind < 0.8:  # cut short
            name = name[: rng.randrange(12, len(name))]
        else:  # words in another order
            name = list(" ".join(reversed("".join(name).split())))
        out.add("".join(name) + f" X{len(out)}")
    return sorted(out)


def measure(entes: int = 8000, unknown: int = 10_000, seed: int = 21) -> dict:
    rng = random.Random(seed)
    aliases, names = catalog(entes, rng)
    values = unknown_names(names, unknown, rng)
    t0 = time.perf_counter()
    found = closest_entes(values, aliases, names)
    seconds = time.perf_counter() - t0
    return {"entes": entes, "grafias": len(aliases), "nombres_desconocidos": len(values), "segundos": seconds,
            "con_sugerencia": sum(1 for v in found.values() if v)}


def report(result: dict) -> str:
    return (f"Sugerencias para {result['nombres_desconocidos']:,} nombres desconocidos distintos contra "
            f"{result['entes']:,} entes ({result['grafias']:,} grafías): {result['segundos']:.1f} s "
            f"({result['con_sugerencia']:,} con al menos un ente parecido).")
