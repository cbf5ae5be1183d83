"""Qué corregir primero: actions ranked by the index points each would add (indicators/acciones.py).

Hand computation, rules of indicators/indice.toml (solicitudes 40, verificación 40, capacitación 20) and the
targets (meta) of indicadores.toml. SEFIPLAN, September 2026 (the index of tests/test_index.py: 72.2):

- Personal capacitado 40 % → meta 100 %: score 40 → 100, weight 0.2 × 0.5: +6.0 points.
- Verificación 70 (the review in force at the end of September: fracciones I 100, II 100, V 60, IX 60, XXIV 30; mean 350 / 5 = 70), weight 0.4 × 1:
  XXIV to 100 raises the indicator by 70 / 5 = 14 → +5.6; V and IX by 40 / 5 = 8 → +3.2 each (tie: the law's
  order, V before IX, although "IX" sorts first as text).
- Respondidas en plazo 90 % → meta 100 %: score 80 → 100, weight 0.4 × 0.5: +4.0.
- Recursos que modifican o revocan 30 % → meta 20 %: score 50 → 66.667 (60 → 0, 0 → 100), weight 0.4 × 0.15: +1.0.
- Días promedio 8 (meta 10) and recurrencia 3 (meta 3) already meet their target; UT capacitado 100 %: no action.
Fixing all: 72.2 + 6 + 5.6 + 3.2 + 3.2 + 4 + 1 = 95.2 = (40 × 88 + 40 × 100 + 20 × 100) / 100, solicitudes being
(50 × 100 + 20 × 80 + 15 × 80 + 15 × 66.667) / 100 = 88.

SEGOB, September 2026: verificación 72.2 with no review rows (the fracciones cannot give the value: one action for
the indicator), capacitación 72.2 and 72.2; no solicitudes, so the weights re-weight over 60:
verificación 40/60 × 27.8 = 18.533; each capacitación indicator 20/60 × 0.5 × 27.8 = 4.633 (tie: catalog order).
"""
import duckdb
import pytest

from helpers import index_warehouse
from test_index import VALUES as INDEX_VALUES
from indicators.acciones import Accion, load_texts, ranked_actions, top_actions
from indicators.index_rules import load_index_rules

# The hand-worked values of tests/test_index.py (SEFIPLAN 2026-09: index 72.2; SEGOB 2026-09; SEFIPLAN 2026-10; SEQ).
VALUES = INDEX_VALUES
FRACCIONES = [  # fracción, order in the law, name, score, reviewer's note
    ("I", 1, "Marco normativo", 100, None), ("II", 2, "Estructura orgánica", 100, None),
    ("V", 5, "Indicadores de interés público", 60, None), ("IX", 9, "Gastos de representación y viáticos", 60, None),
    ("XXIV", 24, "Informes de auditorías", 30, "No publica el tercer trimestre"),
]


