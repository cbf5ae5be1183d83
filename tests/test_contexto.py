"""Inexistence and classified answers are lawful answers: context only, no red or green, no target, not in the index."""
from indicators.definitions import load_indicators
from indicators.index_rules import load_index_rules
from indicators.semaforo import SIN_SEMAFORO, semaforo

CONTEXT = ("pct_inexistencia", "pct_clasificada")


def test_no_semaforo_whatever_the_value():
    defs = {i.id: i for i in load_indicators()}
    for ind in CONTEXT:
        d = defs[ind]
        assert (d.direccion, d.meta, d.umbral_verde, d.umbral_amarillo) == ("neutral", None, None, None)
        assert "LGTAIP 2015" in d.sin_meta  # its legal basis, shown in Metodología
        # 0 % and 100 % alike: before, 40 % of inexistence was red and 3 % green.
        for valor in (0.0, 3.0, 40.0, 100.0):
            assert semaforo(valor, d.direccion, d.umbral_verde, d.umbral_amarillo) == SIN_SEMAFORO


def test_not_in_the_index():
    components = {c.indicador for d in load_index_rules().dimensiones for c in d.componentes}
    assert components.isdisjoint(CONTEXT)
