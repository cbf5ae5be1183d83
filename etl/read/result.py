"""What a reader says about the file it read (ReadResult), and the notes every reader adds."""
from __future__ import annotations

from dataclasses import dataclass, field

from etl.layouts import Candidate, Match


FOLIO_FIELDS = frozenset({"folio", "folio_solicitud"})


@dataclass
class ReadResult:
    layout: str
    formato: str  # "json" | "csv" | "xlsx" | "xls"
    codificacion: str | None
    separador: str | None
    filas_leidas: int  # rows written to the table (rechazos excluded)
    hoja: str | None
    avisos: list[str] = field(default_factory=list)
    rechazos: list[tuple[int, str]] = field(default_factory=list)  # (fila, Spanish reason)
    columnas: dict[str, str] = field(default_factory=dict)  # canonical field -> source header used
    fuente: str | None = None  # the fuente whose layout matched (read_source may be given several)
    table: str | None = None  # the table written (a workbook's further sheets write tables of their own)
    hojas: list["ReadResult"] = field(default_factory=list)  # a workbook's further sheets, each a load of its own
    lector: str = "detallado"  # "duckdb": DuckDB parsed the file (fast path); "detallado": the careful reader


def columns_used(match: Match, cand: Candidate) -> dict[str, str]:
    return {f: cand.headers[i] for f, i in match.columns.items()}


def add_common_notes(result: ReadResult, dropped: int) -> None:
    if dropped:
        result.avisos.append(f"{dropped} filas sin datos en las columnas usadas se omitieron")
    if result.filas_leidas == 0 and not result.rechazos:
        result.avisos.append("El archivo solo tiene la fila de encabezados: no hay registros")
