"""Business days for the sample: the working days of data/catalogos/calendario_inhabil.csv and the seasonality of
filings (months, Semana Santa, few filings on non-working days)."""
from __future__ import annotations

import bisect
from datetime import date, timedelta

from samples.pnt_values import MONTH_WEIGHT, NON_WORKING_WEIGHT


class Calendar:
    """Working days (Mon–Fri minus declared non-working days) with O(1) 'n business days after' lookups."""

    def __init__(self, holidays: dict[date, str], start: date, end: date):
        self.holidays = holidays
        self.workdays: list[date] = []
        d = start
        while d <= end:
            if self.is_working(d):
                self.workdays.append(d)
            d += timedelta(days=1)
        self.index = {d: i for i, d in enumerate(self.workdays)}

    def is_working(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def receipt(self, d: date) -> date:
        """Official receipt: the filing day if working, else the next working day."""
        return self.workdays[bisect.bisect_left(self.workdays, d)]

    def add(self, working_day: date, n: int) -> date:
        """The n-th working day after a working day (business days start the day after receipt)."""
        return self.workdays[self.index[working_day] + n]


def day_weights(cal: Calendar, days: list[date]) -> list[float]:
    """Seasonality: months, Semana Santa (and the Easter week after it), and few filings on non-working days."""
    holy_weeks: dict[date, float] = {}
    for d, motivo in cal.holidays.items():
        if motivo.startswith("Jueves Santo"):
            monday = d - timedelta(days=3)
            for i in range(7):
                holy_weeks[monday + timedelta(days=i)] = 0.5
                holy_weeks.setdefault(monday + timedelta(days=7 + i), 0.7)
    weights = []
    for d in days:
        w = MONTH_WEIGHT[d.month] * holy_weeks.get(d, 1.0)
        weights.append(w if cal.is_working(d) else w * NON_WORKING_WEIGHT)
    return weights
