"""Where an ente's obligations are published, as links built only from the ente catalog (data/catalogos/entes.csv):
never from input data nor from what a visitor types.

- url_portal_transparencia: the ente's own transparency portal, an https address checked when the catalog loads;
- id_sujeto_obligado_pnt: the ente's number in the Plataforma Nacional de Transparencia (PNT). With it the link
  opens the ente's obligations in the PNT's public consultation; without it, the consultation's start page, where
  the visitor picks the state and the institution.
"""
from __future__ import annotations

import base64
from urllib.parse import urlsplit

PNT_CONSULTA = "https://consultapublicamx.plataformadetransparencia.org.mx/vut-web/faces/view/consultaPublica.xhtml"
# The PNT numbers the federal entities as INEGI does: Quintana Roo is 23. Its consultation takes both numbers in
# base 64 (idEntidad=MjM= is 23).
PNT_ENTIDAD = "23"


def https_problem(url: str) -> str | None:
    """Why `url` cannot be a link of the catalog (Spanish), or None when it is a plain https address."""
    if any(c.isspace() for c in url) or any(ord(c) < 32 for c in url):
        return "tiene espacios o caracteres de control"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError:
        return "no es una dirección válida"
    if parts.scheme != "https":
        return "debe empezar con https:// (una dirección segura)"
    if not host or "." not in host:
        return "le falta el nombre del servidor (p. ej. https://www.ente.qroo.gob.mx/transparencia)"
    if parts.username or parts.password:
        return "no debe llevar usuario ni contraseña"
    return None


def pnt_id_problem(value: str) -> str | None:
    """Why `value` cannot be a PNT number (Spanish), or None."""
    return None if value.isdigit() and len(value) <= 10 else "debe ser el número del sujeto obligado en la PNT (solo cifras)"


def pnt_url(id_sujeto_obligado: str | None) -> str:
    """The ente's obligations in the PNT's public consultation; its start page when the number is not registered."""
    if not id_sujeto_obligado:
        return PNT_CONSULTA + "#inicio"
    entidad, sujeto = (base64.b64encode(v.encode("ascii")).decode("ascii") for v in (PNT_ENTIDAD, id_sujeto_obligado))
    return f"{PNT_CONSULTA}?idEntidad={entidad}&idSujetoObligado={sujeto}#obligaciones"
