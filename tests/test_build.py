"""The build: rejects with reasons, nothing lost, strict mode, atomic swap, empty sources, the CLI."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PLANTILLA_HEADER, build, query, write

from common.errors import BuildError
from etl.build import STAGES, build_warehouse
from etl.sources import folders

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
GOOD = f"240000000000001,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No\n"
BAD_ROWS = f"""240000000000002,2024-09-02,,SECRETARÍA DE FINANSAS Y PLANEACION,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
240000000000003,31/02/2024,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
240000000000004,2024-09-10,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
240000000000005,2024-09-10,,SEFIPLAN,Información pública,,,Archivada por magia,{ENTREGA},2024-09-13,No,No
"""


def test_bad_rows_go_to_rejects_with_file_row_column_and_reason(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD + BAD_ROWS)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT folio FROM solicitud") == [("240000000000001",)]
    rejects = {r[0]: r[1:] for r in query(db, "SELECT fila, archivo, columna, valor, motivo FROM rechazo")}
    assert sorted(rejects) == [3, 4, 5, 6]
    archivo, columna, valor, motivo = rejects[3]
    assert (archivo, columna, valor) == ("registro.csv", "dependencia", "SECRETARÍA DE FINANSAS Y PLANEACION")
    assert "Secretaría de Finanzas y Planeación (SEFIPLAN)" in motivo  # the closest known name
    assert rejects[4][1:3] == ("fecha_solicitud", "31/02/2024") and "imposible" in rejects[4][3]
    assert rejects[5][1] == "fecha_respuesta" and "anterior" in rejects[5][3]
    assert rejects[6][1] == "estatus" and "estatus.csv" in rejects[6][3]
    # Nothing lost: read = loaded + rejected + duplicates.
    assert query(db, "SELECT filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas FROM carga") == [(5, 1, 4, 0)]


def test_load_record_has_the_sha256_of_each_file_as_read(tmp_path):
    """The hash is taken in the background (etl.load_log.FileHashes), for files of both readers."""
    fast = write(tmp_path / "in" / "solicitudes" / "a.csv", PLANTILLA_HEADER + "\n" + GOOD)
    careful = tmp_path / "in" / "solicitudes" / "b.csv"  # cp1252: the careful reader's
    careful.write_bytes((PLANTILLA_HEADER + "\n" + GOOD.replace("240000000000001", "240000000000009")
                         .replace("Información", "Informaci\u00f3n")).encode("cp1252"))
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT archivo, sha256, codificacion FROM carga ORDER BY archivo") == [
        ("a.csv", hashlib.sha256(fast.read_bytes()).hexdigest(), "utf-8"),
        ("b.csv", hashlib.sha256(careful.read_bytes()).hexdigest(), "cp1252")]


def test_same_folio_in_overlapping_exports_is_one_request_latest_state_wins(tmp_path):
    older = PLANTILLA_HEADER + "\n240000000000009,2024-12-30,,SEFIPLAN,Información pública,,,En proceso,Registro de la Solicitud,,No,No\n"
    newer = PLANTILLA_HEADER + f"\n240000000000009,2024-12-30,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2025-01-06,No,No\n" \
                               f"250000000000001,2025-01-06,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2025-01-07,No,No\n"
    write(tmp_path / "in" / "solicitudes" / "b_2024.csv", older)  # names sort the other way on purpose
    write(tmp_path / "in" / "solicitudes" / "a_2025.csv", newer)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT estado, archivo FROM solicitud JOIN carga USING (carga_id) "
                     "WHERE folio = '240000000000009'") == [("terminada", "a_2025.csv")]
    assert query(db, "SELECT archivo, filas_duplicadas FROM carga ORDER BY archivo") == [("a_2025.csv", 0), ("b_2024.csv", 1)]


def test_folios_keep_leading_zeros(tmp_path):
    row = f"\n000532025767088,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No\n"
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + row)
    assert query(build(tmp_path / "in", tmp_path), "SELECT folio FROM solicitud") == [("000532025767088",)]


def test_strict_mode_fails_and_leaves_the_served_warehouse_untouched(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD)
    db = build(tmp_path / "in", tmp_path)
    before = db.read_bytes()
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD + BAD_ROWS)
    with pytest.raises(BuildError, match="estricto"):
        build_warehouse(tmp_path / "in", db, strict=True)
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_unreadable_file_stops_the_build_and_keeps_the_served_warehouse(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD)
    db = build(tmp_path / "in", tmp_path)
    before = db.read_bytes()
    write(tmp_path / "in" / "solicitudes" / "otra_cosa.csv", "nombre,telefono\nAna,555\n")
    with pytest.raises(BuildError, match="otra_cosa.csv"):
        build_warehouse(tmp_path / "in", db)
    assert db.read_bytes() == before


def test_leftover_temporary_file_of_a_crashed_build_is_removed(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD)
    leftover = tmp_path / ".almacen.duckdb.build-20240101T000000-abcdef.tmp"
    leftover.write_bytes(b"half a database")
    build(tmp_path / "in", tmp_path)
    assert not leftover.exists()


def test_absent_sources_are_not_an_error(tmp_path):
    (tmp_path / "in").mkdir()
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT count(*) FROM solicitud") == [(0,)]
    empty = query(db, "SELECT valor FROM metadatos WHERE clave = 'fuentes_sin_datos'")[0][0].split(",")
    assert {"solicitudes", "recursos"} <= set(empty)


def test_cli_summary_and_exit_codes(tmp_path):
    write(tmp_path / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + GOOD + BAD_ROWS)
    root = Path(__file__).resolve().parent.parent
    run = lambda *args: subprocess.run([sys.executable, "-m", "etl", "build", "--inputs", str(tmp_path / "in"),  # noqa: E731
                                        "--db", str(tmp_path / "w.duckdb"), *args], cwd=root, capture_output=True,
                                       text=True, env={**os.environ, "PYTHONPATH": str(root)})
    ok = run()
    assert ok.returncode == 0, ok.stderr
    assert "registro.csv" in ok.stdout and "TOTAL" in ok.stdout
    strict = run("--strict")
    assert strict.returncode != 0 and "estricto" in strict.stderr


def test_every_input_folder_is_read_by_exactly_one_stage():
    """The build reads each domain's folders right before its stage (only one domain's raw rows in memory)."""
    read = [folder for _name, _stage, stage_folders in STAGES for folder in stage_folders]
    assert sorted(read) == sorted(folders()) and len(read) == len(set(read))
