"""`write_sample`: every source folder of the sample, in a fixed order (one Random per domain, seeded); `command`
is what `python -m samples` and `python -m etl sample` run."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from common.paths import CATALOGOS_DIR, ROOT
from samples.calendar import Calendar
from samples.capacitacion import write_training_sample
from samples.catalogs import read_aliases, read_closing_time, read_entes, read_holidays, read_plazos
from samples.evaluaciones import write_evaluation_sample
from samples.pnt_files import write_error_file, write_infomex, write_pnt_files, write_recursos
from samples.plantilla import write_template
from samples.pnt_values import INFOMEX_YEAR
from samples.solicitudes import Generator, check_catalog_values, generate_recursos, generate_requests
from samples.verificacion import write_verification_sample

REFERENCE_QUARTERS = ROOT / "data" / "referencia" / "estadistica_trimestral"


def write_sample(out_dir: Path, *, seed: int = 2026, years: tuple[int, ...] = (2023, 2024, 2025, 2026),
                 requests_per_year: int = 20000, cutoff: date = date(2026, 10, 31), with_errors: bool = False,
                 catalog_dir: Path = CATALOGOS_DIR) -> dict[str, int]:
    """Writes the sample input files under out_dir; returns the number of records per written file."""
    out_dir = Path(out_dir)
    check_catalog_values(catalog_dir)
    rng = random.Random(seed)
    start = date(min(min(years, default=INFOMEX_YEAR), INFOMEX_YEAR) - 1, 1, 1)
    cal = Calendar(read_holidays(catalog_dir), start, date(max(max(years, default=cutoff.year), cutoff.year) + 2,
                                                           12, 31))
    gen = Generator(rng, cal, read_entes(catalog_dir), read_aliases(catalog_dir), read_plazos(catalog_dir))
    requests = generate_requests(gen, tuple(years), requests_per_year, cutoff)
    recursos = generate_recursos(gen, requests, cutoff)
    (out_dir / "solicitudes").mkdir(parents=True, exist_ok=True)
    (out_dir / "recursos").mkdir(parents=True, exist_ok=True)
    counts = write_pnt_files(out_dir, requests, cal, tuple(years), cutoff)
    counts["solicitudes/infomex_2022.csv"] = write_infomex(out_dir / "solicitudes" / "infomex_2022.csv", gen,
                                                           max(60, requests_per_year // 60))
    counts["solicitudes/plantilla_ut_sefiplan.csv"] = write_template(
        out_dir / "solicitudes" / "plantilla_ut_sefiplan.csv", cal, gen.plazo, read_closing_time(catalog_dir), seed,
        tuple(years), cutoff)
    counts["recursos/recursos_revision.csv"] = write_recursos(out_dir / "recursos" / "recursos_revision.csv",
                                                              recursos)
    counts |= write_verification_sample(out_dir, seed=seed, cutoff=cutoff, catalog_dir=catalog_dir)
    if with_errors:
        name = "solicitudes/solicitudes_con_errores.csv"
        counts[name] = write_error_file(out_dir / name, gen)
    counts.update(write_training_sample(out_dir, seed=seed, years=tuple(years), cutoff=cutoff, catalog_dir=catalog_dir))
    counts |= copy_published_quarters(out_dir)
    # participacion/: a seed for the store (python -m participacion ejemplo), not an input of the build
    counts |= write_evaluation_sample(out_dir, seed=seed, cutoff=cutoff, catalog_dir=catalog_dir)
    return counts


def copy_published_quarters(out_dir: Path) -> dict[str, int]:
    """The two real quarters published by the garante (data/referencia/), so the sample shows history since 2017."""
    counts = {}
    target = out_dir / "estadistica_trimestral"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(REFERENCE_QUARTERS.glob("*.csv")):
        data = path.read_bytes()
        (target / path.name).write_bytes(data)
        counts[f"estadistica_trimestral/{path.name}"] = data.count(b"\n")
    return counts


def command(out: Path, with_errors: bool = False) -> int:
    """Writes the sample and says what it wrote (exit code 0)."""
    counts = write_sample(Path(out), with_errors=with_errors)
    for name, n in counts.items():
        print(f"{name}: {n:,} registros")
    print(f"Datos de ejemplo escritos en {out}. Construya el almacén con: python -m etl build --inputs {out}")
    return 0
