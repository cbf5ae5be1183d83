"""The one checker of the product's TOML files (common/typed_toml.py): a file is read into typed objects, and every
problem (unknown key, missing key, blank text, wrong type) is reported at once in Spanish, naming the file, the entry
and the key."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from common.errors import DefinitionError
from common.typed_toml import load_typed


@dataclass(frozen=True)
class Curso:
    id: str
    horas: int
    calificacion_minima: float = 8.0
    en_linea: bool | None = None
    temas: tuple[str, ...] = ()
    aula: str | int | None = None   # "B-2" or 12


@dataclass(frozen=True)
class Aviso:
    texto: str


@dataclass(frozen=True)
class Programa:
    nombre: str
    curso: list[Curso] = field(default_factory=list)
    aviso: dict[str, Aviso] = field(default_factory=dict)


VALID = '''nombre = "Capacitación 2025"

[[curso]]
id = "LGTAIP"
horas = 10
temas = ["obligaciones", "plazos"]

[[curso]]
id = "ARCOP"
horas = 4
calificacion_minima = 7
en_linea = true
aula = 12

[aviso.cierre]
texto = "Las inscripciones cierran el viernes."
'''


def load(tmp_path, text):
    path = tmp_path / "programa.toml"
    path.write_text(text, encoding="utf-8")
    return load_typed(path, Programa, DefinitionError)


def problems(tmp_path, text) -> list[str]:
    with pytest.raises(DefinitionError) as err:
        load(tmp_path, text)
    header, *lines = str(err.value).split("\n- ")
    assert header == "programa.toml tiene errores:"
    return lines


def test_a_valid_file_becomes_its_objects_with_the_values_as_written(tmp_path):
    programa = load(tmp_path, VALID)
    assert programa == Programa(
        nombre="Capacitación 2025",
        curso=[Curso("LGTAIP", 10, temas=("obligaciones", "plazos")), Curso("ARCOP", 4, 7, True, aula=12)],
        aviso={"cierre": Aviso("Las inscripciones cierran el viernes.")})
    # 7 is kept an int where a float is declared: a loader moved onto the checker returns what it returned before.
    assert type(programa.curso[1].calificacion_minima) is int


def test_an_unknown_key_names_the_entry_and_the_keys_it_may_use(tmp_path):
    assert problems(tmp_path, VALID.replace("horas = 4", "horas = 4\nhora = 4")) == [
        "programa.toml, curso 2 (ARCOP): clave desconocida «hora»; use solo id, horas, calificacion_minima, "
        "en_linea, temas, aula"]
    assert problems(tmp_path, VALID + "\n[extra]\nx = 1\n") == [
        "programa.toml: clave de primer nivel desconocida «extra»; use solo nombre, [[curso]], [aviso]"]


def test_a_missing_or_blank_key_is_named(tmp_path):
    assert problems(tmp_path, VALID.replace('id = "ARCOP"\n', "")) == ["programa.toml, curso 2 (sin id): falta «id»"]
    assert problems(tmp_path, VALID.replace('nombre = "Capacitación 2025"', 'nombre = " "')) == [
        "programa.toml: «nombre» está vacío; escriba su texto"]


def test_a_wrong_type_says_what_was_expected_and_what_was_found(tmp_path):
    assert problems(tmp_path, VALID.replace("horas = 10", 'horas = "diez"')) == [
        "programa.toml, curso 1 (LGTAIP): «horas» debe ser un número entero; se encontró 'diez'"]
    # true is not a number, nor 1 a true/false, although Python counts bool as int.
    assert problems(tmp_path, VALID.replace("horas = 4", "horas = true").replace("en_linea = true", "en_linea = 1")) \
        == ["programa.toml, curso 2 (ARCOP): «horas» debe ser un número entero; se encontró True",
            "programa.toml, curso 2 (ARCOP): «en_linea» debe ser true o false; se encontró 1"]
    assert problems(tmp_path, VALID.replace("aula = 12", "aula = 1.5")) == [
        "programa.toml, curso 2 (ARCOP): «aula» debe ser un texto entre comillas o un número entero; se encontró 1.5"]
    assert problems(tmp_path, VALID.replace('"plazos"]', "3]")) == [
        "programa.toml, curso 1 (LGTAIP): «temas» debe ser una lista de textos entre comillas; se encontró 3"]


def test_every_problem_of_every_entry_is_reported_together(tmp_path):
    text = (VALID.replace("horas = 10\n", "").replace("en_linea = true", 'en_linea = "si"\nsala = 2')
            .replace('texto = "Las', 'textos = "Las') + "\n[extra]\n")
    assert problems(tmp_path, text) == [
        "programa.toml: clave de primer nivel desconocida «extra»; use solo nombre, [[curso]], [aviso]",
        "programa.toml, curso 1 (LGTAIP): falta «horas»",
        "programa.toml, curso 2 (ARCOP): clave desconocida «sala»; use solo id, horas, calificacion_minima, "
        "en_linea, temas, aula",
        "programa.toml, curso 2 (ARCOP): «en_linea» debe ser true o false; se encontró 'si'",
        "programa.toml, [aviso.cierre]: clave desconocida «textos»; use solo texto",
        "programa.toml, [aviso.cierre]: falta «texto»",
    ]


def test_a_file_that_is_not_toml_or_not_there_says_how_to_fix_it(tmp_path):
    assert problems(tmp_path, 'nombre = "sin cerrar\n')[0].startswith(
        "programa.toml: no es TOML válido (")
    with pytest.raises(DefinitionError, match=r"otro.toml: no existe en .*; copie ahí el archivo que trae"):
        load_typed(tmp_path / "otro.toml", Programa, DefinitionError)
