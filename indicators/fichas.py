"""Printable one-page fichas (PDF) per ente and period, for the monthly delivery to titulares.

`python -m indicators fichas --periodo 2025-10 --out DIR` writes one PDF per ente with an index in that period:
the index and its position, the dimension scores, the index over the last 12 months, why it moved, and what
to fix (indicators in red or yellow, fracciones failed in the last review with the reviewer's note), and the
citizens' evaluations beside the verifiers' (indicators/comparison.py).
"""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
from fpdf import FPDF

from indicators import semaforo, sql
from common.formatting import fecha_es, format_value, periodo_es, periodo_label, sentence
from indicators.comparison import UMBRAL_DESACUERDO, VENTANA_MESES, reference_month
from indicators.index_rules import IndexRules, load_index_rules
from indicators.period_status import PeriodState, PeriodStates
from indicators.periods import period_bounds, tipo_de

GUINDA, GRIS, ROJO = (123, 30, 58), (110, 110, 110), (215, 48, 39)
# The dashboard's semáforo, as a word and an RGB colour for print.
SEMAFORO_PDF = {semaforo.VERDE: ("verde", (26, 152, 80)), semaforo.AMARILLO: ("amarillo", (242, 183, 1)),
                semaforo.ROJO: ("rojo", ROJO)}
# The PDF core fonts speak Latin-1: typographic signs become their plain equivalents.
_PLAIN = str.maketrans({"−": "-", "–": "-", "—": "-", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'",
                        "≥": ">=", "≤": "<=", "×": "x", "→": "->"})


def plain(text: object) -> str:
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


@dataclass(frozen=True)
class Contexto:
    """What every ficha of one period shares, read once for all entes."""
    tipo: str
    periodo: str
    corte: str | None
    rules: IndexRules
    meta: float
    verde: float
    amarillo: float
    all_values: pd.DataFrame  # every ente's index in the period, for positions
    preliminar: bool = False  # the period still has requests within their deadline (indicators.period_status)
    estado: PeriodState | None = None
    ultimo_cerrado: str | None = None  # the last closed period of the same kind, in words


