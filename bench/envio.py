"""`python -m bench.envio [--db PATH] [--periodo AAAA-MM]`: what the monthly delivery costs, as a ratio to writing
the same PDF fichas (`python -m indicators fichas`, the baseline measured in the same run).

Every ente of the catalog gets a titular and an enlace (a copy of data/catalogos/ with a usuarios.csv made here), and
the messages go to a real SMTP server on 127.0.0.1 (aiosmtpd, a test dependency) with a fresh SQLite delivery log:
so the delivery pays everything it pays in production (the ficha, the top actions, the message, SMTP, the log)
except the network. Without --db it builds the sample warehouse first. Prints one JSON object.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

from common.paths import CATALOGOS_DIR  # noqa: E402
from delivery import commands  # noqa: E402
from delivery.settings import DeliverySettings, SmtpSettings  # noqa: E402
from indicators.fichas import write_fichas  # noqa: E402
from participacion import engine, migrate  # noqa: E402
from smtp_server import SmtpServer  # noqa: E402


def _sample(folder: Path) -> Path:
    from etl.build import build_warehouse
    from samples.write import write_sample

    write_sample(folder / "inputs", years=(2024, 2025), requests_per_year=1500, with_errors=False)
    db = folder / "tablero.duckdb"
    build_warehouse(folder / "inputs", db, today=dt.date(2026, 11, 29))
    return db


def _catalog_for_every_ente(folder: Path) -> Path:
    catalogs = folder / "catalogos"
    shutil.copytree(CATALOGOS_DIR, catalogs)
    with open(catalogs / "entes.csv", encoding="utf-8-sig", newline="") as fh:
        entes = [r["ente_id"] for r in csv.DictReader(fh)]
    with open(catalogs / "usuarios.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("correo,rol,ente_id,vigente_desde,vigente_hasta\n")
        for ente in entes:
            fh.write(f"titular@{ente.lower()}.ejemplo.gob.mx,titular,{ente},,\n")
            fh.write(f"ut@{ente.lower()}.ejemplo.gob.mx,enlace,{ente},,\n")
    return catalogs


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.envio")
    parser.add_argument("--db", default=None, help="almacén (por omisión, construye el de ejemplo)")
    parser.add_argument("--periodo", default="2025-06")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_envio_") as tmp:
        tmp = Path(tmp)
        db = Path(args.db) if args.db else _sample(tmp)
        os.environ["TABLERO_CATALOGOS"] = str(_catalog_for_every_ente(tmp))
        store = engine.create(f"sqlite:///{tmp / 'participacion.sqlite'}")
        migrate.migrate(store)
        server = SmtpServer().start()
        try:
            settings = DeliverySettings(SmtpSettings("127.0.0.1", server.port, "tablero@sabgob.ejemplo.gob.mx"),
                                        "https://tablero.ejemplo.gob.mx", 36.0)
            start = time.perf_counter()
            fichas = write_fichas(db, args.periodo, tmp / "fichas", progress=None)
            baseline = time.perf_counter() - start
            start = time.perf_counter()
            sent = commands.send_fichas(db, args.periodo, settings=settings, store=store)
            delivery = time.perf_counter() - start
            start = time.perf_counter()
            again = commands.send_fichas(db, args.periodo, settings=settings, store=store)
            repeat = time.perf_counter() - start
            start = time.perf_counter()
            reminders = commands.send_reminders(db, hoy=dt.date(2025, 12, 1), settings=settings, store=store)
            reminding = time.perf_counter() - start
        finally:
            server.stop()
    print(json.dumps({
        "periodo": args.periodo, "fichas": len(fichas), "segundos_fichas_pdf": round(baseline, 2),
        "correos_enviados": len(sent.enviados), "segundos_envio": round(delivery, 2),
        "razon_envio_sobre_fichas": round(delivery / baseline, 2),
        "segundos_segunda_corrida": round(repeat, 2), "ya_enviados": len(again.ya_enviados),
        "recordatorios": len(reminders.enviados), "segundos_recordatorios": round(reminding, 2),
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
