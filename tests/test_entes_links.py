"""Where an ente publishes its obligations comes only from the ente catalog: https addresses and PNT numbers are
checked when the catalog loads (a Spanish message with file, row and column), and the links are built from them."""
from __future__ import annotations

import pytest

from common.errors import BuildError
from common.links import PNT_CONSULTA, https_problem, pnt_url
from helpers import build, catalogs_with_entes, query

GOOD = "NUEVO,Instituto Nuevo,IN,Organismo descentralizado,Organismos descentralizados,estatal,2020-01-01,,no,prueba"


@pytest.mark.parametrize("url, problem", [
    ("https://www.sefiplan.qroo.gob.mx/transparencia", None),
    ("http://www.sefiplan.qroo.gob.mx", "debe empezar con https://"),
    ("javascript:alert(1)", "debe empezar con https://"),
    ("https://localhost", "le falta el nombre del servidor"),
    ("https://usuario:clave@ente.gob.mx", "no debe llevar usuario ni contraseña"),
    ("https://ente.gob.mx/a b", "tiene espacios"),
])
def test_https_addresses(url, problem):
    found = https_problem(url)
    assert (found is None) if problem is None else (problem in found)


def test_pnt_links():
    # Quintana Roo is entity 23 in the PNT; its consultation takes both numbers in base 64 (23 → MjM=, 1234 → MTIzNA==)
    assert pnt_url("1234") == PNT_CONSULTA + "?idEntidad=MjM=&idSujetoObligado=MTIzNA==#obligaciones"
    assert pnt_url(None) == PNT_CONSULTA + "#inicio"


def test_the_catalog_rejects_bad_links_with_row_and_column(tmp_path, monkeypatch):
    catalogs = catalogs_with_entes(tmp_path, f"{GOOD},12a,http://instituto.qroo.gob.mx\n")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError) as err:
        build(tmp_path / "in", tmp_path)
    text = str(err.value)
    assert "entes.csv, fila 41, columna id_sujeto_obligado_pnt: «12a» debe ser el número del sujeto obligado" in text
    assert ("entes.csv, fila 41, columna url_portal_transparencia: «http://instituto.qroo.gob.mx» debe empezar con "
            "https://") in text


def test_good_links_reach_the_warehouse(tmp_path, monkeypatch):
    catalogs = catalogs_with_entes(tmp_path, f"{GOOD},4321,https://instituto.qroo.gob.mx/transparencia\n")
    monkeypatch.setenv("TABLERO_CATALOGOS", str(catalogs))
    (tmp_path / "in").mkdir()
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT id_sujeto_obligado_pnt, url_portal_transparencia FROM ente WHERE ente_id = 'NUEVO'") == [
        ("4321", "https://instituto.qroo.gob.mx/transparencia")]
    assert query(db, "SELECT url_portal_transparencia FROM ente WHERE ente_id = 'SEFIPLAN'") == [
        ("https://www.sefiplan.qroo.gob.mx",)]
