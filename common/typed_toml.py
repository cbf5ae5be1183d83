"""TOML files declared as data, checked against typed objects (the dbt-semantic-interfaces way).

A file's shape is a dataclass whose fields are its keys: a scalar (str, int, float, bool; `X | None` when it may be
left out; `str | int` when either is fine), a list of scalars, a nested dataclass ([tabla]), a list of dataclasses ([[tabla]]) or a dict of them
([tabla.nombre]). A field without a default must be written. `check` walks a file against its dataclass and returns
every problem at once, each in Spanish naming the file, the entry and the key and saying how to fix it; the loaders
add the rules of their own domain to the same list and raise one error with all of them.

`build` turns a checked table into the dataclass. Values are kept as written (an int stays an int where a float is
declared), so what a loader returned before it was moved here is what it returns now.
"""
from __future__ import annotations

import functools
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

from common.errors import TableroError

T = TypeVar("T")

_WORDS = {str: "un texto entre comillas", int: "un número entero", float: "un número", bool: "true o false"}


def read_toml(path: Path, problems: list[str]) -> dict | None:
    """The file's tables; None, with the reason and its fix appended to `problems`, when it cannot be read."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path.name}: no existe en {path.parent}; copie ahí el archivo que trae el proyecto")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{path.name}: no es TOML válido ({exc}); revise comillas y corchetes, y guárdelo en UTF-8")
    except OSError as exc:
        problems.append(f"{path.name}: no se puede leer ({exc}); revise que el archivo exista y se pueda leer")
    return None


def check(data: Mapping, model: type, name: str) -> list[str]:
    """Every problem of a whole file (`name`: the file's name) against its dataclass: unknown keys, missing keys,
    blank required texts and values of the wrong type, in the file's order."""
    return _table_problems(data, model, name, top=True)


def entries(data: Mapping, key: str, model: type, where: str) -> list[tuple[str, dict]]:
    """The tables of the array [[key]] with the name each problem of theirs goes under: 'indice.toml, dimension 2
    (verificacion)', the entry named by the first field of `model` (its id)."""
    label = fields(model)[0].name
    value = data.get(key, [])
    if not isinstance(value, list):
        return []
    return [(f"{where}, {key} {n} ({entry.get(label) or f'sin {label}'})", entry)
            for n, entry in enumerate(value, start=1) if isinstance(entry, dict)]


def build(data: Mapping, model: type[T]) -> T:
    """The dataclass of a table `check` found no problem in; nested tables become their dataclasses."""
    hints = _hints(model)
    return model(**{key: _build_value(value, hints[key]) for key, value in data.items()})


def raise_problems(path: Path, problems: list[str], error: type[TableroError]) -> None:
    """One error listing every problem of the file, or nothing when there is none."""
    if problems:
        raise error(f"{path.name} tiene errores:\n- " + "\n- ".join(problems))


def read_checked(path: Path, model: type) -> tuple[dict, list[str]]:
    """The file's tables ({} when it cannot be read) and every problem `check` finds in them, for a loader that adds
    the rules of its own domain before raising."""
    problems: list[str] = []
    data = read_toml(path, problems)
    if data is None:
        return {}, problems
    return data, problems + check(data, model, path.name)


def load_typed(path: Path, model: type[T], error: type[TableroError]) -> T:
    """The file as its dataclass; raises `error` listing every problem when it cannot be read or does not fit."""
    data, problems = read_checked(path, model)
    raise_problems(path, problems, error)
    return build(data, model)


def repeated_ids(data: Mapping, key: str, model: type, where: str) -> list[str]:
    """The tables of [[key]] whose id (the first field of `model`) an earlier one already has."""
    label = fields(model)[0].name
    seen: set = set()
    problems = []
    for entry_where, entry in entries(data, key, model, where):
        value = entry.get(label)
        if isinstance(value, str) and value in seen:
            problems.append(f"{entry_where}: {label} «{value}» repetido; cada [[{key}]] necesita uno propio")
        seen.add(value if isinstance(value, str) else None)
    return problems


def is_number(value: object) -> bool:
    """An int or a float, not true/false: for a loader's own rules, which compare only values of the right type
    (a wrong one is already among `check`'s problems)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# ---- the walk ---------------------------------------------------------------------------------------------------

@functools.cache
def _hints(model: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once: get_type_hints evaluates every annotation string each time, which
    was a tenth of a second of every build (a build checks several TOML catalogs, each entry against its model)."""
    return typing.get_type_hints(model)


def _table_problems(table: Mapping, model: type, where: str, top: bool = False) -> list[str]:
    hints = _hints(model)
    unknown = "clave de primer nivel desconocida" if top else "clave desconocida"
    known = ", ".join(_spelled(f.name, hints[f.name]) for f in fields(model))
    problems = [f"{where}: {unknown} «{key}»; use solo {known}" for key in table if key not in hints]
    for f in fields(model):
        if f.name not in table:
            if _required(f):
                problems.append(f"{where}: falta «{f.name}»")
            continue
        value = table[f.name]
        if _required(f) and isinstance(value, str) and not value.strip():
            problems.append(f"{where}: «{f.name}» está vacío; escriba su texto")
        problems += _value_problems(value, hints[f.name], f.name, where)
    return problems


def _value_problems(value: Any, kind: Any, key: str, where: str) -> list[str]:
    kind = _without_none(kind)
    origin = typing.get_origin(kind)
    if is_dataclass(kind):
        if not isinstance(value, dict):
            return [_wrong(where, key, f"una tabla [{key}]", value)]
        return _table_problems(value, kind, f"{where}, [{key}]")
    if origin in (list, tuple):
        item = typing.get_args(kind)[0]
        if not isinstance(value, list):
            return [_wrong(where, key, "una lista entre corchetes [ ]", value)]
        if is_dataclass(item):
            bad = [_wrong(where, f"{key} {n}", f"una tabla [[{key}]]", v)
                   for n, v in enumerate(value, start=1) if not isinstance(v, dict)]
            return bad + [p for w, entry in entries({key: value}, key, item, where)
                          for p in _table_problems(entry, item, w)]
        wrong = [v for v in value if not _fits(v, item)]
        return [_wrong(where, key, f"una lista de {_plural(item)}", wrong[0])] if wrong else []
    if origin is dict:
        item = typing.get_args(kind)[1]
        if not isinstance(value, dict):
            return [_wrong(where, key, f"una tabla [{key}]", value)]
        if is_dataclass(item):
            return [p for name, v in value.items() for p in (
                _table_problems(v, item, f"{where}, [{key}.{name}]") if isinstance(v, dict)
                else [_wrong(where, f"{key}.{name}", f"una tabla [{key}.{name}]", v)])]
        return [p for name, v in value.items() for p in _value_problems(v, item, f"{key}.{name}", where)]
    return [] if _fits(value, kind) else [_wrong(where, key, _word(kind), value)]


def _fits(value: Any, kind: Any) -> bool:
    if _is_union(kind):  # a scalar written either way (an article: "91" or 91)
        return any(_fits(value, k) for k in typing.get_args(kind))
    # bool is an int in Python: true/false where a number goes (or a number where true/false goes) is a mistake.
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return is_number(value)
    return isinstance(value, kind)


def _wrong(where: str, key: str, expected: str, value: Any) -> str:
    return f"{where}: «{key}» debe ser {expected}; se encontró {value!r}"


def _word(kind: Any) -> str:
    return " o ".join(_WORDS[k] for k in typing.get_args(kind)) if _is_union(kind) else _WORDS[kind]


def _plural(kind: type) -> str:
    return {str: "textos entre comillas", int: "números enteros", float: "números", bool: "true o false"}[kind]


def _spelled(key: str, kind: Any) -> str:
    """How a key is written in the file: [[nivel]] for an array of tables, [limites] for a table, else its name."""
    kind = _without_none(kind)
    if typing.get_origin(kind) in (list, tuple) and is_dataclass(typing.get_args(kind)[0]):
        return f"[[{key}]]"
    if is_dataclass(kind) or (typing.get_origin(kind) is dict and is_dataclass(typing.get_args(kind)[1])):
        return f"[{key}]"
    return key


def _required(f: Field) -> bool:
    return f.default is MISSING and f.default_factory is MISSING


def _is_union(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType)


def _without_none(kind: Any) -> Any:
    if _is_union(kind):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else typing.Union[tuple(args)]
    return kind


def _build_value(value: Any, kind: Any) -> Any:
    kind = _without_none(kind)
    origin = typing.get_origin(kind)
    if is_dataclass(kind):
        return build(value, kind)
    if origin in (list, tuple):
        items = [_build_value(v, typing.get_args(kind)[0]) for v in value]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        return {name: _build_value(v, typing.get_args(kind)[1]) for name, v in value.items()}
    return value
