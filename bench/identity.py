"""`python -m bench identidad`: proves that a change of the code's layout changed nothing the product writes.

It builds the sample twice, once with the code of a git revision (default: main) and once with the working tree,
each with the product's own commands (`etl sample`, `etl build`, `indicators export` in CSV and Parquet,
`indicators fichas` for the last closed month), then compares:

- every sample file, byte for byte;
- every table and view of the two warehouses: the same tables, the same columns (name, type, order) and the same
  rows (as multisets: all rows, in any order), except for what differs between any two builds (IGNORED, below);
- the two exports, byte for byte;
- the PDF fichas, byte for byte once their creation stamp is set aside (PDF_STAMPS).

A deliberate change of the warehouse (a column renamed) is declared in RENAMED and listed in the report.
The revision's build is kept in the folder (one per commit) and reused by the next run.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SECRET = "identidad-de-la-construccion"  # the pseudonym key of both builds: the same person, the same hash
BUILD = "<build>"

# What legitimately differs between two builds of the same files: the build's id (inside every carga_id, on
# every fact row), when it ran and how long each file took. Nothing else is ignored.
IGNORED: dict[str, dict[str, str]] = {
    # table: {column: SQL that replaces it in the comparison}
    "carga": {"build_id": f"'{BUILD}'", "inicio": "NULL", "segundos": "NULL"},
    "metadatos": {"valor": "CASE WHEN clave = 'construido_en' THEN NULL ELSE valor END"},
}
# Deliberate changes of the warehouse: (table, column after) → column before.
RENAMED: dict[tuple[str, str], str] = {
    ("solicitud", "layout"): "sistema",
}
# fpdf2 stamps each PDF with the time it was written and an id derived from it.
PDF_STAMPS = re.compile(rb"/CreationDate \(D:[0-9Z+'-]*\)|/ID \[<[0-9A-F]+><[0-9A-F]+>\]")


@dataclass
class Report:
    differences: list[str] = field(default_factory=list)
    compared: list[str] = field(default_factory=list)
    deliberate: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.differences


def produce(code: Path, out: Path, say=print) -> None:
    """Sample, warehouse, exports and fichas written by the code in `code` into `out`."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TABLERO_")}
    env.update(TABLERO_SECRETO=SECRET, PYTHONDONTWRITEBYTECODE="1")
    db = out / "tablero.duckdb"
    steps = [
        ["etl", "sample", "--out", str(out / "entradas")],
        ["etl", "sample", "--con-errores", "--out", str(out / "entradas_con_errores")],
        ["etl", "build", "--inputs", str(out / "entradas"), "--db", str(db)],
        ["indicators", "export", "--db", str(db), "--out", str(out / "indicadores.csv")],
        ["indicators", "export", "--db", str(db), "--out", str(out / "indicadores.parquet"), "--format", "parquet"],
        ["indicators", "fichas", "--db", str(db), "--out", str(out / "fichas")],
    ]
    for step in steps:
        say(f"  [{code.name}] python -m {' '.join(step[:2])}…")
        proc = subprocess.run([PY, "-m", *step], cwd=code, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"python -m {' '.join(step)} falló en {code}:\n{proc.stderr[-3000:]}")


