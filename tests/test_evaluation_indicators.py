"""The build reads the citizens' evaluations from the participación store and computes their indicators and the
comparison with the verifiers; every value below is worked out by hand.

Store (times UTC; Quintana Roo is UTC−5), SEFIPLAN, LGTAIP 2025 art. 65:
  fr. VIII, 7 that count in September 2026 (the last one sent on 1 October 03:30 UTC, i.e. 30 September 22:30 in
    Quintana Roo, counts in September):
      encontrada  sí, sí, sí, parcialmente, parcialmente, parcialmente, no   → 100 × (3 + 0.5 × 3) / 7 = 64.2857
      actualizada sí, sí, sí, no, no, no sé, no sé                           → 100 × 3 / (3 + 2)   = 60.0
      comprensión 5, 4, 3, 3, 2, 3, 2                                         → 22 / 7              = 3.142857
    plus one with a comment still pending and one rejected: neither counts.
  fr. IX, 4 in September (sí, sí, 5) and 1 in August (no, no, 1).
Per ente: September 11 evaluations, (4.5 + 4) / 11 = 77.2727 % encontrada; actualizada (3 + 4) / (5 + 4) = 77.7778 %;
  comprensión (22 + 20) / 11 = 3.818182. August: 1 evaluation, below the minimum of 5: datos insuficientes.
  Third quarter: 12 evaluations, 8.5 / 12 = 70.8333 % (the counts are added, not the months' percentages).
Per fracción, September: VIII as above; IX has 4 (< 5): no value.
Verifications of SEFIPLAN: 2025-09-12 fr. VIII 0 (outside the 12 months to September 2026), 2026-06-12 fr. VIII 100
  and fr. IX 100, 2026-09-12 fr. VIII 90.
Comparison, 12 months to September 2026 (October 2025 – September 2026):
  VIII: citizens 64.2857, verifiers (100 + 90) / 2 = 95 → difference −30.7143: disagreement (≥ 25 points).
  IX:   citizens 5 evaluations (4 × sí + no) = 80.0, verifiers 100 → −20: no disagreement.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from common.errors import BuildError
from helpers import build, query, write
from participacion import engine as store_engine
from participacion import migrate, moderation
from participacion.abuse import Limits
from participacion.evaluations import Answers, Origin, submit

VERIFICACIONES = """verificacion,tipo_verificacion,periodo_evaluado,fecha_verificacion,ente,fraccion,porcentaje,observacion
VM-2025-09,Mensual,2025-08,2025-09-12,SEFIPLAN,VIII,0,
VM-2026-06,Mensual,2026-05,2026-06-12,SEFIPLAN,VIII,100,
VM-2026-06,Mensual,2026-05,2026-06-12,SEFIPLAN,IX,100,
VM-2026-09,Mensual,2026-08,2026-09-12,SEFIPLAN,VIII,90,
"""
VIII = [("si", "si", 5), ("si", "si", 4), ("si", "si", 3), ("parcialmente", "no", 3), ("parcialmente", "no", 2),
        ("parcialmente", "no_se", 3), ("no", "no_se", 2)]


def fill_store(url: str) -> dict[str, str]:
    """The evaluations of the module docstring; returns the ids of the pending and the rejected one."""
    store = store_engine.create(url)
    migrate.migrate(store)
    n = 0

    def send(fraccion, answer, when, comentario=None, ente="SEFIPLAN"):
        nonlocal n
        n += 1
        outcome = submit(store, Answers(ente, "LGTAIP2025", "65", fraccion, *answer, comentario),
                         Origin(f"sesion-{n}", f"cliente-{n}"), Limits(), now=when)
        assert outcome.guardada, outcome.mensaje
        return outcome.evaluacion_id

    for k, answer in enumerate(VIII[:-1]):
        send("VIII", answer, datetime(2026, 9, 3 + k, 16, 0), comentario="Bien" if k == 0 else None)
    send("VIII", VIII[-1], datetime(2026, 10, 1, 3, 30))
    moderation.decide(store, _id_with_comment(store, "Bien"), "aprobada", "m@sabgob.ejemplo.gob.mx")
    pending = send("VIII", ("si", "si", 5), datetime(2026, 9, 20, 16, 0), comentario="Todavía sin revisar")
    rejected = send("VIII", ("no", "no", 1), datetime(2026, 9, 21, 16, 0), comentario="Insulto")
    moderation.decide(store, rejected, "rechazada", "m@sabgob.ejemplo.gob.mx", motivo="Lenguaje ofensivo")
    for k in range(4):
        send("IX", ("si", "si", 5), datetime(2026, 9, 10 + k, 16, 0))
    send("IX", ("no", "no", 1), datetime(2026, 8, 10, 16, 0))
    send("VIII", ("si", "si", 5), datetime(2026, 9, 10, 16, 0), ente="NOEXISTE")   # an ente the catalog lost
    store.dispose()
    return {"pendiente": pending, "rechazada": rejected}


def _id_with_comment(store, text: str) -> str:
    data = moderation.pending(store)
    return data.loc[data["comentario"] == text, "evaluacion_id"].iloc[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("evaluaciones")
    url = f"sqlite:///{tmp / 'participacion.sqlite'}"
    ids = fill_store(url)
    write(tmp / "in" / "verificaciones" / "verificaciones.csv", VERIFICACIONES)
    return build(tmp / "in", tmp, participacion=url), url, ids, tmp


def value(db, indicador: str, periodo: str, tipo: str = "mes"):
    return query(db, """SELECT round(valor, 4), numerador, denominador, suficiente FROM indicador_valor
                        WHERE nivel = 'ente' AND clave = 'SEFIPLAN' AND indicador = ? AND tipo_periodo = ?
                          AND periodo = ?""", [indicador, tipo, periodo])


def test_indicators_per_ente_and_month_equal_the_hand_values(built):
    db = built[0]
    assert value(db, "evaluacion_ciudadana_evaluaciones", "2026-09") == [(11.0, 11.0, None, True)]
    assert value(db, "evaluacion_ciudadana_pct_encontrada", "2026-09") == [(77.2727, 8.5, 11.0, True)]
    assert value(db, "evaluacion_ciudadana_pct_actualizada", "2026-09") == [(77.7778, 7.0, 9.0, True)]
    assert value(db, "evaluacion_ciudadana_comprension_media", "2026-09") == [(3.8182, 42.0, 11.0, True)]
    # August: one evaluation, under the minimum of 5: the value is not shown as enough data
    assert value(db, "evaluacion_ciudadana_pct_encontrada", "2026-08") == [(0.0, 0.0, 1.0, False)]
    # the quarter adds the counts: 8.5 / 12, not the mean of 0 % and 77.27 %
    assert value(db, "evaluacion_ciudadana_pct_encontrada", "2026-T3", "trimestre") == [(70.8333, 8.5, 12.0, True)]


def test_per_fraccion_and_month(built):
    rows = query(built[0], """SELECT fraccion, strftime(mes, '%Y-%m'), evaluaciones, puntos_encontrada, actualizada_si,
                                     actualizada_opinion, suma_comprension
                              FROM evaluacion_ciudadana_fraccion_mes WHERE ente_id = 'SEFIPLAN' ORDER BY 1, 2""")
    assert rows == [("IX", "2026-08", 1, 0, 0, 1, 1), ("IX", "2026-09", 4, 4, 4, 4, 20),
                    ("VIII", "2026-09", 7, 4.5, 3, 5, 22)]


def test_citizens_beside_the_verifiers(built):
    rows = query(built[0], """SELECT fraccion, evaluaciones, round(pct_encontrada, 4), round(pct_actualizada, 4),
                                     round(comprension_media, 4), evaluaciones_verificacion, puntaje_verificacion,
                                     round(diferencia, 4), desacuerdo, obligacion
                              FROM comparacion_ciudadana WHERE ente_id = 'SEFIPLAN' AND mes = DATE '2026-09-01'
                              ORDER BY fraccion""")
    assert rows == [("IX", 5, 80.0, 80.0, 4.2, 1, 100.0, -20.0, False, "Total de plazas y vacantes"),
                    ("VIII", 7, 64.2857, 60.0, 3.1429, 2, 95.0, -30.7143, True,
                     "Gastos de representación y viáticos")]
    # the pages' list of disagreements for that month holds VIII only
    assert query(built[0], "SELECT fraccion FROM comparacion_ciudadana WHERE mes = DATE '2026-09-01' AND desacuerdo"
                 ) == [("VIII",)]


def test_the_store_is_a_source_with_its_load_record(built):
    db = built[0]
    [(archivo, leidas, cargadas, rechazadas, duplicadas, avisos)] = query(db, """
        SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas, avisos FROM carga
        WHERE fuente = 'evaluaciones_ciudadanas'""")
    # 7 + 4 + 1 that count and the unknown ente; the pending and the rejected one are not read
    assert (leidas, cargadas, rechazadas, duplicadas) == (13, 12, 1, 0)
    assert "1 con comentario pendiente de moderación; 1 rechazadas por la moderación" in avisos
    [(columna, valor, motivo)] = query(db, """SELECT columna, valor, motivo FROM rechazo r JOIN carga c USING (carga_id)
                                              WHERE c.fuente = 'evaluaciones_ciudadanas'""")
    assert (columna, valor) == ("ente_id", "NOEXISTE") and "ya no está en data/catalogos/entes.csv" in motivo
    assert query(db, "SELECT count(*) FROM evaluacion_ciudadana") == [(12,)]


def test_weight_zero_keeps_citizens_out_of_the_index(built):
    db = built[0]
    assert query(db, "SELECT count(*) FROM indice_componente WHERE dimension = 'evaluacion_ciudadana'") == [(0,)]
    # September: the citizens' values have enough data, the verification (one fracción, under its minimum) does not:
    # with the citizens' dimension at weight 0 there is no dimension at all, so no index
    assert value(db, "indice_cumplimiento_obligaciones", "2026-09")[0][3] is False
    assert query(db, """SELECT * FROM indice_desempeno WHERE ente_id = 'SEFIPLAN' AND tipo_periodo = 'mes'
                        AND periodo = '2026-09'""") == []


def test_an_approval_counts_from_the_next_build(built):
    db, url, ids, tmp = built
    store = store_engine.create(url)
    moderation.decide(store, ids["pendiente"], "aprobada", "m@sabgob.ejemplo.gob.mx")
    store.dispose()
    again = build(tmp / "in", tmp / "otra", participacion=url)
    # September: 12 evaluations, (8.5 + 1) / 12
    assert value(again, "evaluacion_ciudadana_pct_encontrada", "2026-09") == [(79.1667, 9.5, 12.0, True)]
    assert value(db, "evaluacion_ciudadana_pct_encontrada", "2026-09") == [(77.2727, 8.5, 11.0, True)]


def test_evaluations_survive_rebuilds_on_both_stores(store_url, tmp_path):
    fill_store(store_url)
    write(tmp_path / "in" / "verificaciones" / "verificaciones.csv", VERIFICACIONES)
    first = build(tmp_path / "in", tmp_path / "a", participacion=store_url)
    second = build(tmp_path / "in", tmp_path / "b", participacion=store_url)
    for db in (first, second):
        assert value(db, "evaluacion_ciudadana_pct_encontrada", "2026-09") == [(77.2727, 8.5, 11.0, True)]
    assert query(first, "SELECT count(*) FROM evaluacion_ciudadana") == query(second, "SELECT count(*) FROM "
                                                                                     "evaluacion_ciudadana") == [(12,)]


def test_no_store_is_an_empty_source(tmp_path):
    write(tmp_path / "in" / "verificaciones" / "verificaciones.csv", VERIFICACIONES)
    for url in (None, f"sqlite:///{tmp_path / 'no_existe' / 'p.sqlite'}"):
        db = build(tmp_path / "in", tmp_path / str(bool(url)), participacion=url)
        assert query(db, "SELECT count(*) FROM evaluacion_ciudadana") == [(0,)]
        assert "almacen_participacion" in query(db, "SELECT valor FROM metadatos WHERE clave = 'fuentes_sin_datos'"
                                                )[0][0]
    assert not (tmp_path / "no_existe").exists()   # reading never creates a store
    # a store that exists but was never migrated is empty too
    store_engine.create(f"sqlite:///{tmp_path / 'vacio.sqlite'}").connect().close()
    db = build(tmp_path / "in", tmp_path / "vacio", participacion=f"sqlite:///{tmp_path / 'vacio.sqlite'}")
    assert query(db, "SELECT count(*) FROM evaluacion_ciudadana") == [(0,)]


def test_a_configured_store_that_does_not_answer_stops_the_build(tmp_path):
    (tmp_path / "in").mkdir()
    with pytest.raises(BuildError, match="No se pudo leer el almacén de participación .*Revise que el servidor esté"):
        build(tmp_path / "in", tmp_path, participacion="postgresql+psycopg://nadie:x@127.0.0.1:1/tablero")
    assert not (tmp_path / "almacen.duckdb").exists()


def test_the_rules_state_the_numbers_the_code_uses():
    """Metodología and the README say 12 months, 25 points and 5 evaluations: the code's and the catalog's."""
    from indicators.comparison import MINIMO_DE, UMBRAL_DESACUERDO, VENTANA_MESES
    from indicators.definitions import load_indicators
    from indicators.rules import load_rules
    rules = {r.id: r.texto for r in load_rules()}
    minimo = next(i.denominador_minimo for i in load_indicators() if i.id == MINIMO_DE)
    assert f"los {VENTANA_MESES} meses que terminan con ese mes" in rules["ciudadanos_verificadores"]
    assert f"difieren {UMBRAL_DESACUERDO:g} puntos o más" in rules["ciudadanos_verificadores"]
    assert f"Con menos de {minimo:g} evaluaciones" in rules["evaluacion_ciudadana"]
    assert f"un valor a partir de {minimo:g}" in rules["ciudadanos_verificadores"]


def test_the_export_carries_the_citizens_beside_the_verifiers(built, tmp_path):
    import csv

    from indicators.export import export_indicators
    export_indicators(built[0], tmp_path / "x.csv")
    rows = {(r["indicador"], r["periodo"]): r for r in csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8-sig"))
            if r["ente_id"] == "SEFIPLAN" and r["nivel"] == "ente"}
    assert float(rows[("evaluacion_ciudadana_pct_encontrada", "2026-09")]["valor"]) == pytest.approx(77.2727, abs=1e-4)
    assert rows[("evaluacion_ciudadana_pct_encontrada", "2026-09")]["denominador"] in ("11", "11.0")
    assert ("indice_cumplimiento_obligaciones", "2026-09") in rows


def test_the_open_data_file_of_the_citizens_beside_the_verifiers(built, tmp_path):
    """`python -m indicators export --conjunto ciudadanos`: one row per ente × fracción × reference month, with the
    hand values of the module docstring for September 2026 (12 months: October 2025 – September 2026)."""
    import csv

    from indicators.export import export_indicators
    n = export_indicators(built[0], tmp_path / "c.csv", "csv", "2026-09", "2026-09", conjunto="ciudadanos")
    rows = list(csv.DictReader((tmp_path / "c.csv").open(encoding="utf-8-sig")))
    assert n == len(rows) == 2 and {r["mes"] for r in rows} == {"2026-09"}
    viii, ix = rows   # the law's order: VIII before IX
    assert (viii["ente_id"], viii["articulo"], viii["fraccion"], viii["evaluaciones"]) == (
        "SEFIPLAN", "65", "VIII", "7")
    # 64.2857 % found, 60 % up to date, 22 / 7 understood; verifiers (100 + 90) / 2 = 95; −30.7143: disagreement
    assert [float(viii[c]) for c in ("pct_encontrada", "pct_actualizada", "comprension_media", "puntaje_verificacion",
                                     "diferencia")] == pytest.approx([64.2857, 60.0, 3.1429, 95.0, -30.7143], abs=1e-4)
    assert (viii["verificaciones"], viii["desacuerdo"]) == ("2", "true")
    # IX: 5 evaluations in the window (4 × sí + no) = 80 %, verifiers 100 → −20 points: no disagreement
    assert (ix["fraccion"], ix["evaluaciones"], float(ix["pct_encontrada"]), float(ix["diferencia"]),
            ix["desacuerdo"]) == ("IX", "5", 80.0, -20.0, "false")


def test_the_pdf_ficha_carries_the_citizens_beside_the_verifiers(tablero_db, tmp_path):
    from pypdf import PdfReader

    from indicators.fichas import write_fichas
    from helpers import query as q
    [(ente, periodo)] = q(tablero_db, """SELECT c.ente_id, strftime(c.mes, '%Y-%m') FROM comparacion_ciudadana c
                                         JOIN indice_desempeno i ON i.ente_id = c.ente_id AND i.tipo_periodo = 'mes'
                                          AND i.periodo = strftime(c.mes, '%Y-%m')
                                         WHERE c.desacuerdo ORDER BY abs(c.diferencia) DESC, 1, 2 LIMIT 1""")
    [path] = write_fichas(tablero_db, periodo, tmp_path, ente=ente, progress=None)
    reader = PdfReader(path)
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 and "Ciudadanos y verificadores" in text
    top = q(tablero_db, """SELECT obligacion, pct_encontrada, puntaje_verificacion FROM comparacion_ciudadana
                           WHERE ente_id = ? AND strftime(mes, '%Y-%m') = ? AND desacuerdo
                           ORDER BY abs(diferencia) DESC, orden LIMIT 1""", [ente, periodo])[0]
    assert f"{top[0]} (art. 65" in text
    assert f"ciudadanos la encontraron {top[1]:.0f} %" in text and f"verificadores {top[2]:.0f} de 100" in text