class Ficha(FPDF):
    def __init__(self, corte: str | None):
        super().__init__(format="A4")
        self.corte = corte
        self.set_auto_page_break(True, margin=14)
        self.set_margins(14, 12, 14)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("Helvetica", size=7)
        self.set_text_color(*GRIS)
        self.cell(0, 4, plain(f"Tablero de Indicadores de Transparencia - Poder Ejecutivo de Quintana Roo. Datos al "
                              f"{self.corte}. Metodología: página Metodología del tablero."), align="C")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font("Helvetica", "B", 11)
        self.set_text_color(*GUINDA)
        self.cell(0, 6, plain(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def paragraph(self, text: str, size: float = 9) -> None:
        self.set_font("Helvetica", size=size)
        self.multi_cell(0, 4.4, plain(text), new_x="LMARGIN", new_y="NEXT")


def position_text(all_values: pd.DataFrame, ente_id: str, grupo: str) -> str:
    parts = []
    for label, df in (("entre todos los entes", all_values),
                      (f"en su grupo ({grupo})", all_values[all_values["grupo_pares"] == grupo])):
        ranked, _ = semaforo.rank_entes(df.rename(columns={"indice": "valor"}), "mayor_es_mejor")
        hit = ranked[ranked["ente_id"] == ente_id]
        if not hit.empty:
            parts.append(f"lugar {int(hit['lugar'].iloc[0])} de {len(ranked)} {label}")
    return ("Posición: " + "; ".join(parts) + ".") if parts else "Sin posición: índice con datos insuficientes."


def _bars(pdf: Ficha, scores: list[tuple[str, float | None]]) -> None:
    x0, width = pdf.l_margin + 92, 70
    for label, score in scores:
        y = pdf.get_y()
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(92, 6, plain(label))
        pdf.set_fill_color(235, 235, 235)
        pdf.rect(x0, y + 1, width, 4, style="F")
        if score is not None:
            pdf.set_fill_color(*GUINDA)
            pdf.rect(x0, y + 1, width * score / 100, 4, style="F")
        pdf.set_xy(x0 + width + 2, y)
        pdf.cell(20, 6, "sin datos" if score is None else f"{score:.1f}", new_x="LMARGIN", new_y="NEXT")


def _trend(pdf: Ficha, trend: pd.DataFrame, meta: float | None) -> None:
    """Line chart of the monthly index, drawn with lines (no image libraries needed)."""
    x0, y0, w, h = pdf.l_margin + 8, pdf.get_y() + 2, 170, 36
    pdf.set_draw_color(200, 200, 200)
    pdf.set_font("Helvetica", size=7)
    for v in (0, 50, 100):
        y = y0 + h - h * v / 100
        pdf.line(x0, y, x0 + w, y)
        pdf.set_xy(x0 - 8, y - 2)
        pdf.cell(7, 4, str(v), align="R")
    if meta is not None:
        pdf.set_draw_color(*ROJO)
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.line(x0, y0 + h - h * meta / 100, x0 + w, y0 + h - h * meta / 100)
        pdf.set_dash_pattern()
    n = len(trend)
    # A month whose index has fewer than two dimensions has no value (datos insuficientes): a gap, never a point.
    points = [(x0 + (w * i / max(n - 1, 1)), None if pd.isna(v) else y0 + h - h * float(v) / 100)
              for i, v in enumerate(trend["valor"])]
    pdf.set_draw_color(*GUINDA)
    pdf.set_line_width(0.6)
    for a, b in zip(points, points[1:]):
        if a[1] is not None and b[1] is not None:
            pdf.line(*a, *b)
    pdf.set_fill_color(*GUINDA)
    for (x, y), periodo in zip(points, trend["periodo"]):
        if y is not None:
            pdf.ellipse(x - 0.9, y - 0.9, 1.8, 1.8, style="F")
        pdf.set_xy(x - 6, y0 + h + 0.5)
        pdf.cell(12, 3, plain(periodo_label("mes", periodo)[:3] + periodo[2:4]), align="C")
    pdf.set_line_width(0.2)
    pdf.set_y(y0 + h + 5)
    if meta is not None:
        pdf.set_font("Helvetica", size=7)
        pdf.cell(0, 3, plain(f"Línea punteada: meta de {meta:g} puntos."), new_x="LMARGIN", new_y="NEXT")


def render(con: duckdb.DuckDBPyConnection, row: pd.Series, ctx: Contexto, out: Path) -> Path:
    rules, tipo, periodo = ctx.rules, ctx.tipo, ctx.periodo
    desde, hasta = period_bounds(tipo, periodo)
    pdf = Ficha(ctx.corte)
    pdf.add_page()
    pdf.set_fill_color(*GUINDA)
    pdf.rect(0, 0, 210, 20, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(14, 5)
    pdf.cell(0, 6, plain("Ficha de desempeño en transparencia"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 5, plain(sentence(periodo_es(tipo, periodo))), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(24)
    pdf.set_font("Helvetica", "B", 13)
    name = row["nombre"] + (f" ({row['siglas']})" if isinstance(row["siglas"], str) and row["siglas"] else "")
    pdf.multi_cell(0, 6, plain(name), new_x="LMARGIN", new_y="NEXT")

    if ctx.preliminar:
        _preliminary_notice(pdf, ctx)
    if row["suficiente"]:
        label, color = SEMAFORO_PDF[semaforo.semaforo(row["indice"], "mayor_es_mejor", ctx.verde, ctx.amarillo)]
        pdf.set_font("Helvetica", "B", 28)
        pdf.set_text_color(*color)
        pdf.cell(40, 14, f"{row['indice']:.1f}")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("Helvetica", size=9)
        pdf.multi_cell(0, 4.6, plain(
            f"Índice de Desempeño en Transparencia (0 a 100), semáforo {label} (verde desde {ctx.verde:g}, "
            f"amarillo desde {ctx.amarillo:g}; meta {ctx.meta:g}). "
            f"{position_text(ctx.all_values, row['ente_id'], row['grupo_pares'])}"),
            new_x="LMARGIN", new_y="NEXT")
    else:
        # An index from a single dimension is said, never printed as a number.
        pdf.set_font("Helvetica", "B", 16)
        pdf.set_text_color(*GRIS)
        pdf.cell(60, 14, plain("Datos insuficientes"))
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("Helvetica", size=9)
        pdf.multi_cell(0, 4.6, plain(
            "Índice de Desempeño en Transparencia: en este periodo solo una dimensión tiene datos, y un índice de "
            "una sola dimensión no se muestra como número ni se ordena."), new_x="LMARGIN", new_y="NEXT")
    if isinstance(row["dimensiones_faltantes"], str) and row["dimensiones_faltantes"]:
        missing = ", ".join(rules.dimension(d).nombre.lower() for d in row["dimensiones_faltantes"].split(","))
        pdf.paragraph(f"Sin datos de {missing} en este periodo: su peso se repartió entre las demás dimensiones "
                      "(no cuenta como cero).", 8)

    pdf.heading("Dimensiones")
    scores = dict(con.execute("""SELECT replace(indicador, 'puntaje_', ''), valor FROM indicador_valor
                                 WHERE nivel = 'ente' AND clave = ? AND tipo_periodo = ? AND periodo = ?
                                   AND indicador LIKE 'puntaje_%'""", [row["ente_id"], tipo, periodo]).fetchall())
    _bars(pdf, [(f"{d.nombre} (peso {d.peso:g})", scores.get(d.id)) for d in rules.dimensiones if d.peso > 0])

    trend = con.execute(sql("reports/ficha_tendencia.sql"), {"ente": row["ente_id"], "hasta": hasta}).df()
    if len(trend) >= 2:
        pdf.heading("Índice mes por mes")
        _trend(pdf, trend, ctx.meta)

    pdf.heading("¿Por qué cambió?" + (" (cifras preliminares)" if ctx.preliminar else ""))
    if not row["suficiente"]:
        pdf.paragraph("Sin explicación: el índice de este periodo no tiene datos suficientes.")
    else:
        pdf.paragraph(row["explicacion"] if isinstance(row["explicacion"], str)
                      else "No hay un periodo anterior comparable para este ente.")

    pdf.heading("Qué corregir")
    fix = con.execute(sql("reports/ficha_a_corregir.sql"), {"ente": row["ente_id"], "tipo_periodo": tipo,
                                                     "periodo": periodo}).df()
    if fix.empty:
        pdf.paragraph("Ningún indicador con datos suficientes está en amarillo o rojo en este periodo.")
    for r in fix.itertuples(index=False):
        meta = "" if pd.isna(r.meta) else f"; meta {format_value(r.meta, r.unidad)}"
        pdf.paragraph(f"- {r.nombre}: {format_value(r.valor, r.unidad)} ({r.semaforo.lower()}{meta}).", 8.5)
    failed = con.execute(sql("reports/ficha_fracciones.sql"), {"ente": row["ente_id"], "hasta": hasta}).df()
    if not failed.empty:
        pdf.paragraph(f"Fracciones incumplidas en la última verificación ({len(failed)}):", 8.5)
        for r in failed.head(8).itertuples(index=False):
            note = f" Observación: {str(r.observaciones)[:160]}" if isinstance(r.observaciones, str) else ""
            pdf.paragraph(f"- Art. {r.articulo} fr. {r.fraccion} ({r.nombre or 'sin nombre'}): {r.puntaje:.0f} de 100."
                          f"{note}", 8)
        if len(failed) > 8:
            pdf.paragraph(f"... y {len(failed) - 8} más (ver la página Verificación del tablero).", 8)
    _citizens(pdf, con, row["ente_id"], tipo, periodo)
    path = out / f"ficha_{row['ente_id']}_{periodo}.pdf"
    pdf.output(str(path))
    return path


def _citizens(pdf: Ficha, con, ente_id: str, tipo: str, periodo: str) -> None:
    """Citizens beside the verifiers: both sides' values in the period and the three fracciones where they disagree
    most (indicators/comparison.py)."""
    mes = reference_month(tipo, periodo)
    data = con.execute(sql("reports/ficha_ciudadanos.sql"), {"ente": ente_id, "tipo_periodo": tipo, "periodo": periodo,
                                                     "mes": mes}).df()
    values = data[data["parte"] == "valor"]
    if values.empty:
        return
    pdf.heading("Ciudadanos y verificadores")
    parts = [f"{r.texto}: {format_value(r.valor, r.unidad) if r.suficiente else 'datos insuficientes'}"
             for r in values.itertuples(index=False)]
    pdf.paragraph("; ".join(parts) + ".", 8.5)
    split = data[data["parte"] == "desacuerdo"].head(3)
    if not split.empty:
        pdf.paragraph(f"Donde más difieren en los {VENTANA_MESES} meses a {periodo_es('mes', f'{mes:%Y-%m}')} "
                      f"({UMBRAL_DESACUERDO:g} puntos o más):", 8.5)
        for r in split.itertuples(index=False):
            pdf.paragraph(f"- {r.texto}: ciudadanos la encontraron {r.valor:.0f} % ({int(r.casos)} evaluaciones); "
                          f"verificadores {r.verificadores:.0f} de 100.", 8)


def _preliminary_notice(pdf: Ficha, ctx: Contexto) -> None:
    """A framed warning at the top: the period still has requests within their legal deadline."""
    state = ctx.estado
    parts = []
    if state is not None and state.abiertas_en_plazo:
        parts.append(f"{state.abiertas_en_plazo:,} de {state.recibidas:,} solicitudes recibidas en el periodo siguen en "
                     f"trámite dentro de su plazo legal al {ctx.corte}")
    if state is not None and not state.completo:
        parts.append(f"los datos llegan al {ctx.corte}, antes del fin del periodo")
    pdf.set_draw_color(*ROJO)
    pdf.set_text_color(*ROJO)
    pdf.set_font("Helvetica", "B", 9)
    pdf.multi_cell(0, 4.6, plain(
        "CIFRAS PRELIMINARES: " + "; ".join(parts) + ". Las respuestas rápidas ya están y las lentas todavía no: las "
        "cifras se ven mejor de lo que terminarán." + (f" Último periodo cerrado: {ctx.ultimo_cerrado}."
                                                      if ctx.ultimo_cerrado else "")),
        border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(1)


def progress_bar(done: int, total: int, label: str) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:30]:<30}", end="", file=sys.stderr,
          flush=True)


def read_context(con: duckdb.DuckDBPyConnection, periodo: str | None) -> Contexto | None:
    """What every ficha of `periodo` shares (every ente's row of reports/ficha.sql in `all_values`); without a
    periodo, the last closed month (indicators.period_status); None when there is no closed month. A malformed
    periodo raises ValueError."""
    states = PeriodStates.from_connection(con)
    periodo = periodo or states.last_closed("mes")
    if periodo is None:
        return None
    tipo = tipo_de(periodo)
    period_bounds(tipo, periodo)  # a malformed periodo fails here with ValueError
    corte_iso = dict(con.execute("SELECT clave, valor FROM metadatos").fetchall()).get("fecha_corte")
    corte = fecha_es(dt.date.fromisoformat(corte_iso)) if corte_iso else None
    rows = con.execute(sql("reports/ficha.sql"), {"tipo_periodo": tipo, "periodo": periodo}).df()
    meta, verde, amarillo = con.execute("SELECT meta, umbral_verde, umbral_amarillo FROM indicador "
                                        "WHERE indicador = 'indice_desempeno'").fetchall()[0]
    last = states.last_closed(tipo)
    return Contexto(tipo, periodo, corte, load_index_rules(), meta, verde, amarillo, rows,
                    states.is_preliminary(tipo, periodo), states.state(tipo, periodo),
                    periodo_es(tipo, last) if last else None)


def write_fichas(db_path: Path, periodo: str | None, out: Path, ente: str | None = None,
                 progress=progress_bar) -> list[Path]:
    """One PDF per ente with an index in `periodo` (or just `ente`); without a periodo, the last closed month
    (indicators.period_status). Returns the files written."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"No existe el almacén {db_path}; constrúyalo con: python -m etl build")
    out.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path), read_only=True) as con:
        ctx = read_context(con, periodo)
        if ctx is None:
            return []
        rows = ctx.all_values
        chosen = rows if ente is None else rows[rows["ente_id"] == ente]
        written = []
        for n, row in enumerate(chosen.itertuples(index=False), start=1):
            written.append(render(con, pd.Series(row._asdict()), ctx, out))
            if progress:
                progress(n, len(chosen), row.ente_id)
    if progress and written:
        print(file=sys.stderr)
    return written
