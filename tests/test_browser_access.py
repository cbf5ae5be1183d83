"""Who sees what, in a real browser (Debian's chromium) against the real app logged in through a real OpenID
Connect provider (oidc-provider-mock on 127.0.0.1): an enlace sees their ente's Plazos en riesgo and not
another's, a sabgob user sees all, an anonymous visitor gets the prompt on every internal URL while the public
pages work, and two app servers with the same cookie_secret behind one address accept the same login."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app_server import CHROMIUM, SwitchingProxy, auth_secrets, login, running_app, running_oidc_provider
from conftest import ROOT, fecha_corte
from participacion import access_log, engine, migrate

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} no está instalado (y CI no está definido): se omite la prueba en navegador",
                allow_module_level=True)

SABGOB, ENLACE = "coordinacion@sabgob.ejemplo.gob.mx", "ut@uno.ejemplo.gob.mx"
OPEN = "s.estado = 'en_proceso' AND s.fecha_respuesta IS NULL"
INTERNAL_URLS = ["/Plazos_en_riesgo", "/Estado_de_los_datos"]
PUBLIC_PAGES = {"/": "Panorama del Gobierno del Estado", "/Ranking": "Ranking", "/Ficha_del_ente": "Ficha del ente",
                "/Solicitudes": "Solicitudes", "/Datos_abiertos": "Datos abiertos", "/Verificacion": "Verificación",
                "/Capacitacion": "Capacitación", "/Metodologia": "Metodología"}


@pytest.fixture(scope="module")
def entes(tablero_db) -> tuple[str, str, dict[str, str]]:
    """(uno, dos, names): the two entes with most overdue open requests, and every ente's name."""
    import duckdb
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        corte = con.execute("SELECT CAST(valor AS DATE) FROM metadatos WHERE clave = 'fecha_corte'").fetchone()[0]
        top = con.execute(f"""SELECT s.ente_id FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c
                              GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2""", {"c": corte}).fetchall()
        names = dict(con.execute("SELECT ente_id, nombre_oficial FROM ente").fetchall())
    return top[0][0], top[1][0], names


@pytest.fixture(scope="module")
def site(tablero_db, entes, tmp_path_factory):
    """An OIDC provider, a roles catalog, a migrated SQLite store and one app server with login."""
    base = tmp_path_factory.mktemp("acceso")
    catalogos = base / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", catalogos)
    (catalogos / "usuarios.csv").write_text("correo,rol,ente_id,vigente_desde,vigente_hasta\n"
                                            f"{SABGOB},sabgob,,,\n{ENLACE},enlace,{entes[0]},,\n", encoding="utf-8")
    store_url = f"sqlite:///{base / 'participacion.sqlite'}"
    migrate.migrate(engine.create(store_url))
    env = {"TABLERO_CATALOGOS": str(catalogos), "TABLERO_MODO": None, "TABLERO_PARTICIPACION_URL": None}
    with running_oidc_provider(base / "oidc.log") as issuer:
        secrets = auth_secrets(base / "secrets.toml", issuer, store_url)
        with running_app(tablero_db, base / "app.log", secrets=secrets, env=env) as url:
            yield {"url": url, "issuer": issuer, "store": store_url, "env": env, "base": base}


