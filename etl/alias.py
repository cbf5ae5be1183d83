"""`python -m etl alias`: the ente names of the last build that resolve to no ente, each with the closest known
entes, and the accepted ones written to data/catalogos/ente_alias.csv (the next build then resolves them).

Names come from the served warehouse (ente_sin_resolver, with their rejected rows); the catalogs are read again
from disk, so a name added to ente_alias.csv since the build is not offered twice.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from common.errors import AliasError
from common.names import name_variants
from common.paths import schema_files
from etl import sql
from etl.staging.catalogs import load_catalogs
from etl.staging.ente_names import EnteResolver, closest_entes, ente_labels


@dataclass
class Unresolved:
    valor: str
    filas: int
    archivos: list[str]
    sugerencias: list[str] = field(default_factory=list)   # ente_ids, best first
    resuelto: str | None = None                            # ente_id when today's catalogs already resolve it


def unresolved_names(db_path: Path, catalog_dir: Path) -> tuple[list[Unresolved], dict[str, str]]:
    """The unresolved names of the last build (most rejected rows first) and the labels of the catalog's entes."""
    if not Path(db_path).exists():
        raise AliasError(f"No existe el almacén {db_path}; constrúyalo primero con: python -m etl build")
    with duckdb.connect(str(db_path), read_only=True) as wh:
        try:
            found = wh.execute(sql("commands/nombres_sin_resolver.sql")).fetchall()
        except duckdb.CatalogException:
            raise AliasError(f"El almacén {db_path} es de una versión anterior; reconstrúyalo con: python -m etl build") \
                from None
    with duckdb.connect() as con:
        for schema in schema_files():  # the catalogs fill tables of several of them (perfil_ut)
            con.execute(schema.read_text(encoding="utf-8"))
        load_catalogs(con, catalog_dir)
        resolver = EnteResolver.from_warehouse(con, catalog_dir)
        labels = ente_labels(con)
    closest = closest_entes([valor for valor, _f, _a in found], resolver.aliases, labels)
    out = []
    for valor, filas, archivos in found:
        item = Unresolved(valor, int(filas), list(archivos or []), resuelto=resolver.resolve(valor))
        if item.resuelto is None:
            both = resolver.ambiguous(valor)
            item.sugerencias = both + [e for e, _label, _score in closest[valor] if e not in both]
        out.append(item)
    return out, labels


def describe(n: int, item: Unresolved, labels: dict[str, str]) -> str:
    where = f"{item.filas} filas rechazadas" + (f" en {', '.join(item.archivos)}" if item.archivos else "")
    lines = [f"{n}. «{item.valor}» ({where})"]
    if item.resuelto:
        lines.append(f"   ya se resuelve con los catálogos actuales como {labels.get(item.resuelto, item.resuelto)}: "
                     "reconstruya el almacén (python -m etl build).")
    elif item.sugerencias:
        lines += [f"   {k}) {labels.get(e, e)} [{e}]" for k, e in enumerate(item.sugerencias, start=1)]
    else:
        lines.append("   sin sugerencias: si es un ente nuevo, agréguelo a data/catalogos/entes.csv.")
    return "\n".join(lines)


def parse_acceptance(text: str) -> tuple[int, int]:
    """'3' → name 3, first suggestion; '3:2' → name 3, second suggestion."""
    try:
        name, _, choice = text.partition(":")
        return int(name), int(choice or 1)
    except ValueError:
        raise AliasError(f"--aceptar «{text}» no válido: use el número del nombre (3) o nombre:sugerencia (3:2).") \
            from None


def chosen(items: list[Unresolved], acceptances: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(name as written, ente_id) for each accepted (name number, suggestion number). Raises AliasError."""
    out = []
    for n, k in acceptances:
        if not 1 <= n <= len(items):
            raise AliasError(f"No hay nombre número {n}: la lista tiene {len(items)}.")
        item = items[n - 1]
        if item.resuelto:
            raise AliasError(f"«{item.valor}» ya se resuelve con los catálogos actuales; reconstruya el almacén.")
        if not 1 <= k <= len(item.sugerencias):
            raise AliasError(f"«{item.valor}» no tiene sugerencia número {k} (tiene {len(item.sugerencias)}).")
        out.append((item.valor, item.sugerencias[k - 1]))
    return out


def append_aliases(catalog_dir: Path, accepted: list[tuple[str, str]], today: dt.date | None = None) -> Path:
    """Appends the accepted spellings to ente_alias.csv (quoted as CSV needs), each with where it came from.
    A spelling already there (for any ente) is refused: the catalog would point one name to two entes."""
    path = Path(catalog_dir) / "ente_alias.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        existing = {name_variants(r["alias"])[0]: r["ente_id"] for r in csv.DictReader(fh) if name_variants(r["alias"])}
    for alias, ente_id in accepted:
        key = name_variants(alias)[0]
        if key in existing:
            raise AliasError(f"«{alias}» ya está en {path} (apunta a {existing[key]}); no se escribió nada.")
        existing[key] = ente_id
    fuente = f"python -m etl alias ({(today or dt.date.today()).isoformat()})"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for alias, ente_id in accepted:
        writer.writerow([alias, ente_id, fuente])
    text = path.read_text(encoding="utf-8-sig")
    if text and not text.endswith("\n"):
        buffer = io.StringIO("\n" + buffer.getvalue())
    with path.open("a", encoding="utf-8", newline="") as fh:
        fh.write(buffer.getvalue())
    return path
