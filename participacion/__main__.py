"""Command line of the participación store:

    python -m participacion migrate [--url URL]          applies the pending migrations
    python -m participacion estado [--url URL]           lists applied and pending migrations
    python -m participacion bitacora [--desde AAAA-MM-DD] [--hasta AAAA-MM-DD] [--out FILE] [--url URL]
                                                         writes the access log as CSV (UTF-8 with BOM)
    python -m participacion envios [--out FILE] [--url URL]   writes the delivery log as CSV (UTF-8 with BOM)
    python -m participacion ejemplo [--archivo FILE] [--url URL]
                                                         loads the sample evaluations into a store without any
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from common.csv_export import csv_bytes
from common.errors import TableroError
from common.secret import secret
from participacion import access_log, config, delivery_log, engine, migrate, seed

SEED_FILE = config.ROOT / "data" / "inputs" / "participacion" / "evaluaciones_ejemplo.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m participacion",
                                     description="Almacén de participación (bitácora de acceso y datos escritos).")
    parser.add_argument("--url", default=None, help=f"URL de SQLAlchemy (por omisión {config.URL_ENV}, "
                        "[connections.participacion] de .streamlit/secrets.toml o SQLite en data/participacion/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="aplica las migraciones pendientes")
    sub.add_parser("estado", help="migraciones aplicadas y pendientes")
    log = sub.add_parser("bitacora", help="escribe la bitácora de acceso en CSV")
    log.add_argument("--desde", type=date.fromisoformat, default=None, help="primer día (AAAA-MM-DD, UTC)")
    log.add_argument("--hasta", type=date.fromisoformat, default=None, help="último día (AAAA-MM-DD, UTC)")
    log.add_argument("--out", default=None, help="archivo CSV (por omisión, la salida estándar)")
    sent = sub.add_parser("envios", help="escribe la bitácora de envíos (fichas y recordatorios) en CSV")
    sent.add_argument("--out", default=None, help="archivo CSV (por omisión, la salida estándar)")
    sample = sub.add_parser("ejemplo", help="carga las evaluaciones ciudadanas de ejemplo en un almacén sin evaluaciones")
    sample.add_argument("--archivo", default=str(SEED_FILE), help="el archivo que escribe python -m etl sample "
                        "(por omisión data/inputs/participacion/evaluaciones_ejemplo.csv)")
    args = parser.parse_args(argv)
    try:
        url = args.url or config.store_url()
        store = engine.create(url)
        return COMMANDS[args.command](store, args)
    except TableroError as exc:  # the store's settings, a migration, the access log, the evaluations
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a server that does not answer, a bad URL: say it plainly, no traceback
        print(f"ERROR: no se pudo usar el almacén de participación ({type(exc).__name__}: "
              f"{str(exc).splitlines()[0] if str(exc) else ''}). Revise la URL y que el servidor esté en marcha.",
              file=sys.stderr)
        return 1


def _migrate(store, _args) -> int:
    ran = migrate.migrate(store)
    where = store.url.render_as_string(hide_password=True)
    if ran:
        print(f"Migraciones aplicadas en {where}: " + ", ".join(f"{m.version:04d}_{m.nombre}" for m in ran))
    else:
        print(f"El almacén de participación ({where}) ya está al día.")
    return 0


def _status(store, _args) -> int:
    done = migrate.applied(store)
    for version, (nombre, when) in sorted(done.items()):
        print(f"{version:04d}_{nombre}\taplicada el {str(when)[:19]} UTC")
    waiting = migrate.pending(store)
    for m in waiting:
        print(f"{m.version:04d}_{m.nombre}\tpendiente: python -m participacion migrate")
    return 0


def _access_log(store, args) -> int:
    return _write_csv(access_log.read(store, args.desde, args.hasta), args.out)


def _delivery_log(store, args) -> int:
    return _write_csv(delivery_log.read(store), args.out)


def _write_csv(frame, out: str | None) -> int:
    """UTF-8 with BOM, formulas neutralized (the logs hold texts from outside: pages, servers' answers)."""
    data = csv_bytes(frame)
    if out:
        Path(out).write_bytes(data)
        print(f"{len(frame):,} registros escritos en {out}", file=sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8-sig"))
    return 0


def _sample(store, args) -> int:
    path = Path(args.archivo)
    if args.url is None and store.url.render_as_string(hide_password=False) != config.default_url():
        print("Las evaluaciones de ejemplo se cargan solo en el almacén local por omisión (data/participacion/); el "
              f"configurado es {store.url.render_as_string(hide_password=True)}. Para cargarlas ahí, indíquelo con "
              "--url.")
        return 0
    if not path.is_file():
        print(f"ERROR: no existe {path}; escríbalo con: python -m etl sample", file=sys.stderr)
        return 1
    if migrate.pending(store):
        print("ERROR: el almacén de participación tiene migraciones pendientes; ejecute antes: "
              "python -m participacion migrate", file=sys.stderr)
        return 1
    result = seed.load_seed(store, path, secret())  # the sample's client addresses are keyed like the page's
    if not result.cargada:
        print("El almacén de participación ya tiene evaluaciones: no se cargan las de ejemplo (nunca se mezclan con "
              "evaluaciones reales).")
        return 0
    blocked = ", ".join(f"{n} {estado}" for estado, n in sorted(result.bloqueadas.items())) or "ninguno"
    print(f"Evaluaciones de ejemplo: {result.registradas:,} registradas, intentos bloqueados: {blocked}; "
          f"{result.decisiones:,} decisiones de moderación.")
    return 0


COMMANDS = {"migrate": _migrate, "estado": _status, "bitacora": _access_log, "envios": _delivery_log,
            "ejemplo": _sample}

if __name__ == "__main__":
    sys.exit(main())
