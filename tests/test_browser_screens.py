"""The titular's path in a real browser (Debian's chromium, the real app) at desktop and phone widths: Inicio → the
last period with an index → an ente that moved → its Ficha with its index, rank, top three actions and trend, in
two clicks; a bar of the Ranking opens its ente's Ficha with the same period; no page's main content overflows
sideways at 390 px. It takes the README's screenshots (docs/capturas/) along the way: with
TABLERO_ACTUALIZAR_CAPTURAS=1 it writes them there, else into the test's folder."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app_server import CHROMIUM, running_app
from bench.browser_times import url_of
from pages.ui.layout import PAGES

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} no está instalado (y CI no está definido): se omite la prueba en navegador",
                allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
CAPTURAS = ROOT / "docs" / "capturas"
WIDTHS = {"escritorio": (1440, 900), "telefono": (390, 844)}
# Elements of the main content wider than the screen (tables and charts scroll inside their own frame).
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid=stMain]'); const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('[data-testid=stDataFrame], .js-plotly-plot')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) wide.push((el.getAttribute('data-testid') || el.tagName) + ' ' + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.fixture(scope="module")
def server(tablero_db, tmp_path_factory):
    log = tmp_path_factory.mktemp("servidor") / "streamlit.log"
    with running_app(tablero_db, log, env={"TABLERO_MODO": "local"}) as url:
        yield url


def settled(page) -> None:
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=90_000)
    page.wait_for_timeout(800)


def shot(page, name: str, tmp_path: Path) -> None:
    folder = CAPTURAS if os.environ.get("TABLERO_ACTUALIZAR_CAPTURAS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


@pytest.mark.parametrize("ancho", list(WIDTHS))
def test_a_titular_reaches_index_rank_trend_and_actions_in_two_clicks(server, browser, ancho, tmp_path):
    from playwright.sync_api import expect

    width, height = WIDTHS[ancho]
    page = browser.new_page(viewport={"width": width, "height": height}, is_mobile=ancho == "telefono")
    page.set_default_timeout(90_000)
    try:
        page.goto(server + "/")
        settled(page)
        expect(page.get_by_role("heading", name="Panorama del Gobierno del Estado")).to_be_visible()
        # the sample's last closed month has too few requests for an index: one click to the last one with it
        page.get_by_role("button", name="el último periodo con índice").click()
        settled(page)
        expect(page.get_by_text("Índice de Desempeño").first).to_be_visible()
        shot(page, f"inicio_{ancho}", tmp_path)
        periodo = page.evaluate("() => new URLSearchParams(location.search).get('periodo')")
        # an ente that moved most: its Ficha on the same period
        link = page.locator("[data-testid=stPageLink] a").filter(has_text="puntos (de").first
        link.click()
        settled(page)
        assert "/Ficha_del_ente" in page.url and f"periodo={periodo}" in page.url
        expect(page.get_by_text("Índice (0 a 100)")).to_be_visible()
        expect(page.get_by_text("Lugar entre todos los entes")).to_be_visible()
        expect(page.get_by_role("heading", name="Qué corregir primero")).to_be_visible()
        for n in (1, 2, 3):
            expect(page.get_by_text(f"{n}. ", exact=False).first).to_be_visible()
        expect(page.get_by_role("heading", name="Tendencia mensual")).to_be_attached()
        page.get_by_role("heading", name="Qué corregir primero").scroll_into_view_if_needed()
        shot(page, f"ficha_{ancho}", tmp_path)
    finally:
        page.close()


def test_a_bar_of_the_ranking_opens_its_ficha_on_the_same_period(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_default_timeout(90_000)
    try:
        page.goto(server + "/Ranking?tipo=mes&periodo=2025-10")
        settled(page)
        page.wait_for_selector(".js-plotly-plot .bars path")
        shot(page, "ranking_escritorio", tmp_path)
        page.locator(".js-plotly-plot .bars path").first.click(force=True)
        page.wait_for_url("**/Ficha_del_ente**")
        settled(page)
        assert "periodo=2025-10" in page.url and "tipo=mes" in page.url and "ente=" in page.url
    finally:
        page.close()


def test_no_page_overflows_sideways_on_a_phone(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.set_default_timeout(90_000)
    found = {}
    try:
        for path in PAGES:
            page.goto(server + url_of(path) + "?tipo=mes&periodo=2025-10")
            settled(page)
            result = page.evaluate(OVERFLOW_JS)
            if result["scroll"] > result["width"] or result["wide"]:
                found[path] = result
    finally:
        page.close()
    assert found == {}


# Where a cell of the Verificación map is on the screen: its row's and column's centre on the map's axes.
MAP_JS = "[...document.querySelectorAll('.js-plotly-plot')].find(g => (g.data || []).some(t => t.type === 'heatmap'))"
CELL_JS = """([row, col]) => {
  const gd = """ + MAP_JS + """;
  const heat = gd.data[0], xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
  return {x: box.left + xa._offset + xa.d2p(heat.x[col]), y: box.top + ya._offset + ya.d2p(heat.y[row])};
}"""


def _newest_review_map(db: Path):
    """The newest review, its month and its map's cells as the page draws them (heatmap_grid), from the warehouse."""
    import duckdb

    from pages.ui.verificacion import heatmap_grid
    with duckdb.connect(str(db), read_only=True) as con:
        verificacion, fecha = con.execute("SELECT verificacion_id, fecha FROM verificacion "
                                          "ORDER BY fecha DESC, verificacion_id LIMIT 1").fetchone()
        mapa = con.execute((ROOT / "warehouse" / "queries" / "verif_mapa.sql").read_text(),
                           {"verificacion": verificacion, "max_entes": 60}).df()
    return verificacion, f"{fecha.year}-{fecha.month:02d}", heatmap_grid(mapa)


