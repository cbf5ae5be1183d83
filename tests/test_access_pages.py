"""Who sees what, page by page (AppTest: st.user is AppTest's own `user`, [auth] comes through `secrets`): the menu
of each role, the "Inicie sesión" prompt before any data on internal pages, an enlace held to their own ente, the
modes, and the access log of logins and internal views."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, all_text, fecha_corte, metric_value, plain, run_page, table_with
from participacion import access_log, engine, migrate

PLAZOS, ESTADO, DATOS = "pages/4_Plazos_en_riesgo.py", "pages/9_Estado_de_los_datos.py", "pages/5_Datos_abiertos.py"
MODERACION = "pages/11_Moderacion.py"
INTERNAL = [PLAZOS, ESTADO, MODERACION]
PUBLIC_MENU = ["Inicio", "Ranking", "Ficha del ente", "Solicitudes", "Datos abiertos", "Verificación",
               "Capacitación", "Metodología", "Evaluar una obligación"]


def menu_with(extra: list[str]) -> list[str]:
    """The menu in page order with the internal pages of `extra` where they belong."""
    def having(label: str) -> list[str]:
        return [label] if label in extra else []
    return (PUBLIC_MENU[:4] + having("Plazos en riesgo") + PUBLIC_MENU[4:8] + having("Estado de los datos")
            + PUBLIC_MENU[8:] + having("Moderación"))
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 48,
                 "client_id": "tablero", "client_secret": "secreto-del-cliente",
                 "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
SABGOB, SEFIPLAN_USER = "coordinacion@sabgob.ejemplo.gob.mx", "seguimiento@sefiplan.ejemplo.gob.mx"
ENLACE, TITULAR, VENCIDO = "ut@uno.ejemplo.gob.mx", "titular@uno.ejemplo.gob.mx", "antes@uno.ejemplo.gob.mx"
OPEN = "s.estado = 'en_proceso' AND s.fecha_respuesta IS NULL"


@pytest.fixture
def entes_with_overdue(sql) -> tuple[str, str]:
    """The two entes with the most overdue open requests in the session warehouse."""
    rows = sql(f"""SELECT s.ente_id FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c
                   GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2""", {"c": fecha_corte(sql)})
    return rows[0][0], rows[1][0]


@pytest.fixture
def session_mode(tablero_db, entes_with_overdue, monkeypatch, tmp_path):
    """A server with login: the session warehouse, a roles catalog, a migrated store; no TABLERO_MODO."""
    uno, _ = entes_with_overdue
    catalogos = tmp_path / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", catalogos)
    (catalogos / "usuarios.csv").write_text(
        "correo,rol,ente_id,vigente_desde,vigente_hasta\n"
        f"{SABGOB},sabgob,,2025-01-01,\n{SEFIPLAN_USER},sefiplan,,,\n"
        f"{ENLACE},enlace,{uno},2025-01-01,\n{TITULAR},titular,{uno},,\n{VENCIDO},enlace,{uno},2020-01-01,2024-12-31\n",
        encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'participacion.sqlite'}"
    store = engine.create(url)
    migrate.migrate(store)
    monkeypatch.setenv("TABLERO_DB", str(tablero_db))
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogos))
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", url)
    monkeypatch.delenv("TABLERO_MODO", raising=False)
    yield store
    store.dispose()


def _user(email: str | None, iat: int = 1_796_000_000) -> dict:
    return {"is_logged_in": False} if email is None else {"is_logged_in": True, "email": email, "iat": iat}


def _as(page: str, email: str | None, query: dict | None = None, secrets: dict = AUTH):
    at = run_page(page, query, timeout=60, user=_user(email), secrets=secrets)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _menu(at) -> list[str]:
    return [link.label for link in at.sidebar.get("page_link")]


def _shows_nothing_of_the_data(at) -> None:
    assert at.get("download_button") == [] and at.dataframe == [] and at.metric == []


@pytest.mark.parametrize("email, extra", [
    (None, []),
    ("ciudadano@correo.mx", []),                       # logged in, not in the catalog: public, never an error
    (VENCIDO, []),                                     # in the catalog, out of its validity: public
    (ENLACE, ["Plazos en riesgo"]),
    (TITULAR, ["Plazos en riesgo"]),
    (SEFIPLAN_USER, ["Plazos en riesgo", "Estado de los datos"]),
    (SABGOB, ["Plazos en riesgo", "Estado de los datos", "Moderación"]),
])
def test_menu_of_each_role(session_mode, email, extra):
    at = _as("app.py", email)
    assert _menu(at) == menu_with(extra)
    buttons = [b.label for b in at.sidebar.button]
    assert buttons == (["Iniciar sesión"] if email is None else ["Cerrar sesión"])


def test_menu_in_public_and_local_modes(tablero_db, monkeypatch, tmp_path):
    monkeypatch.setenv("TABLERO_DB", str(tablero_db))
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", f"sqlite:///{tmp_path / 'p.sqlite'}")
    monkeypatch.delenv("TABLERO_MODO", raising=False)
    public = _as("app.py", None, secrets={})
    assert _menu(public) == PUBLIC_MENU and public.sidebar.button == []   # no [auth]: no login to offer
    assert "modo local" not in all_text(public).lower()
    monkeypatch.setenv("TABLERO_MODO", "local")
    local = _as("app.py", None, secrets={})
    assert _menu(local) == menu_with(["Plazos en riesgo", "Estado de los datos", "Moderación"])
    assert "Modo local, sin inicio de sesión" in all_text(local)
    # [auth] configured wins over TABLERO_MODO=local: a server with login never opens up by a variable
    assert _menu(_as("app.py", None, secrets=AUTH)) == PUBLIC_MENU


@pytest.mark.parametrize("page", INTERNAL)
def test_anonymous_gets_the_prompt_before_any_data_is_read(session_mode, page, monkeypatch):
    import warehouse.read

    def no_reads(*_args, **_kwargs):
        raise AssertionError("an internal page read the warehouse for an anonymous visitor")

    monkeypatch.setattr(warehouse.read, "_execute", no_reads)
    at = _as(page, None)
    assert "Inicie sesión para ver esta página" in all_text(at)
    assert [b.label for b in at.main.button] == ["Iniciar sesión"]
    _shows_nothing_of_the_data(at)


@pytest.mark.parametrize("page", INTERNAL)
def test_without_auth_internal_pages_say_login_is_not_available(tablero_db, monkeypatch, page, tmp_path):
    monkeypatch.setenv("TABLERO_DB", str(tablero_db))
    monkeypatch.delenv("TABLERO_MODO", raising=False)
    at = _as(page, None, secrets={})
    assert "Inicie sesión para ver esta página" in all_text(at)
    assert "no está disponible en este servidor" in all_text(at)
    assert at.button == []
    _shows_nothing_of_the_data(at)


def test_public_pages_open_for_anonymous_visitors(session_mode):
    for page in ["app.py", DATOS, "pages/8_Metodologia.py"]:
        at = _as(page, None)
        assert "Inicie sesión" not in all_text(at), page


def test_enlace_sees_only_their_ente(session_mode, entes_with_overdue, sql):
    uno, dos = entes_with_overdue
    at = _as(PLAZOS, ENLACE)
    assert at.selectbox(key="f_ente").options == [sql("SELECT nombre_oficial || coalesce(' (' || siglas || ')', '') "
                                                      "FROM ente WHERE ente_id = $e", {"e": uno})[0][0]]
    assert "f_grupo" not in [s.key for s in at.selectbox]
    corte = fecha_corte(sql)
    vencidas = sql(f"SELECT count(*) FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c AND s.ente_id = $e",
                   {"c": corte, "e": uno})[0][0]
    assert int(metric_value(at, "Vencidas").replace(",", "")) == vencidas
    nombre = sql("SELECT nombre_oficial FROM ente WHERE ente_id = $e", {"e": uno})[0][0]
    assert set(table_with(at, "Folio")["Ente"]) == {nombre}
    for other in (dos, "todos"):
        refused = _as(PLAZOS, ENLACE, {"ente": other})
        assert f"la dirección pide «{other}»" in all_text(refused)
        _shows_nothing_of_the_data(refused)


def test_sabgob_sees_every_ente(session_mode, entes_with_overdue, sql):
    uno, dos = entes_with_overdue
    at = _as(PLAZOS, SABGOB)
    corte = fecha_corte(sql)
    vencidas = sql(f"SELECT count(*) FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c", {"c": corte})[0][0]
    assert int(metric_value(at, "Vencidas").replace(",", "")) == vencidas
    assert len(at.selectbox(key="f_ente").options) > 2
    other = _as(PLAZOS, SABGOB, {"ente": dos})
    vencidas_dos = sql(f"SELECT count(*) FROM solicitud s WHERE {OPEN} AND s.fecha_limite < $c AND s.ente_id = $e",
                       {"c": corte, "e": dos})[0][0]
    assert int(metric_value(other, "Vencidas").replace(",", "")) == vencidas_dos


def test_enlace_is_refused_the_coordination_page(session_mode):
    at = _as(ESTADO, ENLACE)
    assert "Esta página es para la SABGOB y la SEFIPLAN" in all_text(at)
    _shows_nothing_of_the_data(at)


def test_access_log_records_logins_and_internal_views(session_mode, entes_with_overdue):
    uno, _ = entes_with_overdue
    at = _as(PLAZOS, ENLACE)
    at.run()                     # a rerun of the same page (a widget changed) is not a new view
    _as("app.py", "ciudadano@correo.mx")
    log = access_log.read(session_mode).sort_values(["registrado_en", "evento"]).reset_index(drop=True)
    enlace = log[log["quien"] == ENLACE]
    assert enlace[["evento", "rol", "ente_id", "pagina"]].fillna("").values.tolist() == [
        ["login", "enlace", uno, ""], ["vista", "enlace", uno, PLAZOS]]
    citizen = log[log["quien"] != ENLACE]
    assert citizen["evento"].tolist() == ["login"] and citizen["rol"].isna().all()
    assert citizen["quien"].iloc[0].startswith("seudonimo:")
    assert not log.astype(str).apply(lambda c: c.str.contains("ciudadano")).any().any()   # never the address


def test_internal_pages_stay_closed_when_the_log_cannot_be_written(session_mode, monkeypatch, tmp_path):
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", f"sqlite:///{tmp_path / 'sin_migrar.sqlite'}")
    at = _as(PLAZOS, SABGOB)
    assert "python -m participacion migrate" in all_text(at)
    assert "las páginas internas no se muestran mientras no se pueda registrar el acceso" in all_text(at)
    _shows_nothing_of_the_data(at)
    assert "Inicie sesión" not in all_text(_as("app.py", SABGOB))


def test_a_store_url_that_cannot_be_used_keeps_internal_pages_closed(session_mode, monkeypatch):
    monkeypatch.setenv("TABLERO_PARTICIPACION_URL", "oracle+nada://x@y/z")
    at = _as(PLAZOS, SABGOB)
    assert "No se pudo abrir el almacén de participación" in all_text(at)
    _shows_nothing_of_the_data(at)


def test_malformed_auth_gives_a_spanish_message_and_public_pages(session_mode):
    broken = {"auth": {**AUTH["auth"], "cookie_secret": "corto", "client_secret": "",
                       "redirect_uri": "localhost:8501"}}
    at = _as("app.py", SABGOB, secrets=broken)
    assert _menu(at) == PUBLIC_MENU
    warnings = plain(" ".join(w.value for w in at.sidebar.warning))
    assert warnings.startswith("El inicio de sesión no está disponible; en [auth] de .streamlit/secrets.toml: ")
    for problem in ("falta client_secret", "redirect_uri debe ser la dirección completa",
                    "cookie_secret debe tener al menos 32 caracteres"):
        assert problem in warnings
    assert "Inicie sesión para ver esta página" in all_text(_as(PLAZOS, SABGOB, secrets=broken))


def test_an_invalid_roles_catalog_gives_no_roles_and_says_why(session_mode, monkeypatch, tmp_path):
    folder = Path(__import__("os").environ["TABLERO_CATALOGOS"])
    with (folder / "usuarios.csv").open("a", encoding="utf-8") as fh:
        fh.write("otro@ejemplo.gob.mx,director,,,\n")
    at = _as("app.py", SABGOB)
    assert _menu(at) == PUBLIC_MENU
    assert "rol desconocido «director»" in plain(" ".join(w.value for w in at.sidebar.warning))


def test_every_page_declares_its_audience():
    from access.policy import AUDIENCIAS
    from pages.ui.layout import PAGES
    files = {"app.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    assert files == set(PAGES), "declare every page (and only existing ones) in pages/ui/layout.py PAGES"
    assert {p.audiencia for p in PAGES.values()} <= set(AUDIENCIAS)
    internal = {path for path, p in PAGES.items() if p.audiencia != "publica"}
    assert internal == {PLAZOS, ESTADO, MODERACION}
