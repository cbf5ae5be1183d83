"""Small statistics for honest rankings."""
from __future__ import annotations

import math

Z95 = 1.959963984540054


def wilson(successes: float, n: float, z: float = Z95) -> tuple[float, float] | None:
    """95 % Wilson score interval of a proportion, in percent; None when it does not apply (not counts, n = 0)."""
    if n is None or successes is None or n <= 0 or not 0 <= successes <= n:
        return None
    if not (float(successes).is_integer() and float(n).is_integer()):
        return None  # the interval is for counts of cases, not for sums of scores
    p = successes / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return 100 * max(0.0, center - half), 100 * min(1.0, center + half)



def movement(now: int | None, before: int | None) -> str:
    """'▲ 2' (up two places), '▼ 1', 'sin cambio' or 'nuevo' when it was not ranked before (never a bare '=': a
    spreadsheet would read it as a formula, and a CSV export neutralizes it)."""
    if now is None:
        return ""
    if before is None:
        return "nuevo"
    if now == before:
        return "sin cambio"
    return f"▲ {before - now}" if now < before else f"▼ {now - before}"