def test_a_cell_of_the_verification_map_opens_its_entes_ficha_on_the_reviews_month(server, browser, tablero_db):
    verificacion, mes, grid = _newest_review_map(tablero_db)
    row, col = len(grid["rows"]) - 1, 2                     # a cell of the last row: not the first ente by chance
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.set_default_timeout(90_000)
    try:
        page.goto(server + f"/Verificacion?verificacion={verificacion}")
        settled(page)
        # the map's own plot, drawn with its markers (the monthly chart below also has points and may come first)
        page.wait_for_function(f"(() => {{ const gd = {MAP_JS}; return gd && gd.querySelector('.scatterlayer .point'); }})()")
        cell = page.evaluate(CELL_JS, [row, col])
        page.mouse.move(700, 450)
        page.mouse.wheel(0, cell["y"] - 450)                # bring the cell to the middle of the window
        page.wait_for_timeout(500)
        # The markers are invisible: a click on the cell reaches its marker. On a loaded machine the chart can be
        # drawn before its click handler is attached, so a click that changed nothing is repeated (a few times).
        for _ in range(4):
            cell = page.evaluate(CELL_JS, [row, col])
            page.mouse.click(cell["x"], cell["y"])
            try:
                page.wait_for_url("**/Ficha_del_ente**", timeout=20_000)
                break
            except Exception:  # Playwright's TimeoutError: still on Verificación
                settled(page)
        page.wait_for_url("**/Ficha_del_ente**")
        settled(page)
        query = parse_qs(urlsplit(page.url).query)
        assert (query["ente"], query["tipo"], query["periodo"]) == ([grid["ente_ids"][row]], ["mes"], [mes])
    finally:
        page.close()


PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
               "Version/17.5 Mobile/15E148 Safari/604.1")


def test_a_phone_sees_the_verification_map_as_a_list_first(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, user_agent=PHONE_AGENT)
    page.set_default_timeout(90_000)
    try:
        page.goto(server + "/Verificacion")
        settled(page)
        lista = page.get_by_role("tab", name="Lista de lo que falla")
        assert lista.get_attribute("aria-selected") == "true"
        assert page.get_by_role("tab", name="Mapa").get_attribute("aria-selected") == "false"
    finally:
        page.close()