def checkout(ref: str, folder: Path) -> tuple[Path, str]:
    """The code of `ref` (a clean copy through git archive, never a worktree of the repository) and its commit."""
    commit = subprocess.run(["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    code = folder / f"codigo-{commit[:12]}"
    if not (code / "etl").is_dir():
        code.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    return code, commit


def compare_files(before: Path, after: Path, label: str, report: Report, normalize=lambda b: b) -> None:
    names_before = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names_after = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    for name in sorted(names_before ^ names_after):
        where = "antes" if name in names_before else "después"
        report.differences.append(f"{label}: {name} solo existe {where}")
    for name in sorted(names_before & names_after):
        if normalize((before / name).read_bytes()) != normalize((after / name).read_bytes()):
            report.differences.append(f"{label}: {name} cambió")
    report.compared.append(f"{label}: {len(names_before & names_after)} archivos")


def _columns(con, db: str, table: str) -> list[tuple[str, str]]:
    return con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = ? "
                       "AND table_name = ? ORDER BY ordinal_position", [db, table]).fetchall()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select(db: str, table: str, columns: list[tuple[str, str]], build_id: str, renamed: dict[str, str]) -> str:
    """The rows of one side, with the build id and the ignored columns set aside; columns renamed on purpose
    take their name from the other side."""
    parts = []
    for name, kind in columns:
        expression = IGNORED.get(table, {}).get(name, _quoted(name))
        if kind == "VARCHAR" or kind.startswith("ENUM"):
            # build ids are ours (a timestamp and hex digits), never data: safe inside the statement
            expression = f"replace(CAST({expression} AS VARCHAR), '{build_id}', '{BUILD}')"
        parts.append(f"{expression} AS {_quoted(renamed.get(name, name))}")
    return f"SELECT {', '.join(parts)} FROM {db}.main.{_quoted(table)}"


def compare_warehouses(before: Path, after: Path, report: Report) -> None:
    con = duckdb.connect()
    con.execute(f"ATTACH '{before}' AS antes (READ_ONLY)")
    con.execute(f"ATTACH '{after}' AS despues (READ_ONLY)")
    tables = {}
    for db in ("antes", "despues"):
        tables[db] = {name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'main'",
            [db]).fetchall()}
        tables[db + "_id"] = con.execute(f"SELECT valor FROM {db}.metadatos WHERE clave = 'build_id'").fetchone()[0]
    for name in sorted(tables["antes"] ^ tables["despues"]):
        report.differences.append(f"almacén: la tabla {name} solo existe {'antes' if name in tables['antes'] else 'después'}")
    rows_total = 0
    for table in sorted(tables["antes"] & tables["despues"]):
        cols_before, cols_after = _columns(con, "antes", table), _columns(con, "despues", table)
        # A rename applies only where the revision compared still has the old name (main may have it already).
        renamed = {after_name: before_name for (t, after_name), before_name in RENAMED.items() if t == table
                   and any(c == after_name for c, _ in cols_after) and any(c == before_name for c, _ in cols_before)}
        for after_name, before_name in renamed.items():
            report.deliberate.append(f"{table}.{before_name} se llama ahora {table}.{after_name}")
        if [(renamed.get(c, c), k) for c, k in cols_after] != cols_before:
            report.differences.append(f"almacén: las columnas de {table} cambiaron: {cols_before} → {cols_after}")
            continue
        a = _select("antes", table, cols_before, tables["antes_id"], {})
        b = _select("despues", table, cols_after, tables["despues_id"], renamed)
        only_before = con.execute(f"SELECT count(*) FROM ({a} EXCEPT ALL {b})").fetchone()[0]
        only_after = con.execute(f"SELECT count(*) FROM ({b} EXCEPT ALL {a})").fetchone()[0]
        rows = con.execute(f"SELECT count(*) FROM ({a})").fetchone()[0]
        rows_total += rows
        if only_before or only_after:
            report.differences.append(f"almacén: {table} difiere ({only_before} filas solo antes, {only_after} solo "
                                      f"después, de {rows})")
    con.close()
    report.compared.append(f"almacén: {len(tables['antes'] & tables['despues'])} tablas y vistas, {rows_total:,} filas")


def compare(before: Path, after: Path) -> Report:
    report = Report()
    compare_files(before / "entradas", after / "entradas", "datos de ejemplo", report)
    compare_files(before / "entradas_con_errores", after / "entradas_con_errores", "datos de ejemplo con errores",
                  report)
    compare_warehouses(before / "tablero.duckdb", after / "tablero.duckdb", report)
    for name in ("indicadores.csv", "indicadores.parquet"):
        same = (before / name).read_bytes() == (after / name).read_bytes()
        report.compared.append(f"exportación {name}: {(after / name).stat().st_size:,} bytes")
        if not same:
            report.differences.append(f"exportación: {name} cambió")
    compare_files(before / "fichas", after / "fichas", "fichas PDF", report, lambda b: PDF_STAMPS.sub(b"", b))
    return report


def run(ref: str, folder: Path, say=print) -> Report:
    folder.mkdir(parents=True, exist_ok=True)
    code, commit = checkout(ref, folder)
    before = folder / f"antes-{commit[:12]}"
    if not (before / "listo").exists():
        say(f"Construyendo con el código de {ref} ({commit[:12]})…")
        produce(code, before, say)
        (before / "listo").write_text(commit + "\n", encoding="utf-8")
    else:
        say(f"Se reutiliza la construcción de {ref} ({commit[:12]}) en {before}.")
    say("Construyendo con el código de la copia de trabajo…")
    produce(ROOT, folder / "despues", say)
    return compare(before, folder / "despues")


def text(report: Report, ref: str) -> str:
    lines = [f"Comparado con {ref}:"] + [f"  {c}" for c in report.compared]
    if report.deliberate:
        lines += ["Cambios deliberados (RENAMED en bench/identity.py):"] + [f"  {d}" for d in report.deliberate]
    if report.identical:
        lines.append("IDÉNTICOS: datos de ejemplo, almacén (salvo id de construcción, fecha y segundos), exportación "
                     "y fichas.")
    else:
        lines += ["DIFERENCIAS:"] + [f"  {d}" for d in report.differences]
    return "\n".join(lines)
