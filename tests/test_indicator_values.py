"""Indicator values on a tiny fixture, every number worked out by hand (2016 state law: 10 días + 10).

SEFIPLAN, September 2024 (16 Sep is a holiday):
  A  2 Sep → 3 Sep      1 día, entrega                     en plazo
  B  2 Sep → 9 Sep      5 días, entrega                    en plazo
  C  2 Sep → 20 Sep    13 días, inexistencia               fuera de plazo (10)
  D  2 Sep → 20 Sep    13 días, incompetencia, ampliación  en plazo (20)
  E  3 Sep, en proceso, never answered                     vencida at the cut-off (31 Oct)
  F  6 Sep, desechada (prevención not answered)           excluded from en plazo
  → recibidas 6; en plazo 3 of 5 determined = 60 %; promedio 32/4 = 8; mediana of {1,5,13,13} = (5 + 13) / 2 = 9; p90 = 13;
    ampliación 1/6; prevención 1/6; entrega 2 of 4 final answers = 50 %; vencidas 1;
    one recurso (on C, revoca) → recurrencia 100 × 1/6 = 16.67; modifica o revoca 1/1 = 100 %.
SEFIPLAN, October 2024 (1 Oct is a holiday):
  G  1 Oct (holiday → received 2 Oct) → 31 Oct   21 días, entrega     fuera de plazo
  H  Sat 5 Oct (→ received Mon 7 Oct) → 7 Oct     0 días, reservada    en plazo
  → recibidas 2; en plazo 1/2 = 50 %; promedio 10.5; mediana of {0,21} = (0 + 21) / 2 = 10.5; clasificada 50 %.
SEGOB, September 2024:
  I  10 Sep → 11 Sep    1 día, entrega                     en plazo
Roll-ups (re-aggregated from counts, never averaged):
  SEFIPLAN 2024: recibidas 8; en plazo 4/7 = 57.14 %; promedio 53/6; mediana of {0,1,5,13,13,21} = (5 + 13) / 2 = 9;
    p90 = rank ceil(0.9 × 6) = 6 → 21.
  Gobierno, September 2024: recibidas 7; en plazo 4/6 = 66.67 %. Gobierno 2024-T3 equals September.
"""
import pytest

from helpers import PLANTILLA_HEADER, build, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
SOLICITUDES = PLANTILLA_HEADER + f"""
240000000000001,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
240000000000002,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-09,No,No
240000000000003,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,Inexistencia de información (Terminada),2024-09-20,No,No
240000000000004,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,Notoria incompetencia (Terminada),2024-09-20,Si,No
240000000000005,2024-09-03,,SEFIPLAN,Información pública,,,En proceso,Registro de la Solicitud,,No,No
240000000000006,2024-09-06,,SEFIPLAN,Información pública,,,Desechada por falta de respuesta del ciudadano,Prevención,,No,Si
240000000000007,2024-10-01,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-31,No,No
240000000000008,2024-10-05,,SEFIPLAN,Información pública,,,Terminada,Información reservada (Terminada),2024-10-07,No,No
240000000000009,2024-09-10,,SEGOB,Información pública,,,Terminada,{ENTREGA},2024-09-11,No,No
"""
RECURSOS = """expediente,folio_solicitud,ente,fecha_interposicion,fecha_resolucion,sentido
RR/0001-2024,240000000000003,SEFIPLAN,2024-09-25,2024-10-20,Revoca
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("indicadores")
    write(tmp / "in" / "solicitudes" / "registro.csv", SOLICITUDES)
    write(tmp / "in" / "recursos" / "recursos.csv", RECURSOS)
    return build(tmp / "in", tmp)


def value(db, indicador, clave="SEFIPLAN", periodo="2024-09"):
    rows = query(db, "SELECT valor, numerador, denominador FROM indicador_valor "
                     "WHERE indicador = ? AND clave = ? AND periodo = ?", [indicador, clave, periodo])
    assert len(rows) == 1, (indicador, clave, periodo, rows)
    return rows[0]


@pytest.mark.parametrize("indicador, esperado", [
    ("solicitudes_recibidas", (6, 6, None)),
    ("pct_en_plazo", (60.0, 3, 5)),
    ("dias_respuesta_promedio", (8.0, 32, 4)),
    ("dias_respuesta_mediana", (9, None, 4)),
    ("dias_respuesta_p90", (13, None, 4)),
    ("pct_entrega", (50.0, 2, 4)),
    ("pct_inexistencia", (25.0, 1, 4)),
    ("pct_incompetencia", (25.0, 1, 4)),
    ("vencidas_sin_respuesta", (1, 1, None)),
    ("pct_recursos_modifican_revocan", (100.0, 1, 1)),
])
def test_sefiplan_september(db, indicador, esperado):
    assert value(db, indicador) == pytest.approx(esperado)


def test_ratios_with_sixths(db):
    assert value(db, "pct_con_ampliacion")[0] == pytest.approx(100 / 6)
    assert value(db, "pct_con_prevencion")[0] == pytest.approx(100 / 6)
    assert value(db, "indice_recurrencia")[0] == pytest.approx(100 / 6)


def test_sefiplan_october(db):
    assert value(db, "solicitudes_recibidas", periodo="2024-10")[0] == 2
    assert value(db, "pct_en_plazo", periodo="2024-10")[:1] == (50.0,)
    assert value(db, "dias_respuesta_promedio", periodo="2024-10")[0] == pytest.approx(10.5)
    assert value(db, "dias_respuesta_mediana", periodo="2024-10")[0] == 10.5
    assert value(db, "pct_clasificada", periodo="2024-10")[0] == pytest.approx(50.0)


def test_year_is_reaggregated_from_counts(db):
    assert value(db, "solicitudes_recibidas", periodo="2024")[0] == 8
    assert value(db, "pct_en_plazo", periodo="2024") == pytest.approx((400 / 7, 4, 7))
    assert value(db, "dias_respuesta_promedio", periodo="2024")[0] == pytest.approx(53 / 6)
    assert value(db, "dias_respuesta_mediana", periodo="2024")[0] == 9
    assert value(db, "dias_respuesta_p90", periodo="2024")[0] == 21


def test_government_and_quarter(db):
    assert value(db, "solicitudes_recibidas", "GEQROO", "2024-09")[0] == 7
    assert value(db, "pct_en_plazo", "GEQROO", "2024-09") == pytest.approx((400 / 6, 4, 6))
    assert value(db, "pct_en_plazo", "GEQROO", "2024-T3") == value(db, "pct_en_plazo", "GEQROO", "2024-09")
    assert value(db, "pct_en_plazo", "Dependencias", "2024-09")[0] == pytest.approx(400 / 6)


def test_small_denominators_are_flagged(db):
    # SEGOB answered one request: below the minimum denominator of 10, so not "suficiente".
    assert query(db, "SELECT suficiente FROM indicador_valor WHERE indicador = 'pct_en_plazo' "
                     "AND clave = 'SEGOB' AND periodo = '2024-09'") == [(False,)]


def test_cutoff_date_is_the_latest_date_in_the_data(db):
    assert query(db, "SELECT valor FROM metadatos WHERE clave = 'fecha_corte'") == [("2024-10-31",)]
