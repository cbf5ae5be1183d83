"""Command line: `python -m etl build|sample|fetch|alias`. Messages in Spanish; exit code 0 only when all went well."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common.errors import AliasError, BuildError, FetchError
from common.paths import DEFAULT_INPUTS, catalogos_dir, served_db
from etl.alias import append_aliases, chosen, describe, parse_acceptance, unresolved_names
from etl.build import build_warehouse
from etl.fetch import fetch
from participacion.config import StoreConfigError, store_url
from samples.write import command as sample_command


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
    try:
        report = build_warehouse(Path(args.inputs), Path(args.db), strict=args.strict, progress=_progress,
                                 participacion=args.participacion or store_url())
    except (BuildError, StoreConfigError) as exc:
        print(f"ERROR: {exc}\nEl almacén que sirve el tablero no se modificó.", file=sys.stderr)
        return 1
    print(_summary(report, tiempos=args.tiempos))
    return 0


def cmd_fetch(args) -> int:
    try:
        result = fetch(args.url, Path(args.inputs), args.fuente, max_bytes=int(args.max_mb * (1 << 20)),
                       name=args.nombre, replace=args.reemplazar)
    except FetchError as exc:
        print(f"ERROR: {exc}\nNo se escribió nada en {args.inputs}.", file=sys.stderr)
        return 1
    print(f"Descargado {result.path} ({result.bytes:,} bytes, {result.content_type or 'tipo desconocido'}, "
          f"sha256 {result.sha256}).\nConstruya el almacén con: python -m etl build --inputs {args.inputs}")
    return 0


def cmd_alias(args) -> int:
    catalog_dir = Path(args.catalogos) if args.catalogos else catalogos_dir()
    try:
        items, labels = unresolved_names(Path(args.db), catalog_dir)
        if not items:
            print("Todos los nombres de entes de la última construcción se resolvieron: no hay nada que agregar.")
            return 0
        print(f"Nombres de entes sin resolver en la última construcción ({len(items)}), con los entes más parecidos:")
        for n, item in enumerate(items, start=1):
            print(describe(n, item, labels))
        if args.aceptar:
            accepted = chosen(items, [parse_acceptance(a) for a in args.aceptar])
        elif args.lista or not sys.stdin.isatty():
            print("Para aceptar sin preguntas: python -m etl alias --aceptar N (la primera sugerencia del nombre N) "
                  "o --aceptar N:M (la sugerencia M); se puede repetir.")
            return 0
        else:
            accepted = _ask(items, labels)
        if not accepted:
            print("No se agregó ningún alias.")
            return 0
        path = append_aliases(catalog_dir, accepted)
    except AliasError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    for alias, ente_id in accepted:
        print(f"Agregado: «{alias}» → {labels.get(ente_id, ente_id)}")
    print(f"{len(accepted)} alias escritos en {path}. Reconstruya el almacén para usarlos: python -m etl build")
    return 0


def _ask(items, labels) -> list[tuple[str, str]]:
    """One question per unresolved name: a suggestion's number, an ente_id, Enter to skip, q to stop."""
    accepted = []
    for item in items:
        if item.resuelto:
            continue
        while True:
            answer = input(f"«{item.valor}»: número de sugerencia, id del ente, Enter para omitir o q para "
                           "terminar: ").strip()
            if answer.lower() == "q":
                return accepted
            if not answer:
                break
            if answer.isdigit() and 1 <= int(answer) <= len(item.sugerencias):
                accepted.append((item.valor, item.sugerencias[int(answer) - 1]))
                break
            if answer.upper() in labels:
                accepted.append((item.valor, answer.upper()))
                break
            print("  No es una opción: escriba el número de una sugerencia o el id de un ente de entes.csv.")
    return accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Carga de datos del Tablero de Transparencia.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="construye el almacén DuckDB a partir de data/inputs/")
    build.add_argument("--inputs", default=str(DEFAULT_INPUTS), help="carpeta con solicitudes/, recursos/ …")
    build.add_argument("--db", default=str(served_db()), help="archivo DuckDB a producir")
    build.add_argument("--strict", action="store_true", help="falla si alguna fila se rechaza")
    build.add_argument("--participacion", default=None, metavar="URL",
                       help="almacén de participación cuyas evaluaciones ciudadanas se leen (por omisión el "
                            "configurado: TABLERO_PARTICIPACION_URL, .streamlit/secrets.toml o "
                            "data/participacion/participacion.sqlite si existe)")
    build.add_argument("--tiempos", action="store_true", help="muestra el tiempo de cada fase de la construcción")
    build.set_defaults(func=cmd_build)
    sample = sub.add_parser("sample", help="escribe datos de ejemplo realistas en el formato de la PNT")
    sample.add_argument("--out", default=str(DEFAULT_INPUTS), help="carpeta destino")
    sample.add_argument("--con-errores", action="store_true", help="agrega un archivo con filas erróneas de muestra")
    sample.set_defaults(func=lambda args: sample_command(args.out, args.con_errores))
    fetch = sub.add_parser("fetch", help="descarga un archivo fuente a data/inputs/<fuente>/")
    fetch.add_argument("url", help="dirección http(s) del archivo")
    fetch.add_argument("--fuente", default="solicitudes", help="fuente o carpeta destino (solicitudes, recursos …)")
    fetch.add_argument("--inputs", default=str(DEFAULT_INPUTS), help="carpeta con solicitudes/, recursos/ …")
    fetch.add_argument("--max-mb", type=float, default=200, help="tamaño máximo aceptado en MB (200)")
    fetch.add_argument("--nombre", default=None, help="nombre del archivo guardado (por omisión, el del servidor)")
    fetch.add_argument("--reemplazar", action="store_true", help="sustituye un archivo de entrada que ya exista")
    fetch.set_defaults(func=cmd_fetch)
    alias = sub.add_parser("alias", help="nombres de entes sin resolver: sugerencias y alta en ente_alias.csv")
    alias.add_argument("--db", default=str(served_db()), help="almacén de la última construcción")
    alias.add_argument("--catalogos", default=None, help="carpeta de catálogos (por omisión data/catalogos/)")
    alias.add_argument("--aceptar", action="append", metavar="N[:M]",
                       help="acepta la sugerencia M (1 por omisión) del nombre N, sin preguntar; se puede repetir")
    alias.add_argument("--lista", action="store_true", help="solo lista los nombres y sus sugerencias")
    alias.set_defaults(func=cmd_alias)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