@pytest.fixture
def page(browser):
    """A fresh browser profile (no cookies) that reaches only this machine."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    # the provider's form links a stylesheet on the internet: nothing leaves 127.0.0.1
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def _metric(page, label: str) -> int:
    from playwright.sync_api import expect
    card = page.get_by_test_id("stMetric").filter(has_text=label).first
    expect(card).to_be_visible()
    return int(card.get_by_test_id("stMetricValue").inner_text().replace(",", ""))


def _menu(page) -> list[str]:
    from playwright.sync_api import expect
    links = page.get_by_test_id("stSidebar").get_by_test_id("stPageLink-NavLink")
    expect(links.first).to_be_visible()
    return [t.strip().splitlines()[-1] for t in links.all_inner_texts()]   # the icon name comes first


def _overdue(sql, ente: str | None = None) -> int:
    where = "" if ente is None else " AND s.ente_id = $e"
    params = {"c": fecha_corte(sql)} | ({} if ente is None else {"e": ente})
    return sql(f"SELECT count(*) FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c{where}", params)[0][0]


def _download(page, key: str, target: Path) -> bytes:
    button = page.locator(f".st-key-{key}").get_by_role("button")
    with page.expect_download() as info:
        button.click()
    info.value.save_as(target)
    return target.read_bytes()


def test_enlace_sees_their_ente_and_not_another(site, entes, page, sql, tmp_path):
    from playwright.sync_api import expect
    uno, dos, names = entes
    login(page, site["url"], ENLACE)
    assert "Plazos en riesgo" in _menu(page) and "Estado de los datos" not in _menu(page)
    page.goto(site["url"] + "/Plazos_en_riesgo")
    expect(page.get_by_role("heading", name="Plazos en riesgo")).to_be_visible()
    assert _metric(page, "Vencidas") == _overdue(sql, uno)
    rows = list(csv.DictReader(io.StringIO(_download(page, "csv_folios", tmp_path / "f.csv").decode("utf-8-sig"))))
    assert rows and {r["Ente"] for r in rows} == {names[uno]}
    page.goto(site["url"] + f"/Plazos_en_riesgo?ente={dos}")
    expect(page.get_by_text(f"la dirección pide «{dos}»", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    page.goto(site["url"] + "/Estado_de_los_datos")
    expect(page.get_by_text("Esta página es para la SABGOB y la SEFIPLAN", exact=False)).to_be_visible()
    log = access_log.read(engine.create(site["store"]), quien=ENLACE)
    assert set(log["evento"]) == {"login", "vista"}
    assert set(log.loc[log["evento"] == "vista", "pagina"]) == {"pages/4_Plazos_en_riesgo.py"}


def test_sabgob_sees_every_ente_and_the_access_log(site, entes, page, sql):
    from playwright.sync_api import expect
    uno, dos, _ = entes
    login(page, site["url"], SABGOB)
    assert {"Plazos en riesgo", "Estado de los datos"} <= set(_menu(page))
    page.goto(site["url"] + "/Plazos_en_riesgo")
    assert _metric(page, "Vencidas") == _overdue(sql)
    page.goto(site["url"] + f"/Plazos_en_riesgo?ente={dos}")
    assert _metric(page, "Vencidas") == _overdue(sql, dos)
    page.goto(site["url"] + "/Estado_de_los_datos")
    expect(page.get_by_role("heading", name="Bitácora de acceso")).to_be_visible()
    expect(page.locator(".st-key-csv_bitacora").get_by_role("button")).to_be_visible()


def test_anonymous_gets_the_prompt_and_the_public_pages(site, page, tablero_db, tmp_path):
    from playwright.sync_api import expect
    for path in INTERNAL_URLS:
        page.goto(site["url"] + path)
        expect(page.get_by_text("Inicie sesión para ver esta página", exact=False)).to_be_visible()
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
        expect(page.get_by_test_id("stDownloadButton")).to_have_count(0)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    for path, heading in PUBLIC_PAGES.items():
        page.goto(site["url"] + path)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        expect(page.get_by_text("Inicie sesión para ver esta página", exact=False)).to_have_count(0)
    assert "Plazos en riesgo" not in _menu(page)
    # the open-data file of the page is the command's file, byte for byte
    first, last = _month_range(tablero_db)
    page.goto(site["url"] + "/Datos_abiertos")
    data = _download(page, "datos_csv", tmp_path / "indicadores.csv")
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "indicators", "export", "--db", str(tablero_db), "--out", str(out),
                    "--desde", first, "--hasta", last], cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert data == out.read_bytes()


def _month_range(db: Path) -> tuple[str, str]:
    """The page's default range: from the first month to the last closed one (later months are preliminary)."""
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT min(periodo), max(periodo) FILTER (WHERE NOT preliminar) FROM periodo_estado "
                           "WHERE tipo_periodo = 'mes'").fetchone()


def test_two_app_servers_with_the_same_cookie_secret_accept_the_samelogin(site, tablero_db, entes, page, sql,
                                                                           postgres_url, tmp_path):
    """Replicas behind one address (the proxy plays the load balancer), writing to one PostgreSQL store: a login
    made on one is valid on the other; a server with another cookie_secret does not accept it."""
    from playwright.sync_api import expect
    uno = entes[0]
    migrate.migrate(engine.create(postgres_url))
    with SwitchingProxy() as proxy:
        redirect = proxy.url + "/oauth2callback"
        same = auth_secrets(tmp_path / "a.toml", site["issuer"], postgres_url, redirect=redirect)
        other = auth_secrets(tmp_path / "c.toml", site["issuer"], postgres_url, redirect=redirect,
                         cookie_secret="otra-clave-de-cookies-" + "fedcba9876543210" * 2)
        with running_app(tablero_db, tmp_path / "a.log", secrets=same, env=site["env"]) as a, \
                running_app(tablero_db, tmp_path / "b.log", secrets=same, env=site["env"]) as b, \
                running_app(tablero_db, tmp_path / "c.log", secrets=other, env=site["env"]) as c:
            proxy.switch(a)
            login(page, proxy.url, ENLACE)            # the login flow runs on server a
            proxy.switch(b)
            page.goto(proxy.url + "/Plazos_en_riesgo")  # server b reads a's cookie
            assert _metric(page, "Vencidas") == _overdue(sql, uno)
            expect(page.get_by_text(f"Sesión: {ENLACE}", exact=False)).to_be_visible()
            proxy.switch(c)
            page.goto(proxy.url + "/Plazos_en_riesgo")  # another cookie_secret: not logged in
            expect(page.get_by_text("Inicie sesión para ver esta página", exact=False)).to_be_visible()
    log = access_log.read(engine.create(postgres_url), quien=ENLACE)
    # one login for one identity token, although both replicas saw the cookie; the view recorded by b
    assert sorted(log["evento"]) == ["login", "vista"]


def test_a_malformed_secrets_file_gives_a_spanish_message(site, tablero_db, page, tmp_path):
    from playwright.sync_api import expect
    broken = tmp_path / "secrets.toml"
    broken.write_text('[auth]\nredirect_uri = "http://127.0.0.1/oauth2callback\ncookie_secret = 1\n', encoding="utf-8")
    with running_app(tablero_db, tmp_path / "app.log", secrets=broken, env=site["env"]) as url:
        page.goto(url + "/")
        expect(page.get_by_role("heading", name="Panorama del Gobierno del Estado")).to_be_visible()
        expect(page.get_by_text("No se puede leer .streamlit/secrets.toml", exact=False)).to_be_visible()
        page.goto(url + "/Plazos_en_riesgo")
        expect(page.get_by_text("Inicie sesión para ver esta página", exact=False)).to_be_visible()
    assert "Traceback" not in (tmp_path / "app.log").read_text(encoding="utf-8", errors="replace")
