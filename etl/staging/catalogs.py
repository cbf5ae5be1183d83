"""Loads the editable catalogs in data/catalogos/ into a warehouse, checking them all at once."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from common.bulk import insert_rows
from common.csvfiles import is_yes, read_rows
from common.errors import CatalogError
from common.links import https_problem, pnt_id_problem
from common.names import ABBREVIATION_KINDS, name_variants, normalize_name
from etl import sql
from etl.staging.perfil_ut import PERFIL_FILE, load_tiers

CALENDAR_START = dt.date(2000, 1, 1)
CALENDAR_END = dt.date(2031, 12, 31)
ENTE_COLUMNS = ("ente_id", "nombre_oficial", "siglas", "categoria", "grupo_pares", "ambito", "vigente_desde",
                "vigente_hasta", "sucesor_id", "verificado", "fuente", "id_sujeto_obligado_pnt",
                "url_portal_transparencia")


@dataclass(frozen=True)
class Ente:
    ente_id: str
    nombre_oficial: str
    siglas: str | None


def _date(value: str, where: str, problems: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: fecha '{value}' no válida; use el formato AAAA-MM-DD.")
        return None


def load_catalogs(con: duckdb.DuckDBPyConnection, catalog_dir: Path) -> None:
    """Fill ente, ente_alias, calendario_inhabil, suspension_plazos, calendario, plazo_legal, perfil_ut. Raises
    CatalogError listing all problems."""
    problems: list[str] = []
    entes = _load_entes(con, catalog_dir / "entes.csv", problems)
    _load_aliases(con, catalog_dir / "ente_alias.csv", entes, problems)
    _load_succession(con, catalog_dir / "ente_sucesion.csv", entes, problems)
    _load_suspensions(con, catalog_dir / "suspension_plazos.csv", problems)
    _load_office_hours(con, catalog_dir / "horario_oficina.csv", problems)
    _load_calendar(con, catalog_dir / "calendario_inhabil.csv", problems)
    _load_plazos(con, catalog_dir / "plazo_legal.csv", problems)
    _check_abbreviations(catalog_dir / "ente_abreviaturas.csv", problems)
    load_tiers(con, catalog_dir / PERFIL_FILE, problems)
    _load_request_classes(con, catalog_dir, problems)
    _load_appeal_causes(con, catalog_dir / "causa_recurso.csv", problems)
    if problems:
        raise CatalogError("Los catálogos tienen errores:\n- " + "\n- ".join(problems))


def _load_entes(con, path: Path, problems: list[str]) -> dict[str, Ente]:
    rows = read_rows(path)
    entes: dict[str, Ente] = {}
    records = []
    for i, r in enumerate(rows, start=2):
        where = f"{path.name}, fila {i}"
        ente_id = r.get("ente_id", "")
        if not ente_id or not r.get("nombre_oficial") or not r.get("grupo_pares"):
            problems.append(f"{where}: faltan ente_id, nombre_oficial o grupo_pares.")
            continue
        if ente_id in entes:
            problems.append(f"{where}: ente_id '{ente_id}' repetido; cada ente necesita un id único.")
            continue
        if not r.get("ambito"):
            problems.append(f"{where}: falta el ámbito del ente (estatal o federal): dice qué leyes y plazos aplican.")
            continue
        entes[ente_id] = Ente(ente_id, r["nombre_oficial"], r.get("siglas") or None)
        records.append((ente_id, r["nombre_oficial"], r.get("siglas") or None, r.get("categoria") or "Sin categoría",
                        r["grupo_pares"], r["ambito"], _date(r.get("vigente_desde", ""), where, problems),
                        _date(r.get("vigente_hasta", ""), where, problems), r.get("sucesor_id") or None,
                        is_yes(r.get("verificado", "")), r.get("fuente") or None, *_links(r, where, problems)))
    insert_rows(con, "ente", ENTE_COLUMNS, records)  # thousands of rows in a national catalog: one Arrow insert
    return entes


# Where the ente publishes its obligations (common/links.py builds the links from these columns only).
LINK_CHECKS = {"id_sujeto_obligado_pnt": pnt_id_problem, "url_portal_transparencia": https_problem}


def _links(row: dict[str, str], where: str, problems: list[str]) -> tuple[str | None, ...]:
    values = []
    for column, problem_of in LINK_CHECKS.items():
        value = row.get(column) or None
        problem = problem_of(value) if value else None
        if problem:
            problems.append(f"{where}, columna {column}: «{value}» {problem}; corríjala o déjela vacía (la página dirá "
                            "que no hay enlace registrado).")
            value = None
        values.append(value)
    return tuple(values)


def _load_aliases(con, path: Path, entes: dict[str, Ente], problems: list[str]) -> None:
    """Every ente is known by its official name, its siglas and 'name (siglas)'; the file adds spellings seen in sources."""
    aliases: dict[str, tuple[str, str, str]] = {}

    def add(alias: str, ente_id: str, fuente: str, where: str) -> None:
        for key in name_variants(alias)[:1] or []:
            previous = aliases.get(key)
            if previous and previous[1] != ente_id:
                problems.append(f"{where}: el nombre '{alias}' apunta a '{ente_id}' y también a '{previous[1]}'; "
                                "quite uno de los dos.")
                return
            aliases[key] = (alias, ente_id, fuente)

    for e in entes.values():
        add(e.nombre_oficial, e.ente_id, "catálogo de entes", f"entes.csv ({e.ente_id})")
        if e.siglas:
            add(e.siglas, e.ente_id, "catálogo de entes (siglas)", f"entes.csv ({e.ente_id})")
            add(f"{e.nombre_oficial} ({e.siglas})", e.ente_id, "catálogo de entes", f"entes.csv ({e.ente_id})")
        add(e.ente_id, e.ente_id, "catálogo de entes (id)", f"entes.csv ({e.ente_id})")
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        if r.get("ente_id") not in entes:
            problems.append(f"{where}: ente_id '{r.get('ente_id')}' no existe en entes.csv.")
            continue
        add(r["alias"], r["ente_id"], r.get("fuente") or "ente_alias.csv", where)
    insert_rows(con, "ente_alias", ["alias_normalizado", "alias", "ente_id", "fuente"],
                [(k, a, e, f) for k, (a, e, f) in sorted(aliases.items())])


SUCCESSION_TYPES = {"renombre", "fusion", "escision", "reestructura"}


def _load_succession(con, path: Path, entes: dict[str, Ente], problems: list[str]) -> None:
    """Renames, mergers and splits; an ente with a single successor also gets ente.sucesor_id."""
    records = []
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        unknown = [k for k in ("ente_id", "sucesor_id") if r.get(k) not in entes]
        if unknown:
            problems.append(f"{where}: {', '.join(f'{k} «{r.get(k)}»' for k in unknown)} no existe en entes.csv.")
            continue
        if r.get("tipo") not in SUCCESSION_TYPES:
            problems.append(f"{where}: tipo «{r.get('tipo')}» no válido; use uno de {sorted(SUCCESSION_TYPES)}.")
            continue
        fecha = _date(r.get("fecha", ""), where, problems)
        if fecha:
            records.append((r["ente_id"], r["sucesor_id"], fecha, r["tipo"], r.get("fuente") or None))
    successors: dict[str, list[str]] = {}
    for ente_id, sucesor_id, *_ in records:
        successors.setdefault(ente_id, []).append(sucesor_id)
    for start in successors:  # a cycle would make a series follow itself forever
        seen, frontier = {start}, list(successors[start])
        while frontier:
            nxt = frontier.pop()
            if nxt == start:
                problems.append(f"{path.name}: la sucesión de '{start}' forma un ciclo.")
                break
            if nxt not in seen:
                seen.add(nxt)
                frontier += successors.get(nxt, [])
    insert_rows(con, "ente_sucesion", ["ente_id", "sucesor_id", "fecha", "tipo", "fuente"], records)
    con.execute("""UPDATE ente SET sucesor_id = s.sucesor_id
                   FROM (SELECT ente_id, any_value(sucesor_id) AS sucesor_id FROM ente_sucesion
                         GROUP BY ente_id HAVING count(*) = 1) s
                   WHERE ente.ente_id = s.ente_id""")


SUSPENSION_SCOPES = {"solicitudes", "recursos", "todos"}


def _load_suspensions(con, path: Path, problems: list[str]) -> None:
    """Periods in which terms do not run; the calendar (loaded next) leaves out those that reach requests."""
    if not path.exists():
        return
    records = []
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        desde, hasta = _date(r.get("desde", ""), where, problems), _date(r.get("hasta", ""), where, problems)
        if desde is None:
            problems.append(f"{where}: falta la fecha «desde» de la suspensión (AAAA-MM-DD).")
            continue
        if hasta is not None and hasta < desde:
            problems.append(f"{where}: «hasta» ({hasta}) es anterior a «desde» ({desde}); revise ambas fechas.")
            continue
        if r.get("alcance") not in SUSPENSION_SCOPES:
            problems.append(f"{where}: alcance «{r.get('alcance')}» no válido; use uno de {sorted(SUSPENSION_SCOPES)}.")
            continue
        if not r.get("motivo"):
            problems.append(f"{where}: falta el motivo de la suspensión.")
            continue
        records.append((desde, hasta, r["alcance"], r["motivo"], r.get("fuente") or None,
                        is_yes(r.get("confirmado", ""))))
    insert_rows(con, "suspension_plazos", ["desde", "hasta", "alcance", "motivo", "fuente", "confirmado"], records)


def _load_office_hours(con, path: Path, problems: list[str]) -> None:
    """The closing time after which a filing counts from the next working day: one row, HH:MM."""
    rows = read_rows(path) if path.exists() else []
    if len(rows) != 1:
        problems.append(f"{path.name}: debe tener exactamente una fila (hora_cierre, confirmado, fuente); tiene "
                        f"{len(rows)}.")
        return
    r = rows[0]
    try:
        hora = dt.time.fromisoformat(r.get("hora_cierre", ""))
    except ValueError:
        problems.append(f"{path.name}, fila 2: hora_cierre «{r.get('hora_cierre')}» no válida; use HH:MM (por "
                        "ejemplo 18:00).")
        return
    con.execute("INSERT INTO horario_oficina (hora_cierre, confirmado, fuente) VALUES (?, ?, ?)",
                [hora, is_yes(r.get("confirmado", "")), r.get("fuente") or None])


def _load_calendar(con, path: Path, problems: list[str]) -> None:
    holidays: dict[dt.date, tuple] = {}
    for i, r in enumerate(read_rows(path), start=2):
        d = _date(r.get("fecha", ""), f"{path.name}, fila {i}", problems)
        if d:
            holidays[d] = (d, r.get("motivo") or "Día inhábil", r.get("ambito"), r.get("fuente"), is_yes(r.get("confirmado", "")))
    insert_rows(con, "calendario_inhabil", ["fecha", "motivo", "ambito", "fuente", "confirmado"],
                sorted(holidays.values()))
    con.execute(sql("catalogs/calendario.sql"), {"inicio": CALENDAR_START, "fin": CALENDAR_END})


def _load_plazos(con, path: Path, problems: list[str]) -> None:
    records = []
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        try:
            dias, ampl = int(r["dias_respuesta"]), int(r["dias_ampliacion"])
        except (KeyError, ValueError):
            problems.append(f"{where}: dias_respuesta y dias_ampliacion deben ser números enteros.")
            continue
        desde = _date(r.get("vigente_desde", ""), where, problems)
        if desde is None:
            problems.append(f"{where}: falta vigente_desde.")
            continue
        if not r.get("ambito"):
            problems.append(f"{where}: falta el ámbito (estatal o federal) al que aplica esta versión de la ley.")
            continue
        # The sub-deadlines (notoria incompetencia, prevención) are optional: empty, their indicators say sin datos.
        sub = []
        for col in ("dias_incompetencia", "dias_prevencion"):
            text = (r.get(col) or "").strip()
            if text and not text.isdigit():
                problems.append(f"{where}: {col} «{text}» debe ser un número entero de días hábiles o quedar vacío.")
            sub.append(int(text) if text.isdigit() else None)
        records.append((r["ley_version"], r.get("ley_nombre"), r["ambito"], r["tipo_solicitud"], dias, ampl, desde,
                        _date(r.get("vigente_hasta", ""), where, problems), is_yes(r.get("confirmado", "")),
                        r.get("fuente"), *sub, r.get("fuente_subplazos") or None))
    insert_rows(con, "plazo_legal", ["ley_version", "ley_nombre", "ambito", "tipo_solicitud", "dias_respuesta",
                                     "dias_ampliacion", "vigente_desde", "vigente_hasta", "confirmado", "fuente",
                                     "dias_incompetencia", "dias_prevencion", "fuente_subplazos"], records)
    overlaps = con.execute(sql("catalogs/plazos_traslapados.sql")).fetchall()
    for a, b, tipo, ambito in overlaps:
        problems.append(f"{path.name}: las vigencias de {a} y {b} se traslapan para {tipo} en el ámbito {ambito}.")
    orphans = con.execute("""SELECT DISTINCT e.ambito FROM ente e
                             WHERE e.ambito NOT IN (SELECT ambito FROM plazo_legal) ORDER BY 1""").fetchall()
    for (ambito,) in orphans:
        problems.append(f"entes.csv: el ámbito «{ambito}» no tiene plazos en {path.name}; agréguelos o corrija el "
                        "ámbito de esos entes (estatal o federal).")


def _check_abbreviations(path: Path, problems: list[str]) -> None:
    """ente_abreviaturas.csv: how published tables abbreviate and decorate names (etl/names.py applies it)."""
    if not path.exists():
        return
    for i, r in enumerate(read_rows(path), start=2):
        where = f"{path.name}, fila {i}"
        if not normalize_name(r.get("forma")):
            problems.append(f"{where}: falta la forma (la abreviatura o el calificativo como se escribe).")
        if r.get("tipo") not in ABBREVIATION_KINDS:
            problems.append(f"{where}: tipo «{r.get('tipo')}» no válido; use uno de {sorted(ABBREVIATION_KINDS)}.")
        elif r["tipo"] == "abreviatura" and not normalize_name(r.get("significa")):
            problems.append(f"{where}: una abreviatura necesita en «significa» la forma completa.")


# The counts of base_solicitud_mes a request's state or answer category can put it in (estado_solicitud.csv,
# categoria_respuesta.csv): the response counts are read from the catalog by indicators/sql/bases/; the state's are
# what that SQL does with each state, stated for Metodología and checked by tests/test_categorias_solicitud.py.
STATE_COUNTS = frozenset({"respondidas", "suma_dias", "suma_plazo", "con_plazo_determinado", "en_plazo", "pendientes",
                          "abiertas_en_plazo", "vencidas_sin_respuesta"})
ANSWER_COUNTS = frozenset({"con_respuesta_final", "resp_entrega", "resp_inexistencia", "resp_incompetencia",
                           "resp_clasificada", "resp_competente", "con_plazo_determinado", "vencidas_sin_respuesta"})
# Categories the facts give a request whatever its answer says (etl/sql/facts/solicitud.sql).
BUILT_IN_CATEGORIES = ("desechada", "en_proceso", "sin_dato")


def _load_request_classes(con, catalog_dir: Path, problems: list[str]) -> None:
    """estado_solicitud.csv and categoria_respuesta.csv (what each state and answer category counts in), and every
    value of estatus.csv and respuesta.csv with its class and legal basis (Metodología's table of values)."""
    classes = {}
    for name, table, key, allowed, mapped in (
            ("estado_solicitud.csv", "estado_solicitud", "estado", STATE_COUNTS, "estatus.csv"),
            ("categoria_respuesta.csv", "categoria_respuesta", "categoria", ANSWER_COUNTS, "respuesta.csv")):
        records = []
        if not (catalog_dir / name).exists():
            problems.append(f"Falta {name} en {catalog_dir}: dice en qué conteos entra cada {key}; cópielo de "
                            "data/catalogos/ del tablero.")
        for i, r in enumerate(read_rows(catalog_dir / name) if (catalog_dir / name).exists() else [], start=2):
            counts = [c for c in (r.get("entra_en") or "").split(";") if c]
            for c in sorted(set(counts) - allowed):
                problems.append(f"{name}, fila {i}: «{c}» no es un conteo que {key} pueda alimentar; use los de "
                                f"{sorted(allowed)}.")
            records.append((r.get(key), r.get("nombre") or r.get(key), counts, r.get("fundamento") or None))
        insert_rows(con, table, [key, "nombre", "entra_en", "fundamento"], records)  # table: a constant of this loop
        classes[mapped] = {r[0] for r in records} if (catalog_dir / name).exists() else None
    for missing in sorted(set(BUILT_IN_CATEGORIES) - (classes["respuesta.csv"] or set(BUILT_IN_CATEGORIES))):
        problems.append(f"categoria_respuesta.csv: falta la categoría «{missing}», que el tablero da a las solicitudes "
                        "en trámite, desechadas o sin dato de respuesta.")
    values = []
    for name, key, kind in (("estatus.csv", "estado", "estatus"), ("respuesta.csv", "categoria", "respuesta")):
        for i, r in enumerate(read_rows(catalog_dir / name), start=2):
            if classes[name] is not None and r.get(key) not in classes[name] | (
                    {"terminada", "en_proceso"} if kind == "estatus" else set()):
                problems.append(f"{name}, fila {i}: {key} «{r.get(key)}» no está en "
                                f"{'estado_solicitud.csv' if kind == 'estatus' else 'categoria_respuesta.csv'}; "
                                "agréguelo allí con los conteos en que entra.")
            values.append((kind, i - 1, r.get("valor"), r.get(key), r.get("fuente") or None,
                           r.get("fundamento") or None))
    insert_rows(con, "catalogo_valor_solicitud", ["catalogo", "orden", "valor", "clase", "fuente", "fundamento"],
                values)


def _load_appeal_causes(con, path: Path, problems: list[str]) -> None:
    """causa_recurso.csv maps written causes to keys; each key's name and legal basis, once, for the pages."""
    causes: dict[str, tuple[str, str | None]] = {}
    for i, r in enumerate(read_rows(path) if path.exists() else [], start=2):
        if not r.get("causa") or not r.get("nombre"):
            problems.append(f"{path.name}, fila {i}: faltan la causa o su nombre.")
            continue
        causes.setdefault(r["causa"], (r["nombre"], r.get("fundamento") or None))
    insert_rows(con, "causa_recurso", ["causa", "nombre", "fundamento"], [(k, *v) for k, v in causes.items()])


def load_value_map(catalog_dir: Path, name: str) -> list[dict[str, str]]:
    """A value map (estatus.csv, respuesta.csv, …) as rows."""
    return read_rows(catalog_dir / name)
