"""Groups and the government: one rule for their index everywhere — the simple mean of the index of their entes
in force whose index has enough data (two dimensions or more), ranked only with 3 entes or more — and their rows
get «¿Por qué cambió?» too: each ente's change divided by the entes now, plus the entes that entered or left.

Index rules (indicators/indice.toml): solicitudes 40 (here only % en plazo: 50 → 0, 100 → 100), verificación 40.
  SEGOB     Sep: en plazo 100 (100), verificación 60 → (40·100 + 40·60) / 80 = 80;  Oct: verificación 80 → 90
  SEFIPLAN  Sep: 100 and 100 → 100;  Oct: en plazo only → one dimension: datos insuficientes, left out of the mean
  OM        Sep: en plazo 90 only → insufficient;  Oct: 100 and 40 → 70
  CAPA      Sep: en plazo 75 (50), verificación 50 → 50;  Oct: verificación 70 → 60
Dependencias (SEGOB, SEFIPLAN, OM): Sep (80 + 100) / 2 = 90; Oct (90 + 70) / 2 = 80 (2 entes: not ranked).
  Its verification score in October: the mean over the same entes, (80 + 40) / 2 = 60.
Gobierno: Sep (80 + 100 + 50) / 3 = 76.67; Oct (90 + 70 + 60) / 3 = 73.33 (3 entes: ranked).
  Why: SEGOB (90 − 80) / 3 = +3.33; CAPA (60 − 50) / 3 = +3.33; OM entered and SEFIPLAN left:
  −3.33 − 6.67 = −10.0 points.
"""
import duckdb
import pytest

from helpers import index_warehouse

