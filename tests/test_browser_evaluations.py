"""Citizens' evaluations in a real browser (Debian's chromium) against the real app: a citizen on a phone-width
screen (390 px) evaluates an obligation and meets the limit after too many; a sabgob user logged in through a real
OpenID Connect provider approves one comment and rejects another with a reason; and two app servers on one
PostgreSQL store see each other's evaluations."""
from __future__ import annotations

import os
import shutil

import pytest

from app_server import CHROMIUM, ForwardingProxy, auth_secrets, login, running_app, running_oidc_provider
from conftest import ROOT
from helpers import store_rows
from participacion import engine, migrate, moderation

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} no está instalado (y CI no está definido): se omite la prueba en navegador",
                allow_module_level=True)

SABGOB, ENLACE = "moderacion@sabgob.ejemplo.gob.mx", "ut@sefiplan.ejemplo.gob.mx"
PHONE = {"width": 390, "height": 844}
FORWARDED = "203.0.113.9"   # the address a proxy on this machine says the citizen has (documentation range)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory):
    """The catalogs with a short hourly limit (3 per session) and the roles of this test."""
    folder = tmp_path_factory.mktemp("catalogos") / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", folder)
    (folder / "evaluacion_ciudadana.toml").write_text(
        "[limites]\npor_hora_sesion = 3\npor_hora_direccion = 30\npor_dia_fraccion_sesion = 1\n"
        "por_dia_fraccion_direccion = 3\n", encoding="utf-8")
    (folder / "usuarios.csv").write_text("correo,rol,ente_id,vigente_desde,vigente_hasta\n"
                                         f"{SABGOB},sabgob,,,\n{ENLACE},enlace,SEFIPLAN,,\n", encoding="utf-8")
    return folder


def new_page(browser, *, phone: bool = True):
    context = browser.new_context(viewport=PHONE if phone else {"width": 1400, "height": 1000}, is_mobile=phone,
                                  has_touch=phone)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    return tab


