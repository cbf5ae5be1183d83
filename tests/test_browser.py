"""Smoke test in a real browser: the real app (streamlit run) on the sample warehouse, driven by Debian's
chromium through Playwright. Skipped only when chromium is missing outside CI; with CI set it must run."""
from __future__ import annotations

import os

import pytest

from app_server import CHROMIUM, CHROMIUM_ARGS, running_app

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} no está instalado (y CI no está definido): se omite la prueba en navegador",
                allow_module_level=True)


@pytest.fixture
def server(tablero_db, tmp_path):
    with running_app(tablero_db, tmp_path / "streamlit.log") as url:
        yield url


def test_inicio_menu_ficha_and_csv_download(server, sql, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    first_ente = sql("""SELECT nombre_oficial FROM ente
                        WHERE vigente_hasta IS NULL OR ente_id IN (SELECT ente_id FROM base_solicitud_mes)
                        ORDER BY nombre_oficial LIMIT 1""")[0][0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.set_default_timeout(60_000)
            page.goto(server + "/")
            expect(page.get_by_role("heading", name="Panorama del Gobierno del Estado")).to_be_visible()
            expect(page.get_by_text("Datos al", exact=False).first).to_be_visible()

            page.get_by_role("link", name="Ficha del ente").click()
            expect(page.get_by_role("heading", name="Ficha del ente")).to_be_visible()
            expect(page.get_by_role("heading", name=first_ente, exact=False)).to_be_visible()
            assert "/Ficha_del_ente" in page.url

            # the download of the monthly trend, which every ente with data has (found by its widget key)
            button = page.locator(".st-key-csv_tendencia_ente").get_by_role("button", name="Descargar CSV")
            expect(button).to_be_visible()
            with page.expect_download() as info:
                button.click()
            target = tmp_path / "ficha.csv"
            info.value.save_as(target)
        finally:
            browser.close()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].decode("utf-8").splitlines()[0]
    assert header == "Mes,Indicador,Unidad,Este ente,Grupo de pares,Meta,datos_al"
    assert len(data.splitlines()) > 1
