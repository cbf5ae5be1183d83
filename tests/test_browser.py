"""Smoke test in a real browser: the real app (streamlit run) on the sample warehouse, driven by Debian's
chromium through Playwright. Skipped only when chromium is missing outside CI; with CI set it must run."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} no está instalado (y CI no está definido): se omite la prueba en navegador",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit terminó antes de arrancar (código {proc.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit no respondió en {timeout} s")


@pytest.fixture
def server(tablero_db, tmp_path):
    port = _free_port()
    env = {**os.environ, "TABLERO_DB": str(tablero_db)}
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


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
    assert header == "Mes,Indicador,Unidad,Este ente,Grupo de pares,Meta"
    assert len(data.splitlines()) > 1
