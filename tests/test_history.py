"""Published quarterly statistics (two real quarters, as published), reconciliation, lineage and combined series.

Hand-checked against the published tables: Q4 2017 DEPENDENCIAS TOTAL = 268 requests (Hombre 96) and
Q1 2018 DEPENDENCIAS TOTAL = 296 (Hombre 151); the TOTAL row's average time is the rounded unweighted mean of
the entes' averages (85 / 15 = 5.67 → 6 in both quarters). Secretaría Particular published a blank row in Q4 2017.
"""
import shutil
from pathlib import Path

import pytest
from helpers import PLANTILLA_HEADER, build, query, write

from common.errors import BuildError

REAL = Path(__file__).parent / "fixtures" / "estadistica_trimestral"


def real_inputs(tmp: Path) -> Path:
    folder = tmp / "in" / "estadistica_trimestral"
    folder.mkdir(parents=True)
    for path in REAL.glob("*.csv"):
        shutil.copy(path, folder / path.name)
    return tmp / "in"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("historia")
    return build(real_inputs(tmp), tmp)


def test_every_published_name_resolves_and_nothing_is_rejected(db):
    assert query(db, "SELECT count(*) FROM rechazo") == [(0,)]
    assert query(db, "SELECT trimestre, count(*) FROM solicitud_estadistica GROUP BY 1 ORDER BY 1") == [
        ("2017-T4", 21), ("2018-T1", 20)]


def test_every_published_identity_and_total_reconciles(db):
    assert query(db, "SELECT * FROM conciliacion") == []


def test_blank_row_is_not_reported_and_has_no_value(db):
    assert query(db, "SELECT reportado, total FROM solicitud_estadistica WHERE ente_id = 'SP' AND trimestre = '2017-T4'") \
        == [(False, None)]
    assert query(db, "SELECT count(*) FROM indicador_valor WHERE clave = 'SP' AND periodo = '2017-T4'") == [(0,)]
    # A published zero is a zero.
    assert query(db, "SELECT valor FROM indicador_valor WHERE clave = 'SEDE' AND periodo = '2017-T4' "
                     "AND indicador = 'solicitudes_recibidas'") == [(0.0,)]


def test_quarter_source_is_logged(db):
    notes = query(db, "SELECT archivo, avisos FROM carga ORDER BY archivo")
    assert all("tomado del nombre del archivo" in avisos for _, avisos in notes)


def test_published_series_values(db):
    rows = dict(((c, p, i), (v, f)) for c, p, i, v, f in query(db, """
        SELECT clave, periodo, indicador, valor, fuente FROM indicador_valor WHERE tipo_periodo = 'trimestre'"""))
    assert rows[("SEFIPLAN", "2017-T4", "solicitudes_recibidas")] == (79, "estadistica_publicada")
    assert rows[("SEFIPLAN", "2018-T1", "pct_competencia")][0] == pytest.approx(100 * 61 / 67)
    # SEFIPLAN's own published average is 4 days; the government's published figure is an unweighted mean of entes.
    assert rows[("SEFIPLAN", "2017-T4", "dias_respuesta_promedio_publicado")][0] == 4
    assert rows[("GEQROO", "2018-T1", "dias_respuesta_promedio_publicado")][0] == pytest.approx(116 / 20)
    assert rows[("GEQROO", "2018-T1", "solicitudes_recibidas")][0] == 296 + 13 + 0
    # No monthly or yearly values come from quarterly tables.
    assert query(db, "SELECT DISTINCT tipo_periodo FROM indicador_valor WHERE fuente = 'estadistica_publicada'") == [("trimestre",)]


def test_renamed_ente_series_follows_its_predecessors(db):
    assert query(db, "SELECT antecesor_id FROM ente_linaje WHERE ente_id = 'SABGOB' ORDER BY distancia") == [
        ("SABGOB",), ("SECOES",), ("SGP",)]
    series = query(db, """SELECT v.periodo, v.clave, v.valor FROM indicador_valor v
                          JOIN ente_linaje l ON l.antecesor_id = v.clave AND l.ente_id = 'SEQ'
                          WHERE v.indicador = 'solicitudes_recibidas' AND v.nivel = 'ente' ORDER BY v.periodo""")
    assert series == [("2017-T4", "SEYC", 16.0), ("2018-T1", "SEQ", 43.0)]


