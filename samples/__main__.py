"""`python -m samples [--out DIR] [--con-errores]`: writes the sample input files (also `python -m etl sample`)."""
from __future__ import annotations

import sys

from common.cli import SpanishParser
from common.paths import DEFAULT_INPUTS
from samples.write import command


def main(argv: list[str] | None = None) -> int:
    parser = SpanishParser(prog="python -m samples", description="Datos de ejemplo del Tablero de "
                                     "Transparencia, en los formatos que reciben los funcionarios.")
    parser.add_argument("--out", default=str(DEFAULT_INPUTS), help="carpeta destino")
    parser.add_argument("--con-errores", action="store_true", help="agrega un archivo con filas erróneas de muestra")
    args = parser.parse_args(argv)
    return command(args.out, args.con_errores)


if __name__ == "__main__":
    sys.exit(main())
