"""Wilson intervals and rank movement, checked against values worked out by hand."""
import pytest

from pages.ui.stats import movement, wilson


def test_wilson_interval_by_hand():
    # 8 of 10: p = 0.8, z = 1.96: centre = (0.8 + 0.19208) / 1.38415 = 0.71676;
    # half = 1.96 × sqrt(0.016 + 0.0096040) / 1.38415 = 0.22657 → 49.02 % … 94.33 %.
    lo, hi = wilson(8, 10)
    assert lo == pytest.approx(49.02, abs=0.01) and hi == pytest.approx(94.33, abs=0.01)
    # 0 of 5 still has an upper bound; 5 of 5 a lower bound.
    assert wilson(0, 5)[0] == 0 and wilson(0, 5)[1] == pytest.approx(43.45, abs=0.01)
    assert wilson(5, 5)[1] == 100 and wilson(5, 5)[0] == pytest.approx(56.55, abs=0.01)


def test_wilson_does_not_apply_to_scores_or_empty():
    assert wilson(0, 0) is None and wilson(70.5, 100) is None and wilson(700, 10) is None


def test_movement():
    assert [movement(3, 5), movement(5, 3), movement(2, 2), movement(1, None), movement(None, 1)] == [
        "▲ 2", "▼ 2", "sin cambio", "nuevo", ""]
