"""The roles catalog (data/catalogos/usuarios.csv): validated all at once with Spanish messages by row; an address
outside it, or outside its validity, is public."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from access.users import UsersCatalogError, load_users, role_for, with_role

ROOT = Path(__file__).resolve().parent.parent
ENTES = ROOT / "data" / "catalogos" / "entes.csv"
HEADER = "correo,rol,ente_id,vigente_desde,vigente_hasta\n"


def _catalog(tmp_path, body: str) -> Path:
    path = tmp_path / "usuarios.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_shipped_catalog_is_valid():
    users = load_users(ROOT / "data" / "catalogos" / "usuarios.csv", ENTES)
    assert {u.rol for u in users} == {"sabgob", "sefiplan", "enlace", "titular"}
    assert all(u.correo.endswith("ejemplo.gob.mx") for u in users)   # examples, never real addresses


def test_roles_by_address_and_validity(tmp_path):
    users = load_users(_catalog(tmp_path, (
        "Ut@SEFIPLAN.ejemplo.gob.mx ,enlace,SEFIPLAN,2026-01-01,2026-06-30\n"
        "ut@sefiplan.ejemplo.gob.mx,titular,SEFIPLAN,2026-07-01,\n"
        "coord@sabgob.ejemplo.gob.mx,sabgob,,,\n")), ENTES)
    enlace = role_for(users, "UT@sefiplan.ejemplo.gob.mx", date(2026, 6, 30))   # last day included
    assert (enlace.rol, enlace.ente_id) == ("enlace", "SEFIPLAN")
    assert role_for(users, "ut@sefiplan.ejemplo.gob.mx", date(2026, 7, 1)).rol == "titular"
    assert role_for(users, "ut@sefiplan.ejemplo.gob.mx", date(2025, 12, 31)) is None    # before its validity
    assert role_for(users, "coord@sabgob.ejemplo.gob.mx", date(2030, 1, 1)).rol == "sabgob"
    assert role_for(users, "alguien@correo.mx", date(2026, 7, 1)) is None             # not in the catalog
    assert role_for(users, None, date(2026, 7, 1)) is None
    assert [u.correo for u in with_role(users, "titular", date(2026, 8, 1), "SEFIPLAN")] == [
        "ut@sefiplan.ejemplo.gob.mx"]


def test_every_problem_is_reported_with_its_row(tmp_path):
    path = _catalog(tmp_path, (
        "a@ejemplo.gob.mx,jefe,,,\n"                          # 2: unknown role
        "b@ejemplo.gob.mx,enlace,,,\n"                         # 3: enlace without ente
        "c@ejemplo.gob.mx,titular,NOEXISTE,,\n"                # 4: unknown ente
        "d@ejemplo.gob.mx,sabgob,SEFIPLAN,,\n"                 # 5: sabgob with an ente
        "e@ejemplo.gob.mx,enlace,SEGOB,31/01/2026,\n"          # 6: bad date
        "f@ejemplo.gob.mx,enlace,SEGOB,2026-03-01,2026-02-01\n"  # 7: end before start
        "no-es-correo,enlace,SEGOB,,\n"                        # 8: not an address
        "g@ejemplo.gob.mx,enlace,SEGOB,2026-01-01,\n"          # 9 and 10: two roles at once
        "g@ejemplo.gob.mx,titular,SEGOB,2026-06-01,\n"
        "h@ejemplo.gob.mx,enlace,SECOES,2026-01-01,\n"))        # 11: an ente that no longer exists
    with pytest.raises(UsersCatalogError) as info:
        load_users(path, ENTES)
    problems = info.value.problems
    assert problems == [
        "fila 2, columna rol: rol desconocido «jefe»; use uno de: sabgob, sefiplan, enlace, titular",
        "fila 3, columna ente_id: el rol enlace ve solo su ente; escriba su ente_id (data/catalogos/entes.csv)",
        "fila 4, columna ente_id: ente desconocido «NOEXISTE»; use un ente_id de data/catalogos/entes.csv",
        "fila 5, columna ente_id: el rol sabgob ve todos los entes; deje ente_id vacío",
        "fila 6, columna vigente_desde: fecha inválida «31/01/2026»; use AAAA-MM-DD (p. ej. 2026-01-31)",
        "fila 7: vigente_hasta (2026-02-01) es anterior a vigente_desde (2026-03-01)",
        "fila 8, columna correo: «no-es-correo» no es un correo electrónico",
        "fila 11, columna ente_id: el ente SECOES dejó de existir el 2025-02-10, antes de vigente_desde "
        "(2026-01-01); use el ente que lo sucedió",
        "filas 9 y 10: g@ejemplo.gob.mx tiene dos roles vigentes a la vez; cierre la vigencia de una fila "
        "(vigente_hasta) antes de que empiece la otra",
    ]
    assert str(info.value).startswith(f"El catálogo de usuarios {path} tiene 9 problema(s):")


def test_wrong_header_and_missing_file(tmp_path):
    path = tmp_path / "usuarios.csv"
    path.write_text("correo,rol,ente\nx@ejemplo.gob.mx,sabgob,\n", encoding="utf-8")
    with pytest.raises(UsersCatalogError, match="faltan las columnas ente_id, vigente_desde, vigente_hasta; "
                                                "sobran las columnas ente"):
        load_users(path, ENTES)
    assert load_users(tmp_path / "no_existe.csv", ENTES) == ()   # no catalog: everyone is public


def test_users_command(tmp_path):
    folder = tmp_path / "catalogos"
    shutil.copytree(ROOT / "data" / "catalogos", folder)
    run = lambda: subprocess.run([sys.executable, "-m", "access", "usuarios", "--fecha", "2026-12-01"], cwd=ROOT,
                                 env={**__import__("os").environ, "TABLERO_CATALOGOS": str(folder)},
                                 capture_output=True, text=True, timeout=60)
    ok = run()
    assert ok.returncode == 0, ok.stderr
    assert "vigentes el 2026-12-01: sabgob 1, sefiplan 1, enlace 5, titular 5" in ok.stdout
    with (folder / "usuarios.csv").open("a", encoding="utf-8") as fh:
        fh.write("mal@ejemplo.gob.mx,director,,,\n")
    bad = run()
    assert bad.returncode == 1
    assert "fila 15, columna rol: rol desconocido «director»" in bad.stderr and "Traceback" not in bad.stderr
