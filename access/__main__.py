"""`python -m access usuarios`: validates data/catalogos/usuarios.csv and lists who has which role today."""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date

from common.cli import SpanishParser
from access.users import ROLES, UsersCatalogError, catalog_path, load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = SpanishParser(prog="python -m access", description="Acceso al tablero: catálogo de roles.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("usuarios", help="revisa data/catalogos/usuarios.csv y cuenta los roles vigentes")
    check.add_argument("--fecha", type=date.fromisoformat, default=None, help="día de la vigencia (AAAA-MM-DD)")
    args = parser.parse_args(argv)
    day = args.fecha or date.today()
    try:
        users = load_catalog()
    except UsersCatalogError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    counts = Counter(u.rol for u in users if u.vigente(day))
    print(f"{catalog_path()}: {len(users)} filas válidas; vigentes el {day}: "
          + ", ".join(f"{rol} {counts.get(rol, 0)}" for rol in ROLES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
