"""Índice de Desempeño en Transparencia: values worked out by hand from indicators/indice.toml (v1.2).

Rules: solicitudes 40 (pct_en_plazo 50: 50→0, 100→100; plazo legal usado 20: 100 %→0, 25 %→100; recurrencia 15: 15→0,
0→100; modifican/revocan 15: 60→0, 0→100), verificación 40 (índice 0→0, 100→100), capacitación 20 (personal 50,
UT 50; 0→0, 100→100).

SEFIPLAN 2026-09: en plazo 90 → 80; plazo usado 40 % → (100 − 40) / 75 = 80; recurrencia 3 → 80; modifican 30 → 50;
    solicitudes = (50·80 + 20·80 + 15·80 + 15·50) / 100 = 75.5; verificación 70; capacitación (40 + 100) / 2 = 70;
    índice = (40·75.5 + 40·70 + 20·70) / 100 = 72.2.
SEFIPLAN 2026-10: en plazo 80 → 60; plazo usado 40 % → 80; recurrencia 3 → 80; modifican without enough data (left out);
    solicitudes = (50·60 + 20·80 + 15·80) / 85 = 68.2353; verificación missing (re-weighted, not zero);
    capacitación 70; índice = (40·68.2353 + 20·70) / 60 = 68.8235; change −3.3765.
SEGOB 2026-09: verificación 72.2 and capacitación (72.2 + 72.2) / 2 → índice 72.2: tied with SEFIPLAN.
SEQ 2026-09: only verificación 95 → índice 95 from a single dimension: flagged, not ranked.
"""
import pytest

from helpers import index_warehouse
from indicators.semaforo import rank_entes