def with_review(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """SEFIPLAN's review of 15/09/2026, fracción by fracción, as the verification stage writes it."""
    con.executemany("""INSERT INTO obligacion BY NAME SELECT 'LTAIPQROO2016' AS ley_version, '91' AS articulo,
                       ? AS fraccion, ? AS orden, ? AS nombre, 'comun' AS tipo_obligacion, TRUE AS verificado,
                       1.0 AS peso, 'LGTAIP2025 65-' || ? AS clave_historica""",
                    [(f, o, n, f) for f, o, n, _p, _obs in FRACCIONES])
    con.executemany("""INSERT INTO indice_fraccion BY NAME SELECT 'V-2026-09' AS verificacion_id, 'SEFIPLAN' AS ente_id,
                       'LTAIPQROO2016' AS ley_version, '91' AS articulo, ? AS fraccion, ? AS clave_historica,
                       'fraccion' AS nivel, ? AS puntaje, 1.0 AS peso_fraccion, ? AS incumplida, ? AS observaciones""",
                    [(f, f"LGTAIP2025 65-{f}", p, p < 100, obs) for f, _o, _n, p, obs in FRACCIONES])
    con.execute("""INSERT INTO indice_ente BY NAME SELECT 'V-2026-09' AS verificacion_id, 'SEFIPLAN' AS ente_id,
                   DATE '2026-09-15' AS fecha, DATE '2026-09-01' AS mes, 'LTAIPQROO2016' AS ley_version,
                   5 AS fracciones_aplicables, 5 AS fracciones_evaluadas, 3 AS fracciones_incumplidas,
                   350.0 AS suma_puntaje, 5.0 AS peso_evaluado, 70.0 AS indice""")
    # the review in force at the end of September (the one the indicator stands on)
    con.execute("""INSERT INTO verificacion_vigente BY NAME SELECT 'SEFIPLAN' AS ente_id, DATE '2026-09-01' AS mes,
                   'V-2026-09' AS verificacion_id, 'vinculante' AS tipo, DATE '2026-09-15' AS fecha, 0 AS meses_desde,
                   70.0 AS indice""")
    return con


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    return with_review(index_warehouse(tmp_path_factory.mktemp("acciones") / "w.duckdb", VALUES))


def gains(actions: list[Accion]) -> list[tuple[str, float]]:
    return [(a.concierne, round(a.ganancia, 3)) for a in actions]


def test_ranked_by_points_added_to_the_index(con):
    assert gains(ranked_actions(con, "SEFIPLAN", "2026-09")) == [
        ("Personal capacitado", 6.0), ("Art. 91 fr. XXIV", 5.6), ("Respondidas en plazo", 4.0),
        ("Art. 91 fr. V", 3.2), ("Art. 91 fr. IX", 3.2), ("Recursos que modifican o revocan", 1.0)]


def test_fixing_everything_reaches_the_hand_worked_index(con):
    index, = con.execute("SELECT valor FROM indicador_valor WHERE indicador = 'indice_desempeno' "
                         "AND clave = 'SEFIPLAN' AND periodo = '2026-09'").fetchone()
    assert index + sum(a.ganancia for a in ranked_actions(con, "SEFIPLAN", "2026-09")) == pytest.approx(95.2)


def test_top_three_say_what_where_and_how_much(con):
    first, second, third = top_actions(con, "SEFIPLAN", "2026-09")
    assert first == Accion(
        texto="Capacitar en transparencia a más personal: hoy está capacitado 40.0 % y la meta es 100.0 %.",
        indicador="pct_personal_capacitado", indicador_nombre="Personal capacitado", ganancia=pytest.approx(6.0),
        donde="Área de recursos humanos, con la Unidad de Transparencia", pagina="pages/7_Capacitacion.py",
        valor=40, meta=100, unidad="%")
    assert second.texto == ("Publicar completa y actualizada la fracción XXIV del artículo 91 (Informes de "
                            "auditorías): obtuvo 30 de 100 en la verificación.")
    assert (second.indicador, second.ley_version, second.articulo, second.fraccion, second.observacion) == (
        "indice_cumplimiento_obligaciones", "LTAIPQROO2016", "91", "XXIV", "No publica el tercer trimestre")
    assert second.pagina == "pages/6_Verificacion.py" and "artículo 91, fracción XXIV" in second.donde
    assert third.indicador == "pct_en_plazo" and third.pagina == "pages/4_Plazos_en_riesgo.py"
    assert len(top_actions(con, "SEFIPLAN", "2026-09", n=5)) == 5


def test_verification_without_its_fracciones_is_one_action(con):
    assert gains(ranked_actions(con, "SEGOB", "2026-09")) == [
        ("Índice de cumplimiento de obligaciones de transparencia", 18.533), ("Personal capacitado", 4.633),
        ("Personal de la Unidad de Transparencia capacitado", 4.633)]


def test_nothing_to_rank_without_an_index(con):
    assert ranked_actions(con, "SEFIPLAN", "2026-08") == [] and top_actions(con, "NO_EXISTE", "2026-09") == []


def test_gain_is_what_the_index_code_computes_when_the_indicator_reaches_its_target(tmp_path):
    """Build the index again with en plazo at 100 % and recursos at 20 %: it rises by the two gains."""
    fixed = [(e, p, i, {"pct_en_plazo": 100, "pct_recursos_modifican_revocan": 20}.get(i, v), s)
             for e, p, i, v, s in VALUES]
    other = index_warehouse(tmp_path / "arreglado.duckdb", fixed)
    before = index_warehouse(tmp_path / "antes.duckdb", VALUES)
    q = ("SELECT valor FROM indicador_valor WHERE indicador = 'indice_desempeno' AND clave = 'SEFIPLAN' "
         "AND periodo = '2026-09'")
    assert other.execute(q).fetchone()[0] - before.execute(q).fetchone()[0] == pytest.approx(4.0 + 1.0)


def test_every_index_component_has_an_action_text():
    components = {c.indicador for d in load_index_rules().dimensiones for c in d.componentes}
    assert components <= set(load_texts().indicador)


def test_action_texts_reject_unknown_keys(tmp_path):
    bad = tmp_path / "acciones.toml"
    bad.write_text('[indicador.pct_en_plazo]\ntexto = "x"\ndonde = "y"\n\n[fraccion]\ntexto = "x"\ndonde = "y"\n'
                   'pagina = "p"\nenlace = "z"\n', encoding="utf-8")
    with pytest.raises(Exception) as err:
        load_texts(bad)
    assert "acciones.toml, [indicador.pct_en_plazo]: falta «pagina»" in str(err.value)
    assert "acciones.toml, [fraccion]: clave desconocida «enlace»; use solo texto, donde, pagina" in str(err.value)


def test_fracciones_add_up_to_the_verification_gain_in_every_period_of_the_sample(tablero_db):
    """On the real sample warehouse, months and quarters (a quarter pools several reviews): the fracciones' gains
    add up to raising the verification indicator to 100 with its weights."""
    with duckdb.connect(str(tablero_db), read_only=True) as w:
        rows = w.execute("""SELECT ente_id, periodo, peso_dimension_norm * peso_componente_norm * (100 - valor)
                            FROM indice_componente WHERE indicador = 'indice_cumplimiento_obligaciones'
                              AND tipo_periodo IN ('mes', 'trimestre') AND periodo LIKE '2025%'
                            ORDER BY ente_id, periodo LIMIT 60""").fetchall()
        assert len(rows) == 60
        for ente, periodo, expected in rows:
            actions = [a for a in ranked_actions(w, ente, periodo) if a.indicador == "indice_cumplimiento_obligaciones"]
            assert sum(a.ganancia for a in actions) == pytest.approx(float(expected), abs=1e-9), (ente, periodo)
            assert all(a.fraccion for a in actions) or len(actions) <= 1