EN_PLAZO, VERIFICACION = "pct_en_plazo", "indice_cumplimiento_obligaciones"
VALUES = [
    ("SEGOB", "2026-09", EN_PLAZO, 100), ("SEGOB", "2026-09", VERIFICACION, 60),
    ("SEGOB", "2026-10", EN_PLAZO, 100), ("SEGOB", "2026-10", VERIFICACION, 80),
    ("SEFIPLAN", "2026-09", EN_PLAZO, 100), ("SEFIPLAN", "2026-09", VERIFICACION, 100),
    ("SEFIPLAN", "2026-10", EN_PLAZO, 100),
    ("OM", "2026-09", EN_PLAZO, 90),
    ("OM", "2026-10", EN_PLAZO, 100), ("OM", "2026-10", VERIFICACION, 40),
    ("CAPA", "2026-09", EN_PLAZO, 75), ("CAPA", "2026-09", VERIFICACION, 50),
    ("CAPA", "2026-10", EN_PLAZO, 75), ("CAPA", "2026-10", VERIFICACION, 70),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    return index_warehouse(tmp_path_factory.mktemp("grupos") / "w.duckdb", [(*v, True) for v in VALUES])


def level(con, nivel, clave, periodo, indicador="indice_desempeno"):
    return con.execute("""SELECT valor, denominador, suficiente FROM indicador_valor WHERE nivel = ? AND clave = ?
                          AND periodo = ? AND indicador = ?""", [nivel, clave, periodo, indicador]).fetchone()


def test_entes_with_one_dimension_are_left_out_of_the_mean(con):
    assert level(con, "grupo", "Dependencias", "2026-09") == (pytest.approx(90), 2, False)
    assert level(con, "grupo", "Dependencias", "2026-10") == (pytest.approx(80), 2, False)
    assert level(con, "grupo", "Dependencias", "2026-10", "puntaje_verificacion") == (pytest.approx(60), 2, False)
    assert level(con, "gobierno", "GEQROO", "2026-09") == (pytest.approx(230 / 3), 3, True)
    assert level(con, "gobierno", "GEQROO", "2026-10") == (pytest.approx(220 / 3), 3, True)


def test_the_government_says_why_its_index_moved(con):
    cambio, texto = con.execute("""SELECT cambio, texto FROM indice_explicacion_nivel
                                   WHERE nivel = 'gobierno' AND periodo = '2026-10'""").fetchone()
    assert cambio == pytest.approx(-10 / 3)
    assert texto == (
        "El índice del gobierno bajó 3.3 puntos, de 76.7 a 73.3, entre septiembre de 2026 y octubre de 2026: es el "
        "promedio de 3 entes con datos suficientes (antes 3). −10.0 puntos por los entes que entraron o salieron del "
        "promedio (entraron: Oficialía Mayor del Gobierno del Estado; salieron: Secretaría de Finanzas y Planeación). "
        "+3.3 puntos: Comisión de Agua Potable y Alcantarillado del Estado de Quintana Roo pasó de 50.0 a 60.0. "
        "+3.3 puntos: Secretaría de Gobierno pasó de 80.0 a 90.0.")


def test_a_group_says_why_too(con):
    texto, = con.execute("""SELECT texto FROM indice_explicacion_nivel
                            WHERE nivel = 'grupo' AND clave = 'Dependencias' AND periodo = '2026-10'""").fetchone()
    # SEGOB (90 − 80) / 2 = +5.0; the rest, −10 − 5 = −15.0, is OM in and SEFIPLAN out
    assert texto.startswith("El índice del grupo «Dependencias» bajó 10.0 puntos, de 90.0 a 80.0")
    assert "−15.0 puntos por los entes que entraron o salieron del promedio" in texto
    assert "+5.0 puntos: Secretaría de Gobierno pasó de 80.0 a 90.0." in texto


# «Órganos desconcentrados», a month at a time. With en plazo 100 (score 100) and verificación v, an index is
# (40·100 + 40·v) / 80 = 50 + v / 2.
#   September: APBP 60, CGC 70, IIRA 80, JASP 50 → mean 260 / 4 = 65.0 (4 entes).
#   October: APBP 76, CGC 62, IIRA 84, JASP 52.4, and PFE 100, SEECAT 95, SP 85, UAATJC 75 enter
#     → mean 629.4 / 8 = 78.675: up 13.675, «13.7 puntos, de 65.0 a 78.7».
#     Each ente's part is its change / 8: APBP +16 / 8 = +2.0, CGC −8 / 8 = −1.0, IIRA +4 / 8 = +0.5,
#     JASP +2.4 / 8 = +0.3; they add up to 1.8, so the four that entered moved it 13.675 − 1.8 = +11.875 («+11.9»).
#     Four effects are told, largest first (+11.9, +2.0, −1.0, +0.5): JASP's +0.3 is left out; three of the four
#     that entered are named, in alphabetical order, «y 1 más».
#   November: APBP 84 (+8 / 8 = +1.0) and CGC 54 (−8 / 8 = −1.0), the rest as in October → the same 629.4 / 8:
#     «se mantuvo en 78.7», and still told why (the tie of 1.0 points in alphabetical order: Administración first).
ORGANOS = {  # ente: verificación in September, October, November (None: no data that month)
    "APBP": (20, 52, 68), "CGC": (40, 24, 8), "IIRA": (60, 68, 68), "JASP": (0, 4.8, 4.8),
    "PFE": (None, 100, 100), "SEECAT": (None, 90, 90), "SP": (None, 70, 70), "UAATJC": (None, 50, 50),
}


@pytest.fixture(scope="module")
def organos(tmp_path_factory):
    values = [(ente, periodo, indicador, valor, True)
              for ente, verificaciones in ORGANOS.items()
              for periodo, v in zip(("2026-09", "2026-10", "2026-11"), verificaciones) if v is not None
              for indicador, valor in ((EN_PLAZO, 100), (VERIFICACION, v))]
    return index_warehouse(tmp_path_factory.mktemp("organos") / "w.duckdb", values)


def explanation(con, periodo, nivel="grupo", clave="Órganos desconcentrados"):
    return con.execute("SELECT texto FROM indice_explicacion_nivel WHERE nivel = ? AND clave = ? AND periodo = ?",
                       [nivel, clave, periodo]).fetchone()[0]


def test_a_group_tells_its_four_largest_effects_and_names_three_entes_that_entered(organos):
    assert explanation(organos, "2026-10") == (
        "El índice del grupo «Órganos desconcentrados» subió 13.7 puntos, de 65.0 a 78.7, entre septiembre de 2026 y "
        "octubre de 2026: es el promedio de 8 entes con datos suficientes (antes 4). +11.9 puntos por los entes que "
        "entraron o salieron del promedio (entraron: Procuraduría Fiscal del Estado; Secretaría Particular del "
        "Gobernador; Servicio Estatal del Empleo y Capacitación para el Trabajo y 1 más). +2.0 puntos: Administración "
        "del Patrimonio de la Beneficencia Pública del Estado de Quintana Roo pasó de 60.0 a 76.0. −1.0 puntos: "
        "Coordinación General de Comunicación pasó de 70.0 a 62.0. +0.5 puntos: Instituto de Impacto y Riesgo "
        "Ambiental pasó de 80.0 a 84.0.")


def test_a_group_whose_mean_did_not_move_says_so_in_the_words_of_an_ente(organos):
    assert explanation(organos, "2026-11") == (
        "El índice del grupo «Órganos desconcentrados» se mantuvo en 78.7 entre octubre de 2026 y noviembre de 2026: "
        "es el promedio de 8 entes con datos suficientes (antes 8). +1.0 puntos: Administración del Patrimonio de la "
        "Beneficencia Pública del Estado de Quintana Roo pasó de 76.0 a 84.0. −1.0 puntos: Coordinación General de "
        "Comunicación pasó de 62.0 a 54.0.")
    # JASP's own index did not move either: the same words after the subject (index/frases.sql writes both)
    ente, = organos.execute("SELECT texto FROM indice_explicacion WHERE ente_id = 'JASP' AND periodo = '2026-11'"
                            ).fetchone()
    assert ente == "El índice se mantuvo en 52.4 entre octubre de 2026 y noviembre de 2026."


def test_every_group_and_government_row_with_a_previous_period_is_explained(tablero_db):
    with duckdb.connect(str(tablero_db), read_only=True) as con:
        missing = con.execute("""
            SELECT count(*) FROM indicador_valor v
            JOIN indicador_valor a ON a.nivel = v.nivel AND a.clave = v.clave AND a.indicador = v.indicador
             AND a.tipo_periodo = v.tipo_periodo AND a.periodo = CASE v.tipo_periodo
                 WHEN 'mes' THEN strftime(v.periodo_inicio - INTERVAL 1 MONTH, '%Y-%m')
                 WHEN 'trimestre' THEN year(v.periodo_inicio - INTERVAL 3 MONTH) || '-T' || quarter(v.periodo_inicio - INTERVAL 3 MONTH)
                 ELSE (year(v.periodo_inicio) - 1)::VARCHAR END
            ANTI JOIN indice_explicacion_nivel x ON x.nivel = v.nivel AND x.clave = v.clave
             AND x.tipo_periodo = v.tipo_periodo AND x.periodo = v.periodo
            WHERE v.nivel IN ('grupo', 'gobierno') AND v.indicador = 'indice_desempeno'""").fetchone()[0]
        explained = con.execute("SELECT count(*) FROM indice_explicacion_nivel").fetchone()[0]
    assert missing == 0 and explained > 100
