"""Period arithmetic for 'mes' ('2026-10'), 'trimestre' ('2026-T4') and 'anio' ('2026')."""
from __future__ import annotations

from datetime import date, timedelta


def tipo_de(periodo: str) -> str:
    """'2025-10' → mes, '2025-T3' → trimestre, '2025' → anio."""
    if "-T" in periodo:
        return "trimestre"
    return "mes" if "-" in periodo else "anio"


def period_bounds(tipo: str, periodo: str) -> tuple[date, date]:
    """First day and first day after the period."""
    if tipo == "mes":
        y, m = (int(p) for p in periodo.split("-"))
        start = date(y, m, 1)
        end = date(y + (m == 12), m % 12 + 1, 1)
    elif tipo == "trimestre":
        y, q = periodo.split("-T")
        y, q = int(y), int(q)
        start = date(y, 3 * q - 2, 1)
        end = date(y + (q == 4), (3 * q) % 12 + 1, 1)
    elif tipo == "anio":
        start, end = date(int(periodo), 1, 1), date(int(periodo) + 1, 1, 1)
    else:
        raise ValueError(f"tipo de periodo desconocido: {tipo}")
    return start, end


def previous_period(tipo: str, periodo: str) -> str:
    """The period right before: '2026-01' -> '2025-12', '2026-T1' -> '2025-T4', '2026' -> '2025'."""
    start, _ = period_bounds(tipo, periodo)
    prev_day = start - timedelta(days=1)
    if tipo == "mes":
        return f"{prev_day.year}-{prev_day.month:02d}"
    if tipo == "trimestre":
        return f"{prev_day.year}-T{(prev_day.month - 1) // 3 + 1}"
    return str(prev_day.year)


def month_range(first: str, last: str) -> list[str]:
    """Every month from first to last ('2024-11', '2025-02' -> 4 months), so charts show gaps as gaps."""
    y, m = (int(p) for p in first.split("-"))
    end = tuple(int(p) for p in last.split("-"))
    out = []
    while (y, m) <= end:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