def choose(page, key: str, option: str) -> None:
    """Picks `option` in the Streamlit selectbox of key `key`, typing it as a person filters the list."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def evaluate(page, encontrada: str, actualizada: str, comprension: str, comentario: str = "") -> None:
    from playwright.sync_api import expect
    for group, option in (("encontrada", encontrada), ("actualizada", actualizada), ("comprension", comprension)):
        # after a change of obligation, the previous form stays drawn (stale) until the rerun ends: wait for one
        radios = page.locator(f"[class*='st-key-eval_{group}_']")
        expect(radios).to_have_count(1)
        radios.get_by_text(option, exact=True).click()
    if comentario:
        page.locator("[class*='st-key-eval_comentario_'] textarea").fill(comentario)
    button = page.get_by_role("button", name="Enviar evaluación")
    expect(button).to_be_visible()
    button.click()


def test_a_citizen_on_a_phone_evaluates_and_meets_the_limit(tablero_db, catalogs, browser, tmp_path):
    from playwright.sync_api import expect
    url = f"sqlite:///{tmp_path / 'participacion.sqlite'}"
    migrate.migrate(engine.create(url))
    env = {"TABLERO_CATALOGOS": str(catalogs), "TABLERO_MODO": None, "TABLERO_PARTICIPACION_URL": url}
    with running_app(tablero_db, tmp_path / "app.log", env=env) as app, ForwardingProxy(app, FORWARDED) as proxy:
        base = proxy.url
        page = new_page(browser)
        page.goto(base + "/Evaluar_una_obligacion?ente=SEFIPLAN&obligacion=65-VIII")
        expect(page.get_by_role("heading", name="Evaluar una obligación")).to_be_visible()
        expect(page.get_by_text("Artículo 65, fracción VIII", exact=False)).to_be_visible()
        expect(page.get_by_role("link", name="Portal de transparencia del ente")).to_have_attribute(
            "href", "https://www.sefiplan.qroo.gob.mx")
        # the honeypot is in the page but nobody sees it
        expect(page.get_by_role("button", name="Enviar evaluación")).to_be_visible()
        expect(page.locator(".st-key-campo_trampa input")).to_be_attached()
        assert page.locator(".st-key-campo_trampa").bounding_box()["height"] <= 1
        evaluate(page, "Parcialmente", "No sé", "4", "El archivo no abre; mi teléfono es 998 765 4321")
        expect(page.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_be_visible()
        [(fraccion, encontrada, comentario, estado, cliente)] = store_rows(
            url, "SELECT fraccion, encontrada, comentario, estado, cliente FROM evaluacion_ciudadana")
        assert (fraccion, encontrada, estado) == ("VIII", "parcialmente", "pendiente")
        assert comentario == "El archivo no abre; mi teléfono es [teléfono omitido]"
        # the address arrived through the trusted proxy header, and only its day's key is kept
        assert cliente and len(cliente) == 32
        assert FORWARDED not in str(store_rows(url, "SELECT * FROM evaluacion_ciudadana"))
        thanks = page.get_by_text("Gracias: su evaluación quedó registrada", exact=False)
        for obligacion in ("Estructura orgánica", "Facultades de cada área"):
            choose(page, "f_obligacion", obligacion)
            expect(thanks).to_have_count(0)        # the page has run again for the new obligation
            evaluate(page, "Sí", "Sí", "5")
            expect(thanks).to_be_visible()
        choose(page, "f_obligacion", "Marco normativo")
        expect(thanks).to_have_count(0)
        evaluate(page, "No", "No", "1")
        expect(page.get_by_text("Se han enviado 3 evaluaciones desde este navegador en la última hora",
                                exact=False)).to_be_visible()
        assert store_rows(url, "SELECT count(*) FROM evaluacion_ciudadana") == [(3,)]
        assert store_rows(url, "SELECT motivo FROM intento_bloqueado") == [("limite_hora_sesion",)]
    assert "Traceback" not in (tmp_path / "app.log").read_text(encoding="utf-8", errors="replace")


def test_a_sabgob_user_moderates_the_comments(tablero_db, catalogs, browser, tmp_path):
    from playwright.sync_api import expect
    url = f"sqlite:///{tmp_path / 'participacion.sqlite'}"
    migrate.migrate(engine.create(url))
    env = {"TABLERO_CATALOGOS": str(catalogs), "TABLERO_MODO": None, "TABLERO_PARTICIPACION_URL": url}
    with running_oidc_provider(tmp_path / "oidc.log") as issuer:
        secrets = auth_secrets(tmp_path / "secrets.toml", issuer, url)
        with running_app(tablero_db, tmp_path / "app.log", secrets=secrets, env=env) as base:
            citizen = new_page(browser)
            citizen.goto(base + "/Evaluar_una_obligacion?ente=SEFIPLAN&obligacion=65-VIII")
            evaluate(citizen, "Sí", "Sí", "5", "Completa y fácil de encontrar")
            expect(citizen.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_be_visible()
            choose(citizen, "f_obligacion", "Estructura orgánica")
            expect(citizen.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_have_count(0)
            evaluate(citizen, "No", "No", "1", "Son unos inútiles, no publican nada")
            expect(citizen.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_be_visible()

            enlace = new_page(browser, phone=False)
            login(enlace, base, ENLACE)
            enlace.goto(base + "/Moderacion")
            expect(enlace.get_by_text("Esta página es para la SABGOB", exact=False)).to_be_visible()

            mod = new_page(browser, phone=False)
            login(mod, base, SABGOB)
            mod.goto(base + "/Moderacion")
            expect(mod.get_by_role("heading", name="Moderación de comentarios ciudadanos")).to_be_visible()
            expect(mod.get_by_test_id("stMetric").filter(has_text="Comentarios pendientes")).to_contain_text("2")
            # the oldest comment first, as st.text; «Aprobar y publicar» is the first choice
            expect(mod.get_by_text("Completa y fácil de encontrar", exact=True)).to_be_visible()
            mod.get_by_role("button", name="Guardar decisión").click()
            expect(mod.get_by_text("aprobada", exact=False).first).to_be_visible()
            expect(mod.get_by_text("Son unos inútiles, no publican nada", exact=True)).to_be_visible()
            mod.locator(".st-key-pendiente_decision").get_by_text("Rechazar", exact=True).click()
            choose(mod, "pendiente_motivo", "Lenguaje ofensivo o discriminatorio")
            mod.get_by_role("button", name="Guardar decisión").click()
            expect(mod.get_by_text("No hay comentarios pendientes de revisión.", exact=False)).to_be_visible()

            citizen.goto(base + "/Evaluar_una_obligacion?ente=SEFIPLAN&obligacion=65-VIII")
            expect(citizen.get_by_test_id("stDataFrame")).to_be_visible()
    log = moderation.history(engine.create(url))
    assert log[["decision", "motivo", "quien"]].fillna("").values.tolist() == [
        ["rechazada", "Lenguaje ofensivo o discriminatorio", SABGOB], ["aprobada", "", SABGOB]]
    assert store_rows(url, "SELECT evento, pagina FROM bitacora_acceso "
                           "WHERE quien = 'moderacion@sabgob.ejemplo.gob.mx' AND evento = 'vista'") == [
        ("vista", "pages/11_Moderacion.py")]


def test_two_app_servers_on_one_postgresql_see_each_others_evaluations(tablero_db, catalogs, browser, postgres_url,
                                                                      tmp_path):
    from playwright.sync_api import expect
    migrate.migrate(engine.create(postgres_url))
    env = {"TABLERO_CATALOGOS": str(catalogs), "TABLERO_MODO": "local", "TABLERO_PARTICIPACION_URL": postgres_url}
    with running_app(tablero_db, tmp_path / "a.log", env=env) as a, \
            running_app(tablero_db, tmp_path / "b.log", env=env) as b:
        citizen = new_page(browser)
        citizen.goto(a + "/Evaluar_una_obligacion?ente=SEQ&obligacion=65-II")
        evaluate(citizen, "Parcialmente", "No", "3", "Escrito en el servidor A")
        expect(citizen.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_be_visible()
        mod = new_page(browser, phone=False)
        mod.goto(b + "/Moderacion")
        expect(mod.get_by_text("Escrito en el servidor A", exact=True)).to_be_visible()
        mod.get_by_role("button", name="Guardar decisión").click()
        expect(mod.get_by_text("No hay comentarios pendientes de revisión.", exact=False)).to_be_visible()
        # a second citizen on server B; the comment approved on B is published on A
        other = new_page(browser)
        other.goto(b + "/Evaluar_una_obligacion?ente=SEQ&obligacion=65-II")
        evaluate(other, "Sí", "Sí", "4")
        expect(other.get_by_text("Gracias: su evaluación quedó registrada", exact=False)).to_be_visible()
        citizen.goto(a + "/Evaluar_una_obligacion?ente=SEQ&obligacion=65-II")
        expect(citizen.get_by_test_id("stDataFrame")).to_be_visible()
    assert store_rows(postgres_url, "SELECT encontrada, estado FROM evaluacion_ciudadana ORDER BY registrada_en") == [
        ("parcialmente", "aprobada"), ("si", "publicada")]
