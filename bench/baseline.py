"""Baseline: DuckDB's bare read_csv of the requests file into a table of a new database file.

The fair equivalent of what the loader reads: the same file, the same dialect (comma, '"' quote and escape,
header), every one of its columns declared explicitly as VARCHAR (the loader declares all columns VARCHAR and
types them in SQL staging), no sniffing. No trimming, no row numbers, no validation: just parse and store.
Run as `python -m bench.baseline CSV DB`; prints the seconds and the rows as JSON.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

import duckdb


def bare_read(csv_path: Path, db_path: Path) -> dict:
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    columns = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in header) + "}"
    db_path.unlink(missing_ok=True)
    con = duckdb.connect(str(db_path))
    try:
        t0 = time.perf_counter()
        con.execute(f"CREATE TABLE solicitudes AS SELECT * FROM read_csv(?, delim=',', header=true, quote='\"', "
                    f"escape='\"', columns={columns}, auto_detect=false)", [str(csv_path)])
        con.execute("CHECKPOINT")
        seconds = time.perf_counter() - t0
        rows = con.execute("SELECT count(*) FROM solicitudes").fetchone()[0]
    finally:
        con.close()
        db_path.unlink(missing_ok=True)
        db_path.with_name(db_path.name + ".wal").unlink(missing_ok=True)
    return {"segundos": seconds, "filas": rows, "columnas": len(header)}


if __name__ == "__main__":
    print(json.dumps(bare_read(Path(sys.argv[1]), Path(sys.argv[2]))))
