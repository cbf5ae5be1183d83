"""`python -m bench run|generate|sugerencias|identidad|evaluaciones|claves`: national-scale benchmark of the whole
product (see bench/run.py), the proof that a re-layout changed nothing the product writes (bench/identity.py), the
cost of the citizens' evaluations (bench/evaluations.py) and of one row per ente and period in the index's tables
(bench/index_keys.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common.cli import SpanishParser
from bench.generate import Scale

BENCH_DIR = Path(__file__).resolve().parent


def _scale(args) -> Scale:
    return Scale(entes=args.entes, requests=args.requests, attendance=args.asistencias, months=args.meses)


def _add_scale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--requests", type=int, default=5_000_000, help="solicitudes en 3 años (5 000 000)")
    parser.add_argument("--entes", type=int, default=8000, help="sujetos obligados (8 000)")
    parser.add_argument("--asistencias", type=int, default=None,
                        help="filas de asistencia (2 000 000; con --quick, 2 %% de las solicitudes)")
    parser.add_argument("--meses", type=int, default=12, help="meses de verificación en 2024 (12)")
    parser.add_argument("--data", default=str(BENCH_DIR / "data"), help="carpeta de los datos generados")


def main(argv: list[str] | None = None) -> int:
    parser = SpanishParser(prog="python -m bench", description="Banco de pruebas de rendimiento a escala nacional.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="solo genera los archivos de entrada")
    _add_scale(gen)
    run = sub.add_parser("run", help="genera (si hace falta) y mide carga, exportación y páginas")
    _add_scale(run)
    run.add_argument("--out", default=str(BENCH_DIR / "out"), help="carpeta de resultados (bench/out)")
    run.add_argument("--quick", action="store_true",
                     help="versión corta para CI: una sola escala, páginas una vez, sin punto de 1M")
    run.add_argument("--sin-escala-1m", action="store_true", help="no repite la medición con 1 000 000 solicitudes")
    run.add_argument("--regenerar", action="store_true", help="regenera los datos aunque ya existan")
    run.add_argument("--rondas", type=int, default=None,
                     help="rondas alternadas de línea base y carga de solicitudes; se informa la mediana (3; 1 con --quick)")
    sug = sub.add_parser("sugerencias", help="mide las sugerencias de entes para nombres desconocidos")
    sug.add_argument("--entes", type=int, default=8000, help="entes del catálogo (8 000)")
    sug.add_argument("--nombres", type=int, default=10_000, help="nombres desconocidos distintos (10 000)")
    ident = sub.add_parser("identidad", help="construye el ejemplo con otra revisión y con la copia de trabajo y "
                                             "compara datos de ejemplo, almacén, exportación y fichas")
    ident.add_argument("--antes", default="main", help="revisión de git a comparar (main)")
    ident.add_argument("--carpeta", default=str(BENCH_DIR / "out" / "identidad"), help="carpeta de trabajo")
    ev = sub.add_parser("evaluaciones", help="mide el envío de evaluaciones ciudadanas y su costo en la construcción")
    ev.add_argument("--evaluaciones", type=int, default=200_000, help="evaluaciones en el almacén (200 000)")
    ev.add_argument("--envios", type=int, default=200, help="envíos medidos (200)")
    ev.add_argument("--url", default=None, help="un PostgreSQL vacío donde medir también los envíos (se llena)")
    keys = sub.add_parser("claves", help="mide una fila por ente y periodo en las tablas del índice: PRIMARY KEY "
                                          "contra la comprobación antes del reemplazo")
    keys.add_argument("--entes", type=int, default=8000, help="entes (8 000)")
    keys.add_argument("--rondas", type=int, default=3, help="rondas alternadas (3)")
    args = parser.parse_args(argv)
    if args.command == "claves":
        from bench.index_keys import measure as measure_keys, report as keys_report
        print(keys_report(measure_keys(args.entes, args.rondas)))
        return 0
    if args.command == "evaluaciones":
        from bench.evaluations import report as evaluations_report
        print(evaluations_report(args.evaluaciones, args.envios, args.url))
        return 0
    if args.command == "identidad":
        from bench.identity import run, text
        report = run(args.antes, Path(args.carpeta))
        print(text(report, args.antes))
        return 0 if report.identical else 1
    if args.command == "sugerencias":
        from bench.suggestions import measure, report
        print(report(measure(args.entes, args.nombres)))
        return 0
    if getattr(args, "rondas", 0) is None:
        args.rondas = 1 if args.quick else 3
    if args.asistencias is None:
        args.asistencias = 2_000_000 if not getattr(args, "quick", False) else max(1000, args.requests // 50)
    if args.command == "generate":
        from bench.generate import generate
        folder = Path(args.data) / _tag(_scale(args))
        generate(folder, _scale(args))
        print(f"Datos generados en {folder}")
        return 0
    from bench.run import run_benchmark
    return run_benchmark(args, _scale(args))


def _tag(scale: Scale) -> str:
    return f"r{scale.requests}_e{scale.entes}_a{scale.attendance}_m{scale.months}"


if __name__ == "__main__":
    sys.exit(main())
