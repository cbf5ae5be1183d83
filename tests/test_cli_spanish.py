"""Every command line answers --help and its errors in Spanish (common/cli.py), like the rest of the product."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ("usage:", "options:", "show this help", "positional arguments", "the following arguments",
           "invalid choice", "unrecognized arguments")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("command", [("etl",), ("etl", "build"), ("indicators",), ("indicators", "fichas"),
                                     ("samples",), ("participacion",), ("access",), ("bench",)])
def test_help_is_in_spanish(command):
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("uso: python -m ")
    assert "muestra esta ayuda y termina" in result.stdout
    assert not [w for w in ENGLISH if w in result.stdout]


def test_errors_are_in_spanish():
    bad = run("indicators", "export", "--format", "xls")
    assert bad.returncode == 2
    assert "argumento --format: opción no válida: 'xls' (elija entre 'csv', 'parquet')" in bad.stderr
    missing = run("indicators")
    assert "faltan argumentos obligatorios: ORDEN" in missing.stderr
    extra = run("samples", "--sobra")
    assert "argumentos no reconocidos: --sobra" in extra.stderr
    assert not [w for w in ENGLISH if w in bad.stderr + missing.stderr + extra.stderr]
