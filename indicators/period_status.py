"""Which periods are preliminary, and which is the last closed one.

The build decides, once, which periods are preliminary (table periodo_estado, indicators/sql/periods/periodo_estado.sql):
a period the data do not cover whole, or with requests still within their legal deadline at the cut-off date.
Everything that picks or labels a period asks here: every page (the default period and the "Cifras preliminares"
banner), the PDF fichas, the open-data export (its `preliminar` column comes from the same table) and the monthly
delivery, which defaults to the last closed month.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

QUERY = """SELECT tipo_periodo, periodo, periodo_inicio, periodo_fin, completo, abiertas_en_plazo, recibidas, preliminar
           FROM periodo_estado"""


@dataclass(frozen=True)
class PeriodState:
    tipo_periodo: str
    periodo: str
    periodo_inicio: date
    periodo_fin: date
    completo: bool                # the period ends on or before the cut-off date
    abiertas_en_plazo: int        # its requests still in process within their legal deadline at the cut-off
    recibidas: int
    preliminar: bool


class PeriodStates:
    """The periods of one warehouse with their state."""

    def __init__(self, states: Iterable[PeriodState]):
        self._by_key = {(s.tipo_periodo, s.periodo): s for s in states}

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence]) -> PeriodStates:
        return cls(PeriodState(t, p, i, f, bool(c), int(a), int(r), bool(pr)) for t, p, i, f, c, a, r, pr in rows)

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> PeriodStates:
        return cls.from_rows(df[["tipo_periodo", "periodo", "periodo_inicio", "periodo_fin", "completo",
                                 "abiertas_en_plazo", "recibidas", "preliminar"]].itertuples(index=False))

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection) -> PeriodStates:
        return cls.from_rows(con.execute(QUERY).fetchall())

    def state(self, tipo: str, periodo: str) -> PeriodState | None:
        return self._by_key.get((tipo, periodo))

    def is_preliminary(self, tipo: str, periodo: str) -> bool:
        """A period the build did not see (no values at all) is not called preliminary: there is nothing to show."""
        state = self.state(tipo, periodo)
        return bool(state and state.preliminar)

    def last_closed(self, tipo: str, among: Sequence[str] | None = None) -> str | None:
        """The newest period of this kind that is not preliminary (among `among` when given), or None."""
        keys = [(tipo, p) for p in among] if among is not None else [k for k in self._by_key if k[0] == tipo]
        closed = [self._by_key[k] for k in keys if k in self._by_key and not self._by_key[k].preliminar]
        return max(closed, key=lambda s: s.periodo_inicio).periodo if closed else None

    def default(self, tipo: str, options: Sequence[str]) -> str | None:
        """The period a page, a ficha or a delivery shows when nobody chose one: the last closed period among the
        options; when every option is still preliminary, the newest one (and it says so)."""
        if not options:
            return None
        return self.last_closed(tipo, options) or max(
            options, key=lambda p: self._by_key[(tipo, p)].periodo_inicio if (tipo, p) in self._by_key else date.min)
