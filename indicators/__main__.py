"""Command line: `python -m indicators export [--db PATH] [--out FILE] [--format csv|parquet]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse.paths import served_db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indicators", description="Indicadores del Tablero de Transparencia.")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="exporta todos los indicadores (datos abiertos)")
    export.add_argument("--db", default=str(served_db()), help="almacén DuckDB")
    export.add_argument("--out", default=None, help="archivo destino (por omisión indicadores.csv o .parquet)")
    export.add_argument("--format", choices=["csv", "parquet"], default="csv")
    args = parser.parse_args(argv)
    from indicators.export import export_indicators
    out = Path(args.out or f"indicadores.{args.format}")
    try:
        rows = export_indicators(Path(args.db), out, args.format)
    except FileNotFoundError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    print(f"{rows:,} filas escritas en {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
