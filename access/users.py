"""The roles catalog, data/catalogos/usuarios.csv: one row per person and role, with its validity.

    correo,rol,ente_id,vigente_desde,vigente_hasta
    ut@sefiplan.gob.mx,enlace,SEFIPLAN,2026-01-01,

- rol: sabgob and sefiplan see every ente (leave ente_id empty); enlace (the ente's Unidad de Transparencia) and
  titular see their own ente (ente_id of data/catalogos/entes.csv).
- vigente_desde / vigente_hasta: AAAA-MM-DD, both days included; empty means "since always" / "until further
  notice". Outside its validity a row gives no role.
- An address that is not in the catalog, or whose rows are not valid today, is public: never an error.

The whole file is validated at once and every problem is reported with its row, in Spanish.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from common.errors import CatalogError
from common.paths import catalogos_dir

ROLES = {
    "sabgob": "Secretaría Anticorrupción y Buen Gobierno (todos los entes)",
    "sefiplan": "Secretaría de Finanzas y Planeación (todos los entes)",
    "enlace": "Unidad de Transparencia del ente (su ente)",
    "titular": "Titular del ente (su ente)",
}
ENTE_ROLES = frozenset({"enlace", "titular"})
COLUMNS = ("correo", "rol", "ente_id", "vigente_desde", "vigente_hasta")
FILE_NAME = "usuarios.csv"
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


class UsersCatalogError(CatalogError):
    """The roles catalog has problems; `problems` lists every one (Spanish, with its row)."""

    def __init__(self, path: Path, problems: list[str]):
        self.path, self.problems = Path(path), problems
        super().__init__(f"El catálogo de usuarios {path} tiene {len(problems)} problema(s):\n- "
                         + "\n- ".join(problems))


@dataclass(frozen=True)
class UserRole:
    correo: str
    rol: str
    ente_id: str | None
    vigente_desde: date | None
    vigente_hasta: date | None
    fila: int

    def vigente(self, day: date) -> bool:
        return (self.vigente_desde is None or self.vigente_desde <= day) and \
               (self.vigente_hasta is None or day <= self.vigente_hasta)


def normalize_email(value: str | None) -> str:
    """Addresses compare without case or surrounding spaces."""
    return (value or "").strip().lower()


def role_for(users: tuple[UserRole, ...], correo: str | None, day: date) -> UserRole | None:
    """The row that gives `correo` a role on `day`, or None (public)."""
    wanted = normalize_email(correo)
    if not wanted:
        return None
    return next((u for u in users if u.correo == wanted and u.vigente(day)), None)


def with_role(users: tuple[UserRole, ...], rol: str, day: date, ente_id: str | None = None) -> list[UserRole]:
    """The rows valid on `day` for `rol` (e.g. every titular, or the enlaces of one ente)."""
    return [u for u in users if u.rol == rol and u.vigente(day) and (ente_id is None or u.ente_id == ente_id)]


def load_users(path: Path, entes_path: Path) -> tuple[UserRole, ...]:
    """The validated catalog; a missing file is an empty catalog (everyone is public). Raises UsersCatalogError
    with every problem of the file."""
    path, entes_path = Path(path), Path(entes_path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    return _load(str(path), stat.st_mtime_ns, stat.st_size, str(entes_path))


@lru_cache(maxsize=8)
def _load(path: str, _mtime_ns: int, _size: int, entes_path: str) -> tuple[UserRole, ...]:
    entes = _entes(Path(entes_path))
    problems: list[str] = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in reader.fieldnames or []]
            missing = [c for c in COLUMNS if c not in header]
            extra = [c for c in header if c not in COLUMNS]
            if missing or extra:
                parts = ([f"faltan las columnas {', '.join(missing)}"] if missing else []) + \
                        ([f"sobran las columnas {', '.join(extra)}"] if extra else [])
                raise UsersCatalogError(Path(path), [f"encabezado: {'; '.join(parts)}. Las columnas son: "
                                                     f"{','.join(COLUMNS)}"])
            rows = [({k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}, n)
                    for n, raw in enumerate(reader, start=2)]
    except UnicodeDecodeError as exc:
        raise UsersCatalogError(Path(path), [f"el archivo no está en UTF-8 ({exc}); guárdelo como CSV UTF-8"]) from exc
    users = []
    for row, fila in rows:
        user, row_problems = _parse_row(row, fila, entes)
        problems += row_problems
        if user is not None:
            users.append(user)
    problems += _overlaps(users)
    if problems:
        raise UsersCatalogError(Path(path), problems)
    return tuple(users)


def _parse_row(row: dict, fila: int, entes: dict[str, tuple[date | None, date | None]]):
    problems = []
    where = f"fila {fila}"
    correo = normalize_email(row.get("correo"))
    rol = row.get("rol", "").lower()
    ente_id = row.get("ente_id") or None
    if not _EMAIL.match(correo):
        problems.append(f"{where}, columna correo: «{row.get('correo', '')}» no es un correo electrónico")
    if rol not in ROLES:
        problems.append(f"{where}, columna rol: rol desconocido «{row.get('rol', '')}»; use uno de: "
                        f"{', '.join(ROLES)}")
    elif rol in ENTE_ROLES and not ente_id:
        problems.append(f"{where}, columna ente_id: el rol {rol} ve solo su ente; escriba su ente_id "
                        "(data/catalogos/entes.csv)")
    elif rol not in ENTE_ROLES and ente_id:
        problems.append(f"{where}, columna ente_id: el rol {rol} ve todos los entes; deje ente_id vacío")
    if ente_id and ente_id not in entes:
        problems.append(f"{where}, columna ente_id: ente desconocido «{ente_id}»; use un ente_id de "
                        "data/catalogos/entes.csv")
    desde = _date(row.get("vigente_desde"), where, "vigente_desde", problems)
    hasta = _date(row.get("vigente_hasta"), where, "vigente_hasta", problems)
    if desde and hasta and hasta < desde:
        problems.append(f"{where}: vigente_hasta ({hasta}) es anterior a vigente_desde ({desde})")
    if ente_id in entes and desde and entes[ente_id][1] and desde > entes[ente_id][1]:
        problems.append(f"{where}, columna ente_id: el ente {ente_id} dejó de existir el {entes[ente_id][1]}, "
                        f"antes de vigente_desde ({desde}); use el ente que lo sucedió")
    if problems:
        return None, problems
    return UserRole(correo, rol, ente_id, desde, hasta, fila), []


def _date(text: str | None, where: str, column: str, problems: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}, columna {column}: fecha inválida «{text}»; use AAAA-MM-DD (p. ej. 2026-01-31)")
        return None


def _overlaps(users: list[UserRole]) -> list[str]:
    """One address must have one role at a time: two rows valid on the same day would be ambiguous."""
    problems = []
    by_email: dict[str, list[UserRole]] = {}
    for u in users:
        by_email.setdefault(u.correo, []).append(u)
    for correo, rows in by_email.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if (a.vigente_desde or date.min) <= (b.vigente_hasta or date.max) and \
                        (b.vigente_desde or date.min) <= (a.vigente_hasta or date.max):
                    problems.append(f"filas {a.fila} y {b.fila}: {correo} tiene dos roles vigentes a la vez; "
                                    "cierre la vigencia de una fila (vigente_hasta) antes de que empiece la otra")
    return problems


def _entes(path: Path) -> dict[str, tuple[date | None, date | None]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {r["ente_id"]: (_plain_date(r.get("vigente_desde")), _plain_date(r.get("vigente_hasta")))
                for r in csv.DictReader(fh)}


def _plain_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def catalog_path() -> Path:
    """data/catalogos/usuarios.csv (TABLERO_CATALOGOS moves the catalog folder, as for the build)."""
    return catalogos_dir() / FILE_NAME


def load_catalog() -> tuple[UserRole, ...]:
    """The validated catalog of the catalog folder (cached until the file changes)."""
    path = catalog_path()
    return load_users(path, path.parent / "entes.csv")
