"""Command lines that speak Spanish: argparse's own words (usage, options, help, its error messages) translated,
so `python -m etl --help` reads like the rest of the product."""
from __future__ import annotations

import argparse
import re
import sys

# argparse's messages (Python 3.11–3.13) and their Spanish; %s parts are kept.
_ERRORS = [
    (r"the following arguments are required: (.*)", r"faltan argumentos obligatorios: \1"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"argumento \1: opción no válida: \2 (elija entre \3)"),
    (r"argument (.*?): expected one argument", r"argumento \1: falta su valor"),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"argumento \1: valor no válido (\2): \3"),
    (r"argument (.*?): not allowed with argument (.*)", r"argumento \1: no se puede usar junto con \2"),
    (r"unrecognized arguments: (.*)", r"argumentos no reconocidos: \1"),
    (r"ambiguous option: (.*?) could match (.*)", r"opción ambigua: \1 puede ser \2"),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class SpanishParser(argparse.ArgumentParser):
    """argparse.ArgumentParser with its help and errors in Spanish; subcommands get the same class."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="muestra esta ayuda y termina")

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("title", "órdenes")
        kwargs.setdefault("metavar", "ORDEN")
        return super().add_subparsers(**kwargs)

    def error(self, message: str):
        for pattern, spanish in _ERRORS:
            message = re.sub(pattern, spanish, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")
