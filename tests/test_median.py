"""Median means median: the mean of the two middle values for an even count, re-aggregated exactly from the
histogram of business days; p90 is the nearest rank (ceil(0.9 × n)).

SEGOB, June 2024 (no holidays; received Monday 3 June, business days counted from the next day):
  answered on 4, 5, 5, 6, 13 and 14 June → 1, 2, 2, 3, 8, 9 días hábiles.
  Sorted 1, 2, 2, 3, 8, 9 (n = 6, even): median = (2 + 3) / 2 = 2.5 (the lower middle value alone would say 2).
  p90: rank ceil(0.9 × 6) = ceil(5.4) = 6 → 9.
SEGOB, July 2024 (received Monday 1 July):
  answered on 2, 3, 4, 5 and 8 July → 1, 2, 3, 4, 5 días hábiles (n = 5, odd): median = rank 3 → 3; p90: rank 5 → 5.
SEGOB, August 2024 (received Monday 5 August): answered on 6 August and 5 September → 1 and 23 días hábiles
  (6–9 Aug: 4; three full weeks: 19; 2–5 Sep: 23): median = (1 + 23) / 2 = 12, never 1.
Roll-ups, re-aggregated from the histogram (never a median of medians):
  2024-T3 (July and August, n = 7): 1, 1, 2, 3, 4, 5, 23 → median rank 4 → 3; p90 rank ceil(6.3) = 7 → 23.
  2024 (n = 13): 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 8, 9, 23 → median rank 7 → 3; p90 rank ceil(11.7) = 12 → 9.
"""
import pytest

from helpers import PLANTILLA_HEADER, build, query, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
ANSWERS = {"2024-06-03": ["2024-06-04", "2024-06-05", "2024-06-05", "2024-06-06", "2024-06-13", "2024-06-14"],
           "2024-07-01": ["2024-07-02", "2024-07-03", "2024-07-04", "2024-07-05", "2024-07-08"],
           "2024-08-05": ["2024-08-06", "2024-09-05"]}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mediana")
    rows, n = [], 0
    for received, answers in ANSWERS.items():
        for answered in answers:
            n += 1
            rows.append(f"24000000000{n:04d},{received},,SEGOB,Información pública,,,Terminada,{ENTREGA},{answered},No,No")
    write(tmp / "in" / "solicitudes" / "registro.csv", PLANTILLA_HEADER + "\n" + "\n".join(rows) + "\n")
    return build(tmp / "in", tmp)


def values(db, periodo):
    return dict(query(db, "SELECT indicador, valor FROM indicador_valor WHERE nivel = 'ente' AND clave = 'SEGOB' "
                          "AND periodo = ? AND indicador IN ('dias_respuesta_mediana', 'dias_respuesta_p90')",
                      [periodo]))


def test_business_days_are_the_ones_worked_out(db):
    days = [d for (d,) in query(db, "SELECT dias_habiles_respuesta FROM solicitud ORDER BY folio")]
    assert days == [1, 2, 2, 3, 8, 9, 1, 2, 3, 4, 5, 1, 23]


def test_even_count_median_is_the_mean_of_the_two_middle_values(db):
    assert values(db, "2024-06") == {"dias_respuesta_mediana": 2.5, "dias_respuesta_p90": 9}
    assert values(db, "2024-08")["dias_respuesta_mediana"] == 12


def test_odd_count_median_is_the_middle_value(db):
    assert values(db, "2024-07") == {"dias_respuesta_mediana": 3, "dias_respuesta_p90": 5}
    assert values(db, "2024-T3") == {"dias_respuesta_mediana": 3, "dias_respuesta_p90": 23}


def test_medians_re_aggregate_from_the_histogram(db):
    assert values(db, "2024") == {"dias_respuesta_mediana": 3, "dias_respuesta_p90": 9}
    gobierno = dict(query(db, "SELECT indicador, valor FROM indicador_valor WHERE nivel = 'gobierno' "
                              "AND periodo = '2024-06' AND indicador = 'dias_respuesta_mediana'"))
    assert gobierno == {"dias_respuesta_mediana": 2.5}
