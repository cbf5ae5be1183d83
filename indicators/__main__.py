"""Command line: `python -m indicators export [--conjunto indicadores|ciudadanos] [--db PATH] [--out FILE]
[--format csv|parquet] [--desde AAAA-MM] [--hasta AAAA-MM]`, `python -m indicators fichas`, and the deliveries by
e-mail (delivery/): `python -m indicators enviar` (each titular's ficha) and `python -m indicators recordatorios`
(each Unidad de Transparencia's requests about to expire). Exit code: 0 done, 1 nothing sent (a problem before
sending), 2 some recipient failed (the rest were sent; the next run retries it)."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from common.errors import TableroError
from common.paths import served_db
from delivery import commands
from indicators.export import CONJUNTOS, export_indicators
from indicators.fichas import write_fichas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indicators", description="Indicadores del Tablero de Transparencia.")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="exporta todos los indicadores (datos abiertos)")
    export.add_argument("--conjunto", choices=list(CONJUNTOS), default="indicadores",
                        help="indicadores (todos, por ente, grupo y gobierno) o ciudadanos (evaluación ciudadana y "
                             "verificación por ente, fracción y mes)")
    export.add_argument("--db", default=str(served_db()), help="almacén DuckDB")
    export.add_argument("--out", default=None, help="archivo destino (por omisión <conjunto>.csv o .parquet)")
    export.add_argument("--format", choices=["csv", "parquet"], default="csv")
    export.add_argument("--desde", default=None, help="primer mes (AAAA-MM): periodos que empiezan en él o después")
    export.add_argument("--hasta", default=None, help="último mes (AAAA-MM): periodos que terminan en él o antes")
    fichas = sub.add_parser("fichas", help="una ficha PDF por ente para un periodo (entrega mensual a titulares)")
    fichas.add_argument("--periodo", default=None,
                        help="2025-10 (mes), 2025-T3 (trimestre) o 2025 (año); por omisión, el último mes cerrado")
    fichas.add_argument("--db", default=str(served_db()), help="almacén DuckDB")
    fichas.add_argument("--out", default="fichas", help="carpeta destino")
    fichas.add_argument("--ente", default=None, help="solo este ente (ente_id)")
    send = sub.add_parser("enviar", help="envía a cada titular la ficha PDF de su ente (entrega mensual)")
    send.add_argument("--periodo", default=None, help="2025-10 (mes); por omisión, el último mes cerrado")
    reminders = sub.add_parser("recordatorios", help="envía a cada Unidad de Transparencia sus solicitudes vencidas "
                               "o que vencen en los próximos días hábiles")
    reminders.add_argument("--dias", type=int, default=commands.reminders.DIAS,
                           help="días hábiles hacia adelante (por omisión 3)")
    for cmd in (send, reminders):
        cmd.add_argument("--db", default=str(served_db()), help="almacén DuckDB")
        cmd.add_argument("--ente", default=None, help="solo este ente (ente_id)")
        cmd.add_argument("--prueba", action="store_true",
                         help="escribe los mensajes (.eml) en una carpeta en vez de enviarlos; no registra nada")
        cmd.add_argument("--carpeta", default="envios_prueba", help="carpeta de --prueba (por omisión envios_prueba)")
        cmd.add_argument("--reenviar", action="store_true", help="envía otra vez lo que ya se había enviado")
        cmd.add_argument("--fecha", type=date.fromisoformat, default=None,
                         help="el día del envío (AAAA-MM-DD; por omisión hoy): vigencia del catálogo de usuarios "
                              "y, en los recordatorios, desde cuándo se cuentan los días hábiles")
    args = parser.parse_args(argv)
    if args.command == "fichas":
        return _fichas(args)
    if args.command in ("enviar", "recordatorios"):
        return _deliver(args)
    out = Path(args.out or f"{args.conjunto}.{args.format}")
    try:
        rows = export_indicators(Path(args.db), out, args.format, args.desde, args.hasta, args.conjunto)
    except (FileNotFoundError, ValueError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    print(f"{rows:,} filas escritas en {out}")
    return 0


def _fichas(args) -> int:
    try:
        written = write_fichas(Path(args.db), args.periodo, Path(args.out), args.ente)
    except FileNotFoundError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    except ValueError:
        print(f"ERROR: periodo «{args.periodo}» no válido; use 2025-10, 2025-T3 o 2025.", file=sys.stderr)
        return 1
    if not written:
        which = args.periodo or "el último mes cerrado"
        print(f"Ningún ente tiene índice en {which}; no se escribió ninguna ficha.", file=sys.stderr)
        return 1
    print(f"{len(written)} fichas escritas en {args.out}")
    return 0


def _deliver(args) -> int:
    options = dict(ente=args.ente, prueba_en=Path(args.carpeta) if args.prueba else None, reenviar=args.reenviar,
                   hoy=args.fecha)
    try:
        if args.command == "enviar":
            report = commands.send_fichas(Path(args.db), args.periodo, **options)
        else:
            report = commands.send_reminders(Path(args.db), dias=args.dias, **options)
    except TableroError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    print("\n".join(report.lines(args.prueba)))
    if args.prueba:
        print(f"Mensajes escritos en {args.carpeta}/")
    return 0 if report.ok else 2


if __name__ == "__main__":
    sys.exit(main())
