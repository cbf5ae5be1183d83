"""Where each ente publishes its obligations, on the Ficha del ente and on Verificación (AppTest on the session
warehouse): the links are built only from the ente catalog (data/catalogos/entes.csv → table ente; common/links.py),
never from input data. SEFIPLAN has a portal and no PNT number in the catalog; SEGOB has neither."""
from __future__ import annotations

import pytest

from common.links import pnt_url
from conftest import all_text, run_page


def _links(at) -> dict[str, str]:
    return {b.proto.label: b.proto.url for b in at.get("link_button")}


def _catalog_urls(sql) -> set[str]:
    """Every address the catalog can produce: each ente's portal and its PNT link (or the PNT's start page)."""
    rows = sql("SELECT id_sujeto_obligado_pnt, url_portal_transparencia FROM ente")
    return {u for _id, u in rows if u} | {pnt_url(i) for i, _u in rows}


@pytest.mark.parametrize("page, params", [
    ("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "anio", "periodo": "2025"}),
    ("pages/6_Verificacion.py", {"ente": "SEFIPLAN"}),
])
def test_the_ente_links_come_from_its_catalog_row(app_db, sql, page, params):
    at = run_page(page, params)
    assert not at.exception
    portal, pnt_id = sql("SELECT url_portal_transparencia, id_sujeto_obligado_pnt FROM ente WHERE ente_id = 'SEFIPLAN'")[0]
    assert portal == "https://www.sefiplan.qroo.gob.mx" and pnt_id is None   # as data/catalogos/entes.csv says
    assert _links(at) == {"Portal de transparencia del ente": portal, "Consultar en la PNT": pnt_url(None)}
    assert "En la PNT elija «Quintana Roo» y la institución «Secretaría de Finanzas y Planeación»." in all_text(at)


@pytest.mark.parametrize("ente", ["SEGOB", "SEFIPLAN", "SESA", "SEQ"])
def test_every_link_on_the_ficha_is_one_the_catalog_builds(app_db, sql, ente):
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": ente, "tipo": "anio", "periodo": "2025"})
    assert not at.exception
    links = set(_links(at).values())
    assert links and links <= _catalog_urls(sql)
    if ente == "SEGOB":   # no portal in the catalog: no button for it, and a sentence that says so
        assert "Portal de transparencia del ente" not in _links(at)
        assert "No hay un enlace registrado al portal de transparencia de este ente." in all_text(at)
