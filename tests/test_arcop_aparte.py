"""ARCOP apart (issue 22 item 7): every request indicator read for información pública, for ARCOP (datos
personales) or both, from the same counts per ente × month × type; the Ficha and the export carry the split and the
index reads both (indice.toml).

SEFIPLAN (estatal: LTAIPQROO 2016, información pública 10 business days, datos personales 20), all received Mon 4
March 2024:
  IP1 answered Fri 8 Mar (day 4) → on time     IP2 answered Mon 11 Mar (day 5) → on time
  IP3 answered Tue 30 Apr → late (day 10 of its term is mid-March)
  DP1 answered Fri 8 Mar → on time              DP2 answered Fri 31 May → late (far past day 20)
  → solicitudes_recibidas: both 5, información pública 3, ARCOP 2
  → pct_en_plazo: both 100 × 3 / 5 = 60 %, información pública 2 / 3 = 66.7 %, ARCOP 1 / 2 = 50 %
Appeals in March 2024: one naming IP3's folio (información pública), one with no folio (type unknown):
  → recursos: both 2, información pública 1, ARCOP 0 (the one with no folio counts only in both).
"""
import csv

import pytest

from conftest import all_text, run_page
from helpers import PLANTILLA_HEADER, build, query, write
from indicators.export import export_indicators
from indicators.index_rules import load_index_rules

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
REQUESTS = [("700000000000001", "Información pública", "2024-03-08"),
            ("700000000000002", "Información pública", "2024-03-11"),
            ("700000000000003", "Información pública", "2024-04-30"),
            ("700000000000004", "Datos personales", "2024-03-08"),
            ("700000000000005", "Datos personales", "2024-05-31")]
APPEALS = ("expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido\n"
           "RR/0201/2024,700000000000003,SEFIPLAN,2024-05-06,,\nRR/0202/2024,,SEFIPLAN,2024-03-20,,\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("arcop")
    rows = [f"{folio},2024-03-04,,SEFIPLAN,{tipo},,,Terminada,{ENTREGA},{answered},No,No"
            for folio, tipo, answered in REQUESTS]
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + "\n".join(rows) + "\n")
    write(tmp / "in" / "recursos" / "recursos.csv", APPEALS)
    return build(tmp / "in", tmp)


def _split(db, indicador):
    both = query(db, """SELECT valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEFIPLAN'
                        AND tipo_periodo = 'mes' AND periodo = '2024-03' AND indicador = ?""", [indicador])
    by_type = query(db, """SELECT tipo_solicitud, valor FROM indicador_valor_tipo WHERE nivel = 'ente'
                           AND clave = 'SEFIPLAN' AND tipo_periodo = 'mes' AND periodo = '2024-03' AND indicador = ?""",
                    [indicador])
    return {"ambos": both[0][0], **dict(by_type)}


def test_hand_worked_split(db):
    assert _split(db, "solicitudes_recibidas") == {"ambos": 5, "informacion_publica": 3, "datos_personales": 2}
    assert _split(db, "pct_en_plazo") == {"ambos": pytest.approx(60.0), "informacion_publica": pytest.approx(200 / 3),
                                          "datos_personales": pytest.approx(50.0)}
    assert _split(db, "indice_recurrencia") == {"ambos": pytest.approx(100 * 2 / 5),
                                                "informacion_publica": pytest.approx(100 / 3),
                                                "datos_personales": 0.0}


def test_both_is_the_sum_of_the_types_in_every_count(db):
    """Every numerator and denominator of both types together is the sum of the two types, at every level and
    period; only appeal counts differ, by the appeals whose request is unknown (the one with no folio)."""
    rows = query(db, """
        SELECT v.indicador, v.numerador - t.n, coalesce(v.denominador, 0) - coalesce(t.d, 0)
        FROM indicador_valor v
        JOIN (SELECT nivel, clave, tipo_periodo, periodo, indicador, sum(numerador) AS n, sum(denominador) AS d
              FROM indicador_valor_tipo GROUP BY ALL) t USING (nivel, clave, tipo_periodo, periodo, indicador)
        JOIN indicador i USING (indicador)
        WHERE i.tipo <> 'percentil'""")
    assert rows
    differ = {(ind, dn, dd) for ind, dn, dd in rows if dn or dd}
    assert differ == {("indice_recurrencia", 1, 0)}


def test_the_export_carries_the_split(db, tmp_path):
    export_indicators(db, tmp_path / "x.csv")
    with (tmp_path / "x.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["ente_id"] == "SEFIPLAN" and r["periodo"] == "2024-03"
                and r["indicador"] == "pct_en_plazo"]
    assert [(r["tipo_solicitud"], round(float(r["valor"]), 2)) for r in rows] == [
        ("ambos", 60.0), ("informacion_publica", 66.67), ("datos_personales", 50.0)]


def test_the_ficha_shows_the_split(db, monkeypatch, local_mode):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEFIPLAN", "tipo": "mes", "periodo": "2024-03"})
    assert not at.exception
    table = next(df.value for df in at.dataframe if "ARCOP (datos personales)" in df.value.columns)
    row = table.set_index("Indicador").loc["Solicitudes recibidas"]
    assert list(row) == ["5", "3", "2"]
    # 5 judged requests are under pct_en_plazo's minimum of 10: said, not shown as a number
    assert table.set_index("Indicador").loc["Respondidas en plazo", "Ambos tipos"] == "datos insuficientes"
    assert "De 5 solicitudes recibidas en marzo de 2024, 2 fueron de derechos ARCOP (datos personales): 40.0 %" \
        in all_text(at)


def test_the_index_states_its_choice():
    assert load_index_rules().tipo_solicitud == "ambos"