def test_a_mismatch_is_reported_and_does_not_stop_the_load(tmp_path):
    inputs = real_inputs(tmp_path)
    path = inputs / "estadistica_trimestral" / "idaipqroo_2018_t1_poder_ejecutivo.csv"
    text = path.read_text(encoding="utf-8").replace("TOTAL,151,95,9,41,296,", "TOTAL,151,95,9,41,299,")
    path.write_text(text, encoding="utf-8")
    db = build(inputs, tmp_path)
    assert query(db, "SELECT trimestre, regla, esperado, publicado FROM conciliacion") == [
        ("2018-T1", "TOTAL = suma de entes (Total)", 296.0, 299.0)]
    assert query(db, "SELECT count(*) FROM solicitud_estadistica") == [(41,)]


def test_quarter_from_a_title_row_and_unknown_name(tmp_path):
    table = ("CUARTO TRIMESTRE 2018\nS.O.,Número y Perfil de Solicitantes,,,,,,,Modalidades de Entrega,,,,,\n"
             ",Hombre,Mujer,Personas Morales,No Identificado,Total,Total de Competencia,Total de No Competencia,"
             "Por Escrito,Verbal,Telégrafo,Medios Electrónicos,Total,Tiempo Promedio de Resp.\n"
             "DEPENDENCIAS,,,,,,,,,,,,,\n"
             "SECRETARÍA DE OBRAS PÚBLICAS (SEOP),1,1,0,0,2,2,0,0,0,0,2,2,5\n"
             "SECRETARÍA DE TURISMOS,1,0,0,0,1,1,0,0,0,0,1,1,3\n")
    write(tmp_path / "in" / "estadistica_trimestral" / "tabla.csv", table)
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT ente_id, trimestre, origen_trimestre FROM solicitud_estadistica") == [
        ("SEOP", "2018-T4", "del título de la tabla")]
    (fila, motivo), = query(db, "SELECT fila, motivo FROM rechazo")
    assert fila == 6 and "Secretaría de Turismo (SEDETUR)" in motivo


def test_file_without_quarter_stops_the_build(tmp_path):
    source = (REAL / "idaipqroo_2018_t1_poder_ejecutivo.csv").read_text(encoding="utf-8")
    write(tmp_path / "in" / "estadistica_trimestral" / "tabla_sin_fecha.csv", source)
    with pytest.raises(BuildError, match="trimestre"):
        build(tmp_path / "in", tmp_path)


def test_row_level_months_take_over_from_published_quarters(tmp_path):
    inputs = real_inputs(tmp_path)
    entrega = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
    write(inputs / "solicitudes" / "r.csv",
          PLANTILLA_HEADER + f"\n180000000000001,2018-02-05,,SEFIPLAN,Información pública,,,Terminada,{entrega},2018-02-07,No,No\n")
    db = build(inputs, tmp_path)
    # 2018-T1 now has row-level data: the published quarter no longer feeds the series; 2017-T4 still does.
    assert query(db, "SELECT periodo, valor, fuente FROM indicador_valor WHERE clave = 'SEFIPLAN' "
                     "AND indicador = 'solicitudes_recibidas' AND tipo_periodo = 'trimestre' ORDER BY periodo") == [
        ("2017-T4", 79.0, "estadistica_publicada"), ("2018-T1", 1.0, "registros")]


def test_published_quarters_in_the_open_data_export(db, tmp_path):
    import csv

    from indicators.export import export_indicators
    export_indicators(db, tmp_path / "x.csv")
    with (tmp_path / "x.csv").open(encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["indicador"] == "solicitudes_recibidas"]
    by_key = {(r["ente_id"], r["periodo"]): r for r in rows}
    assert by_key[("SEFIPLAN", "2017-T4")]["valor"] == "79.0"
    assert by_key[("SEFIPLAN", "2017-T4")]["fuente"] == "estadistica_publicada"
    assert ("SP", "2017-T4") not in by_key          # did not report: no value, never 0
    assert by_key[("SP", "2018-T1")]["valor"] == "2.0"
