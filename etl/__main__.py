"""Command line: `python -m etl build|sample|fetch`. Messages in Spanish; exit code 0 only when all went well."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse.paths import DEFAULT_INPUTS, served_db


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _summary(report, tiempos: bool = False) -> str:
    lines = [f"{'archivo':<40} {'fuente':<12} {'formato':<24} {'leídas':>9} {'cargadas':>9} {'rechazadas':>10} "
             f"{'duplicadas':>10}"]
    for f in report.archivos:
        lines.append(f"{f.archivo[:40]:<40} {f.fuente:<12} {f.layout:<24} {f.filas_leidas:>9,} {f.filas_cargadas:>9,} "
                     f"{f.filas_rechazadas:>10,} {f.filas_duplicadas:>10,}")
        lines += [f"    aviso: {a}" for a in f.avisos]
    total = lambda attr: sum(getattr(f, attr) for f in report.archivos)  # noqa: E731
    lines.append(f"{'TOTAL':<40} {'':<12} {'':<24} {total('filas_leidas'):>9,} {total('filas_cargadas'):>9,} "
                 f"{total('filas_rechazadas'):>10,} {total('filas_duplicadas'):>10,}")
    for fuente in report.fuentes_vacias:
        lines.append(f"Fuente sin archivos: {fuente} (las páginas que la usan dirán que aún no hay datos).")
    if report.filas_rechazadas:
        lines.append("Las filas rechazadas, con archivo, fila, columna y motivo, están en la página "
                     "'Estado de los datos' y en la tabla rechazo.")
    corte = report.fecha_corte.isoformat() if report.fecha_corte else "sin datos"
    lines.append(f"Almacén listo: {report.db_path} (datos al {corte}, {report.segundos:.1f} s).")
    if tiempos and getattr(report, "fases", None):
        lines.append("Tiempos por fase: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.fases.items()))
    return "\n".join(lines)


def cmd_build(args) -> int:
    from etl.build import BuildError, build_warehouse
    try:
        report = build_warehouse(Path(args.inputs), Path(args.db), strict=args.strict, progress=_progress)
    except BuildError as exc:
        print(f"ERROR: {exc}\nEl almacén que sirve el tablero no se modificó.", file=sys.stderr)
        return 1
    print(_summary(report, tiempos=args.tiempos))
    return 0


def cmd_sample(args) -> int:
    from etl.sample import write_sample
    counts = write_sample(Path(args.out), with_errors=args.con_errores)
    for name, n in counts.items():
        print(f"{name}: {n:,} registros")
    print(f"Datos de ejemplo escritos en {args.out}. Construya el almacén con: python -m etl build --inputs {args.out}")
    return 0


def cmd_fetch(args) -> int:
    from etl.fetch import FetchError, fetch
    try:
        result = fetch(args.url, Path(args.inputs), args.fuente, max_bytes=int(args.max_mb * (1 << 20)),
                       name=args.nombre, replace=args.reemplazar)
    except FetchError as exc:
        print(f"ERROR: {exc}\nNo se escribió nada en {args.inputs}.", file=sys.stderr)
        return 1
    print(f"Descargado {result.path} ({result.bytes:,} bytes, {result.content_type or 'tipo desconocido'}, "
          f"sha256 {result.sha256}).\nConstruya el almacén con: python -m etl build --inputs {args.inputs}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Carga de datos del Tablero de Transparencia.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="construye el almacén DuckDB a partir de data/inputs/")
    build.add_argument("--inputs", default=str(DEFAULT_INPUTS), help="carpeta con solicitudes/, recursos/ …")
    build.add_argument("--db", default=str(served_db()), help="archivo DuckDB a producir")
    build.add_argument("--strict", action="store_true", help="falla si alguna fila se rechaza")
    build.add_argument("--tiempos", action="store_true", help="muestra el tiempo de cada fase de la construcción")
    build.set_defaults(func=cmd_build)
    sample = sub.add_parser("sample", help="escribe datos de ejemplo realistas en el formato de la PNT")
    sample.add_argument("--out", default=str(DEFAULT_INPUTS), help="carpeta destino")
    sample.add_argument("--con-errores", action="store_true", help="agrega un archivo con filas erróneas de muestra")
    sample.set_defaults(func=cmd_sample)
    fetch = sub.add_parser("fetch", help="descarga un archivo fuente a data/inputs/<fuente>/")
    fetch.add_argument("url", help="dirección http(s) del archivo")
    fetch.add_argument("--fuente", default="solicitudes", help="fuente o carpeta destino (solicitudes, recursos …)")
    fetch.add_argument("--inputs", default=str(DEFAULT_INPUTS), help="carpeta con solicitudes/, recursos/ …")
    fetch.add_argument("--max-mb", type=float, default=200, help="tamaño máximo aceptado en MB (200)")
    fetch.add_argument("--nombre", default=None, help="nombre del archivo guardado (por omisión, el del servidor)")
    fetch.add_argument("--reemplazar", action="store_true", help="sustituye un archivo de entrada que ya exista")
    fetch.set_defaults(func=cmd_fetch)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
