"""Page render times under Streamlit AppTest (`python -m bench.page_times`, run as a subprocess by bench/run.py: TABLERO_DB points at the
national warehouse). Prints one JSON object on stdout.

- primera: the page's first run with Streamlit's data cache cleared (modules already imported, as in a server
  that is up: the ~1 s of `import streamlit` is not the page's cost);
- repeticion: the same AppTest run again (cached reads), what a user pays on every interaction;
- cambio de filtro: the most expensive filter changes — Ranking switching indicator and period, Ficha switching
  ente — each to a value not seen before (cold for that value).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGES = [("Inicio", "app.py"), ("Ranking", "pages/1_Ranking.py"), ("Ficha del ente", "pages/2_Ficha_del_ente.py"),
         ("Solicitudes", "pages/3_Solicitudes.py"), ("Verificación", "pages/6_Verificacion.py")]
TIMEOUT = 600


def _app(page: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if page != "app.py":
        at.switch_page(page)
    return at


def _timed_run(at) -> float:
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"la página falló: {[e.value for e in at.exception]}")
    return elapsed


def _selectbox(at, key: str):
    return next(s for s in at.selectbox if s.key == key)


def measure(quick: bool = False) -> dict:
    import streamlit as st

    _timed_run(_app("pages/8_Metodologia.py"))  # warm-up: imports, plotly templates
    out: dict[str, dict[str, float]] = {}
    apps = {}
    for label, page in PAGES:
        st.cache_data.clear()
        at = _app(page)
        first = _timed_run(at)
        again = _timed_run(at)
        out[label] = {"primera": first, "repeticion": again}
        apps[label] = at
    changes: dict[str, float] = {}
    ranking = apps["Ranking"]
    _selectbox(ranking, "f_indicador").set_value("pct_en_plazo")
    changes["Ranking: cambiar indicador"] = _timed_run(ranking)
    current = _selectbox(ranking, "f_periodo").value  # 'AAAA-MM': the same month a year before
    year, _, month = str(current).partition("-")
    _selectbox(ranking, "f_periodo").set_value(f"{int(year) - 1}-{month}" if month else str(int(year) - 1))
    changes["Ranking: cambiar periodo"] = _timed_run(ranking)
    ficha = apps["Ficha del ente"]
    _selectbox(ficha, "f_ente").set_value(_middle_ente())
    changes["Ficha: cambiar ente"] = _timed_run(ficha)
    return {"paginas": out, "cambios": changes}


def _middle_ente() -> str:
    """An ente from the middle of the catalog (not the default one, so its reads are not cached)."""
    import duckdb

    from common.paths import served_db

    with duckdb.connect(str(served_db()), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM ente").fetchone()[0]
        return con.execute("SELECT ente_id FROM ente ORDER BY ente_id LIMIT 1 OFFSET ?", [n // 2]).fetchone()[0]


if __name__ == "__main__":
    print(json.dumps(measure(quick="--quick" in sys.argv)))
