"""Metodología documents every indicator of the catalog, the index weights, the laws and the changelog."""
from conftest import all_text, run_page

from indicators.definitions import load_indicators
from indicators.index_rules import load_index_rules
from indicators.rules import load_rules


def test_every_indicator_and_weight_is_documented(app_db):
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception
    text = all_text(at) + "\n".join(str(t.value) for t in at.text) + "\n".join(e.label for e in at.expander)
    for ind in load_indicators():
        assert ind.nombre in text and ind.formula in text and ind.fuente in text, ind.id
    for regla in load_rules():
        assert regla.titulo in text and regla.texto in text, regla.id
        assert f"{regla.titulo}\n{regla.texto}" in text, regla.id  # the title on its own line above its text
    # one indicator's whole definition, as written in indicators/indicadores.toml (razón, "%", goal 100, thresholds
    # 95 and 85, minimum denominator 10); and one without a goal (conteo, neutral)
    assert ("Respondidas en plazo · pct_en_plazo\nPorcentaje de solicitudes respondidas dentro del plazo legal (con "
            "ampliación si la hubo), entre las que ya tienen plazo determinado: respondidas, o vencidas sin respuesta al "
            "corte.\nFórmula: 100 × respondidas en plazo / (respondidas + vencidas sin respuesta)\n"
            "Numerador: en_plazo · Denominador: con_plazo_determinado · Unidad: % · Mayor es mejor\n"
            "Meta: 100 · Verde: 95 · Amarillo: 85 · Denominador mínimo: 10\n"
            "Fuente: Exportaciones de la PNT; plazos de data/catalogos/plazo_legal.csv; días inhábiles de "
            "data/catalogos/calendario_inhabil.csv · Versión 1.1") in text
    assert ("Solicitudes recibidas · solicitudes_recibidas\n"
            "Solicitudes de acceso a la información y de derechos ARCOP recibidas en el periodo (fecha oficial de "
            "recepción).\nFórmula: Número de solicitudes cuya fecha oficial de recepción cae en el periodo\n"
            "Numerador: recibidas · Denominador: — · Unidad: solicitudes · Sin dirección\n"
            "Sin meta: Mide la demanda de información: no hay un volumen mejor que otro. · Denominador mínimo: 0") in text
    for dim in load_index_rules().dimensiones:
        assert f"{dim.nombre} {dim.peso:g}" in text
    tables = "\n".join(df.value.to_csv() for df in at.dataframe)
    assert "Ley General de Transparencia (2025)" in tables and "Primera versión" in tables
    assert "Suspensión de plazos por la contingencia sanitaria COVID-19" in tables
    # rules, indicators, index, deadlines, which version judged which months, non-working days, suspensions,
    # status and answer values, changelog
    assert len(at.get("download_button")) == 9


def test_missing_warehouse_message(missing_db):
    at = run_page("pages/8_Metodologia.py")
    assert not at.exception and "python -m etl build" in all_text(at)
