"""A tiny warehouse for the Unidades de Transparencia: its own tiers (0–9 → 1 person, 10–19 → 2, 20 or more → 3) and
requests and plantilla chosen to sit at the tier borders (tests/test_ut_perfil.py works every number out by hand)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from common.paths import CATALOGOS_DIR
from helpers import build, write

TIERS = """
[[nivel]]
nivel = "Uno"
solicitudes_desde = 0
solicitudes_hasta = 9
personal_minimo = 1
perfil_titular = "por confirmar"
equipo = "por confirmar"
confirmado = false
fuente = "prueba"

[[nivel]]
nivel = "Dos"
solicitudes_desde = 10
solicitudes_hasta = 19
personal_minimo = 2
perfil_titular = "por confirmar"
equipo = "por confirmar"
confirmado = false
fuente = "prueba"

[[nivel]]
nivel = "Tres"
solicitudes_desde = 20
personal_minimo = 3
perfil_titular = "por confirmar"
equipo = "por confirmar"
confirmado = false
fuente = "prueba"
"""
HEADER = ("folio,fecha_presentacion,fecha_recepcion,ente,tipo_solicitud,derecho_arcop,medio_entrada,estatus,respuesta,"
          "fecha_respuesta,hubo_ampliacion,hubo_prevencion")
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"


def _requests(ente: str, fecha: str, n: int, start: int, datos_personales: int = 0) -> list[str]:
    rows = []
    for k in range(n):
        tipo = "Datos personales" if k < datos_personales else "Información pública"
        arcop = "Acceso" if k < datos_personales else ""
        rows.append(f"{start + k:015d},{fecha},,{ente},{tipo},{arcop},,Terminada,{ENTREGA},{fecha},No,No")
    return rows


def write_inputs(inputs: Path) -> Path:
    rows = (_requests("SEFIPLAN", "2023-12-05", 1, 1) + _requests("SEFIPLAN", "2024-06-11", 9, 100, 3)
            + _requests("SEGOB", "2024-03-12", 20, 200) + _requests("OM", "2024-12-10", 19, 300))
    write(inputs / "solicitudes" / "registro.csv", HEADER + "\n" + "\n".join(rows) + "\n")
    write(inputs / "capacitacion" / "plantilla.csv", "ente,fecha_corte,total_personal,personal_ut\n"
          "SEFIPLAN,2024-01-01,50,1\nSEGOB,2023-12-31,80,3\nOM,2023-12-31,30,1\n")
    return inputs


def catalog_copy(tmp_path: Path) -> Path:
    catalogs = tmp_path / "catalogos"
    shutil.copytree(CATALOGOS_DIR, catalogs)
    (catalogs / "perfil_ut.toml").write_text(TIERS, encoding="utf-8")
    return catalogs




def build_ut_warehouse(tmp: Path) -> Path:
    """The warehouse of write_inputs, built with the test tiers (TABLERO_CATALOGOS points at a copy meanwhile)."""
    catalogs = catalog_copy(tmp)
    old = os.environ.get("TABLERO_CATALOGOS")
    os.environ["TABLERO_CATALOGOS"] = str(catalogs)
    try:
        return build(write_inputs(tmp / "in"), tmp)
    finally:
        if old is None:
            del os.environ["TABLERO_CATALOGOS"]
        else:
            os.environ["TABLERO_CATALOGOS"] = old