VALUES = [  # ente, periodo, indicador, valor, suficiente
    ("SEFIPLAN", "2026-09", "pct_en_plazo", 90, True), ("SEFIPLAN", "2026-09", "pct_plazo_usado", 40, True),
    ("SEFIPLAN", "2026-09", "indice_recurrencia", 3, True),
    ("SEFIPLAN", "2026-09", "pct_recursos_modifican_revocan", 30, True),
    ("SEFIPLAN", "2026-09", "indice_cumplimiento_obligaciones", 70, True),
    ("SEFIPLAN", "2026-09", "pct_personal_capacitado", 40, True),
    ("SEFIPLAN", "2026-09", "pct_personal_ut_capacitado", 100, True),
    ("SEFIPLAN", "2026-10", "pct_en_plazo", 80, True), ("SEFIPLAN", "2026-10", "pct_plazo_usado", 40, True),
    ("SEFIPLAN", "2026-10", "indice_recurrencia", 3, True),
    ("SEFIPLAN", "2026-10", "pct_recursos_modifican_revocan", 0, False),  # small denominator: not scored
    ("SEFIPLAN", "2026-10", "pct_personal_capacitado", 40, True),
    ("SEFIPLAN", "2026-10", "pct_personal_ut_capacitado", 100, True),
    ("SEGOB", "2026-09", "indice_cumplimiento_obligaciones", 72.2, True),
    ("SEGOB", "2026-09", "pct_personal_capacitado", 72.2, True),
    ("SEGOB", "2026-09", "pct_personal_ut_capacitado", 72.2, True),
    ("SEQ", "2026-09", "indice_cumplimiento_obligaciones", 95, True),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    return index_warehouse(tmp_path_factory.mktemp("idt") / "w.duckdb", VALUES)


def index(con, ente, periodo):
    return con.execute("SELECT valor, suficiente FROM indicador_valor WHERE indicador = 'indice_desempeno' "
                       "AND clave = ? AND periodo = ?", [ente, periodo]).fetchall()[0]


def test_index_values(con):
    assert index(con, "SEFIPLAN", "2026-09") == (pytest.approx(72.2), True)
    assert index(con, "SEFIPLAN", "2026-10") == (pytest.approx((40 * 5800 / 85 + 20 * 70) / 60), True)
    assert index(con, "SEGOB", "2026-09") == (pytest.approx(72.2), True)


def test_dimension_scores(con):
    rows = dict(con.execute("SELECT indicador, valor FROM indicador_valor WHERE clave = 'SEFIPLAN' "
                            "AND periodo = '2026-09' AND indicador LIKE 'puntaje_%'").fetchall())
    assert rows == {"puntaje_solicitudes": pytest.approx(75.5), "puntaje_verificacion": pytest.approx(70),
                    "puntaje_capacitacion": pytest.approx(70)}


def test_missing_dimension_is_reweighted_and_flagged_not_zero(con):
    faltantes, completo = con.execute("""SELECT dimensiones_faltantes, completo FROM indice_desempeno
                                         WHERE ente_id = 'SEFIPLAN' AND periodo = '2026-10'""").fetchall()[0]
    assert (faltantes, completo) == ("verificacion", False)


def test_single_dimension_is_not_ranked_and_ties_share_a_place(con):
    df = con.execute("""SELECT v.clave AS ente_id, v.nombre, e.siglas, v.valor, v.numerador, v.denominador,
                               v.suficiente FROM indicador_valor v JOIN ente e ON e.ente_id = v.clave
                        WHERE v.indicador = 'indice_desempeno' AND v.periodo = '2026-09' AND v.nivel = 'ente'""").df()
    ranked, apart = rank_entes(df, "mayor_es_mejor")
    assert dict(zip(ranked["ente_id"], ranked["lugar"])) == {"SEFIPLAN": 1, "SEGOB": 1}
    assert apart["ente_id"].tolist() == ["SEQ"]


def test_decomposition_adds_up_exactly_to_the_change(con):
    change, = con.execute("""SELECT cambio FROM indice_explicacion WHERE ente_id = 'SEFIPLAN'
                             AND periodo = '2026-10'""").fetchall()[0]
    parts = con.execute("""SELECT sum(delta), sum(efecto_valor + efecto_peso) FROM indice_cambio
                           WHERE ente_id = 'SEFIPLAN' AND periodo = '2026-10'""").fetchall()[0]
    assert change == pytest.approx((40 * 5800 / 85 + 20 * 70) / 60 - 72.2)
    assert parts[0] == pytest.approx(change, abs=1e-9) and parts[1] == pytest.approx(change, abs=1e-9)


def test_explanation_in_plain_spanish(con):
    text, = con.execute("SELECT texto FROM indice_explicacion WHERE ente_id = 'SEFIPLAN' AND periodo = '2026-10'"
                        ).fetchall()[0]
    assert text.startswith("El índice bajó 3.4 puntos, de 72.2 a 68.8, entre septiembre de 2026 y octubre de 2026.")
    # en plazo 90 → 80 moves its score 80 → 60 with its September weight 0.4 × 0.5: −4.0 points.
    assert "−4.0 puntos: Respondidas en plazo pasó de 90.0 % a 80.0 %." in text
    assert "por el reparto de pesos" in text and "Recursos que modifican o revocan (antes 30.0 %)" in text


def test_government_mean_of_entes(con):
    gob = con.execute("SELECT valor, denominador FROM indicador_valor WHERE nivel = 'gobierno' "
                      "AND indicador = 'indice_desempeno' AND periodo = '2026-09'").fetchall()
    assert gob == [(pytest.approx(72.2), 2)]  # SEQ's single-dimension index does not count


def test_explanation_does_not_depend_on_row_order():
    # The index reads components in whatever order DuckDB's threads return them; ties and the list of
    # components without data must come out the same every time (alphabetical list, fixed tie order).
    import duckdb
    from indicators.index import store_explanations
    names = {"a": "Zeta", "b": "Índice", "c": "Media", "d": "Beta", "e": "Gamma"}
    # dimension, indicador, valor_anterior, valor, delta, efecto_valor, efecto_peso
    parts = [("s", "a", 50.0, None, 1.0, 0.0, 1.0), ("s", "b", 40.0, None, 1.0, 0.0, 1.0),
             ("s", "c", 10.0, 20.0, 2.0, 2.0, 0.0), ("v", "d", 30.0, 40.0, 2.0, 2.0, 0.0),
             ("v", "e", 60.0, 80.0, -2.0, -2.0, 0.0)]
    texts = set()
    for order in (parts, parts[::-1], parts[2:] + parts[:2]):
        con = duckdb.connect()
        con.execute("CREATE TABLE indicador (indicador VARCHAR, nombre VARCHAR, unidad VARCHAR)")
        con.executemany("INSERT INTO indicador VALUES (?, ?, '%')", list(names.items()))
        con.execute("CREATE TABLE indice_cambio (ente_id VARCHAR, tipo_periodo VARCHAR, periodo VARCHAR, "
                    "periodo_anterior VARCHAR, indice DOUBLE, indice_anterior DOUBLE, dimension VARCHAR, "
                    "indicador VARCHAR, valor_anterior DOUBLE, valor DOUBLE, delta DOUBLE, efecto_valor DOUBLE, "
                    "efecto_peso DOUBLE)")
        con.executemany("INSERT INTO indice_cambio VALUES ('SEFIPLAN', 'mes', '2026-10', '2026-09', 70, 64, "
                        "?, ?, ?, ?, ?, ?, ?)", order)
        con.execute("CREATE TABLE fraccion_cambio (ente_id VARCHAR, tipo_periodo VARCHAR, periodo VARCHAR, "
                    "fraccion VARCHAR, antes DOUBLE, ahora DOUBLE)")
        con.execute("CREATE TABLE indice_explicacion (ente_id VARCHAR, tipo_periodo VARCHAR, periodo VARCHAR, "
                    "periodo_anterior VARCHAR, cambio DOUBLE, texto VARCHAR)")
        store_explanations(con)
        texts |= {t for t, in con.execute("SELECT texto FROM indice_explicacion").fetchall()}
    assert len(texts) == 1
    text = texts.pop()
    # alphabetical as a reader expects it: Índice before Zeta (not after it, as code points would put it)
    assert "(sin datos suficientes en este periodo: Índice (antes 40.0 %), Zeta (antes 50.0 %))" in text
    # three effects of 2.0 points: told in a fixed order (dimension, then indicator id)
    assert text.index("Media pasó") < text.index("Beta pasó") < text.index("Gamma pasó")


def test_the_rule_says_what_a_paragraph_tells_as_the_code_does():
    # Metodología (the rule) and README state the numbers explain.py passes to the SQL that writes every paragraph
    from pathlib import Path
    from indicators.explain import EFFECTS_TOLD, NAMED, NEGLIGIBLE
    from indicators.rules import load_rules
    rule = next(r.texto for r in load_rules() if r.id == "por_que_cambio")
    readme = Path(__file__).resolve().parent.parent.joinpath("README.md").read_text(encoding="utf-8")
    readme = " ".join(readme[readme.index("- **Por qué cambió el índice**"):][:700].split())
    for text in (rule, readme):
        assert f"menos de {NEGLIGIBLE} puntos" in text and f"los {EFFECTS_TOLD} efectos más grandes" in text
        assert f"{NEGLIGIBLE} puntos o más" in text and f"hasta {NAMED} " in text


def test_two_rows_for_one_ente_and_period_fail_the_build_before_the_swap(tmp_path):
    # indice_desempeno and indice_explicacion hold one row per ente and period: a check before the swap keeps it
    # (etl/checks.py), not a PRIMARY KEY, and says in Spanish which entes and periods came twice.
    from common.errors import BuildError
    from etl.checks import check
    con = index_warehouse(tmp_path / "w.duckdb", VALUES)
    check(con)  # as computed: one row each
    con.execute("INSERT INTO indice_explicacion SELECT * FROM indice_explicacion WHERE ente_id = 'SEFIPLAN'")
    with pytest.raises(BuildError, match=r"indice_explicacion tiene más de una explicación «¿Por qué cambió\?» para "
                                         r"estos entes y periodos: SEFIPLAN mes 2026-10 \(2 filas\)\.$"):
        check(con)
    con.execute("INSERT INTO indice_desempeno SELECT * FROM indice_desempeno")  # its 4 rows, twice
    with pytest.raises(BuildError, match=r"indice_desempeno tiene más de un índice para estos entes y periodos: "
                                         r"SEFIPLAN mes 2026-09 \(2 filas\); SEFIPLAN mes 2026-10 \(2 filas\); "
                                         r"SEGOB mes 2026-09 \(2 filas\) y 1 más\.$"):
        check(con)


def test_the_index_rules_report_every_problem_at_once(tmp_path):
    from common.errors import DefinitionError
    from indicators.index_rules import load_index_rules
    path = tmp_path / "indice.toml"
    path.write_text('version = 1.3\nnombre = "IDT"\ntipo_solicitud = "arcop"\n\n'
                    '[[dimension]]\nid = "solicitudes"\nnombre = "Solicitudes"\npeso = 0\ncomponentes = [\n'
                    '  { indicador = "pct_en_plazo", peso = 50, cero = 50, cien = 50 },\n'
                    '  { indicador = "no_existe", peso = 50, cero = 0, cien = 100, meta = 1 },\n]\n\n'
                    '[[dimension]]\nid = "solicitudes"\nnombre = "Otra"\npeso = 0\ncomponentes = []\n',
                    encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_index_rules({"pct_en_plazo"}, path)
    where = "indice.toml, dimension 1 (solicitudes)"
    assert str(err.value).split("\n- ") == [
        "indice.toml tiene errores:",
        "indice.toml: «version» debe ser un texto entre comillas; se encontró 1.3",
        f"{where}, componentes 2 (no_existe): clave desconocida «meta»; use solo indicador, peso, cero, cien",
        "indice.toml: tipo_solicitud «arcop» no válido: el índice lee las solicitudes con ambos tipos juntos; use uno "
        "de ['ambos']",
        f"{where}, componentes 1 (pct_en_plazo): 'cero' y 'cien' deben ser distintos",
        f"{where}, componentes 2 (no_existe): el indicador no existe en el catálogo",
        "indice.toml, dimension 2 (solicitudes): necesita al menos un componente",
        "indice.toml: al menos una dimensión debe tener peso mayor que 0",
        "indice.toml, dimension 2 (solicitudes): id «solicitudes» repetido; cada [[dimension]] necesita uno propio",
    ]
