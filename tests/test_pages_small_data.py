"""Every page survives the smallest warehouses officials can produce: nothing loaded, or a single request (so
every ente falls below the minimum denominator and the Ranking has nobody to rank). Found while a rebuild
swapped in a small warehouse under the running app (tests/test_concurrent_use.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_page
from helpers import PLANTILLA_HEADER, build, write

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ONE_REQUEST = f"240000000000001,2026-08-03,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2026-09-03,No,No\n"


@pytest.fixture(scope="module", params=["vacio", "una_solicitud"])
def small_db(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    (base / "in").mkdir()
    if request.param == "una_solicitud":
        write(base / "in" / "solicitudes" / "una.csv", PLANTILLA_HEADER + "\n" + ONE_REQUEST)
    return build(base / "in", base)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_an_exception(small_db, page, monkeypatch, local_mode):
    monkeypatch.setenv("TABLERO_DB", str(small_db))
    at = run_page(page, timeout=60)
    assert not at.exception, [e.value for e in at.exception]
