"""Concurrent use: the real dashboard server keeps answering several simultaneous users while two builds swap
the warehouse under it, shows no error, and shows the new data after the swap without a restart.

Real `streamlit run app.py` on 127.0.0.1, real `python -m etl build` processes, Debian's chromium driven by
Playwright: USERS pages load Inicio and Ranking in turns, at the same time, a bounded number of times."""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from app_server import CHROMIUM, CHROMIUM_ARGS, running_app

ROOT = Path(__file__).resolve().parent.parent
USERS = 4
# Each user loads pages until the two builds are done, then once more (the new data). Bounded by loads, not by a
# clock: on a loaded machine the builds take longer, and a clock deadline once stopped the users before the swap.
MAX_LOADS_BEFORE = 12   # per user, while the builds run; after that the user waits for the builds to finish
PAGES = ("/", "/Ranking")
CUTOFFS = {"inicial": dt.date(2026, 10, 31), "primera": dt.date(2026, 6, 30), "segunda": dt.date(2026, 8, 31)}
MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre")

pytestmark = pytest.mark.browser


def fecha_es(d: dt.date) -> str:
    return f"{d.day} de {MESES[d.month - 1]} de {d.year}"


def _build(inputs: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--inputs", str(inputs), "--db", str(db)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Three input folders whose data end on different dates, so each swap is visible as a new 'Datos al'."""
    from samples.write import write_sample

    base = tmp_path_factory.mktemp("concurrente")
    for name, cutoff in CUTOFFS.items():
        write_sample(base / name, years=(2026,), requests_per_year=1000, cutoff=cutoff)
    return base


@pytest.fixture
def served(inputs, tmp_path):
    db = tmp_path / "almacen" / "tablero.duckdb"
    done = _build(inputs / "inicial", db)
    assert done.returncode == 0, done.stderr
    with running_app(db, tmp_path / "streamlit.log") as url:
        yield url, db


async def _load(page, url: str) -> str:
    """Loads one page as a user does; returns the 'Datos al' date it shows. Fails on any error shown."""
    await page.goto(url)
    caption = page.get_by_text(re.compile(r"^Datos al ")).first
    await caption.wait_for(state="visible")
    # the page has run to its downloads, or stopped on an error: either way it is done
    done = page.locator('[data-testid="stDownloadButton"], [data-testid="stException"]').first
    try:
        await done.wait_for(state="attached")
    except Exception:
        print(f"La página {url} no terminó; muestra:\n", (await page.inner_text("body"))[:3000])
        raise
    text = await page.inner_text("body")
    problems = await page.locator('[data-testid="stException"]').count()
    assert problems == 0, f"{url}: excepción en la página"
    for bad in ("Traceback", "Error", "ocupado por otro proceso", "No se pudo leer", "Todavía no hay un almacén"):
        assert bad not in text, f"{url}: la página muestra «{bad}»"
    return re.search(r"Datos al (\d+ de \w+ de \d{4})", await caption.inner_text()).group(1)


async def _user(browser, base: str, n: int, builds_done: asyncio.Event, seen: list) -> None:
    page = await browser.new_page(viewport={"width": 1300, "height": 900})
    page.set_default_timeout(120_000)  # 2 cores shared by the server, the builds, the browser and other work
    try:
        i = 0
        while True:
            if i >= MAX_LOADS_BEFORE and not builds_done.is_set():
                await builds_done.wait()
            done_before = builds_done.is_set()
            date = await _load(page, base + PAGES[(i + n) % len(PAGES)])
            seen.append((n, i, done_before, date))
            i += 1
            if done_before:  # a load that started after the last swap: the user has seen the new data
                break
    finally:
        await page.close()


def _cutoff_shown(db: Path) -> str:
    """The 'Datos al' date a page should show for this warehouse (the newest date in the data)."""
    with duckdb.connect(str(db), read_only=True) as con:
        value = con.execute("SELECT valor FROM metadatos WHERE clave = 'fecha_corte'").fetchone()[0]
    return fecha_es(dt.date.fromisoformat(value[:10]))


async def _rebuilds(inputs: Path, db: Path, builds_done: asyncio.Event, results: list, shown: list) -> None:
    await asyncio.sleep(1)  # let every user start a page first
    try:
        for name in ("primera", "segunda"):
            results.append(await asyncio.to_thread(_build, inputs / name, db))
            shown.append(_cutoff_shown(db))
    finally:
        builds_done.set()  # a failed build still releases the users; the test then reports the build's error


async def _scenario(base: str, inputs: Path, db: Path):
    from playwright.async_api import async_playwright

    seen, results, shown, builds_done = [], [], [_cutoff_shown(db)], asyncio.Event()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            await asyncio.gather(_rebuilds(inputs, db, builds_done, results, shown),
                                 *(_user(browser, base, n, builds_done, seen) for n in range(USERS)))
        finally:
            await browser.close()
    return seen, results, shown


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} no está instalado")
def test_users_keep_working_while_builds_swap_the_warehouse(served, inputs):
    base, db = served
    seen, results, shown = asyncio.run(_scenario(base, inputs, db))
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-500:] for r in results]
    assert len(set(shown)) == 3, shown  # each warehouse is told apart by its date
    assert {date for *_, date in seen} <= set(shown)  # never a broken or mixed state
    assert {n for n, _, done_before, _ in seen if not done_before} == set(range(USERS))  # all loaded during builds
    for n in range(USERS):
        mine = [s for s in seen if s[0] == n]
        after = [date for _, _, done_before, date in mine if done_before]
        # every user saw the last build's data once it was swapped in, with the same server process
        assert after and set(after) == {shown[-1]}, mine
    print(f"\nusuarios simultáneos: {USERS}; cargas de página: {len(seen)}; reemplazos del almacén: {len(results)}")
