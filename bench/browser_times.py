"""Each page in a real browser: `python -m bench.browser_times --db PATH [--vistas 3] [--out FILE]`.

Starts the real app (`streamlit run`, local mode) on the warehouse PATH and drives Debian's chromium through
Playwright. For every page of pages/ui/layout.py PAGES it measures:

- primera: the first view (Streamlit's data cache cold for that page), from navigation until the app stops running
  and the page's title is drawn;
- caliente: the median of the next views of the same URL (each a new browser session, the data cache warm), what
  a visitor pays when opening a page someone already opened;
- cpu_servidor: the server's CPU seconds (user + system, the streamlit process and its children, from /proc) per
  warm view, the median: what a page view costs the server;
- relativo: caliente as a ratio to the lightest page's (Metodología) in the same run, so runs on machines of
  different speed can be compared;
- relativo_piso: caliente as a ratio to the floor's, a bare Streamlit page (bench/piso.py: a title and a sentence)
  served by a second server with the same settings in the same run, measured the same way before the pages and
  once after each page (its median): 1.0 would be a page that costs nothing beyond Streamlit itself.

Prints one JSON object; figures go to README «Rendimiento», never into tests.
"""
from __future__ import annotations

import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from app_server import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402
from common.cli import SpanishParser  # noqa: E402
from pages.ui.layout import PAGES  # noqa: E402

BASELINE = "pages/8_Metodologia.py"
FLOOR = "bench/piso.py"
SETTLED = "() => { const a = document.querySelector('[data-testid=stApp]'); " \
          "return a && a.getAttribute('data-test-script-state') === 'notRunning' && document.querySelector('h1'); }"


def url_of(path: str) -> str:
    return "/" if path == "app.py" else "/" + Path(path).stem.split("_", 1)[1]


def server_pids(port: int) -> list[int]:
    """The streamlit server listening on `port` and its children (ps-free: /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"streamlit" in b" ".join(cmd) and str(port).encode() in cmd:
                pids.append(int(entry.name))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime (and those of waited-for children) of the processes, in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def returning_visitor(opener) -> bool:
    return type(opener).__name__ == "BrowserContext"


def view(browser, url: str, pids: list[int], width: int) -> tuple[float, float]:
    """(seconds until the app settles, server CPU seconds) of one view in a new browser session. `browser` is a
    Browser (a new context each view: a first visitor, who downloads Streamlit's scripts) or a BrowserContext (a new
    tab of the same context: a returning visitor, whose browser has them cached)."""
    page = browser.new_page(**({} if returning_visitor(browser) else {"viewport": {"width": width, "height": 900}}))
    try:
        cpu0, t0 = cpu_seconds(pids), time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(SETTLED, timeout=600_000, polling=50)
        elapsed = time.perf_counter() - t0
        page.wait_for_timeout(300)  # the server finishes sending what it drew
        return elapsed, cpu_seconds(pids) - cpu0
    finally:
        page.close()


def measure(db: Path, views: int = 3, width: int = 1440, query: str = "", only: list[str] | None = None,
            returning: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    logs = Path(os.environ.get("TMPDIR", "/tmp"))
    out: dict[str, dict] = {}
    floor: list[tuple[float, float]] = []
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(running_app(db, logs / f"bench_navegador_{os.getpid()}.log",
                                               env={"TABLERO_MODO": "local"}))
        floor_base = stack.enter_context(running_app(db, logs / f"bench_navegador_piso_{os.getpid()}.log",
                                                     script=FLOOR))
        pids = server_pids(int(base.rsplit(":", 1)[1]))
        floor_pids = server_pids(int(floor_base.rsplit(":", 1)[1]))
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        opener = browser.new_context(viewport={"width": width, "height": 900}) if returning else browser
        view(opener, floor_base + "/", floor_pids, width)  # warm-up of the floor's server and scripts
        floor += [view(opener, floor_base + "/", floor_pids, width) for _ in range(views)]
        view(opener, base + url_of(BASELINE), pids, width)  # warm-up: imports, fonts, plotly
        for path, page in PAGES.items():
            if only and page.label not in only and path != BASELINE:
                continue
            url = base + url_of(path) + query
            first = view(opener, url, pids, width)
            warm = [view(opener, url, pids, width) for _ in range(views)]
            floor.append(view(opener, floor_base + "/", floor_pids, width))  # the floor across the whole run
            out[page.label] = {"primera": round(first[0], 3),
                               "caliente": round(statistics.median(t for t, _ in warm), 3),
                               "cpu_servidor": round(statistics.median(c for _, c in warm), 3)}
    base_time = out[PAGES[BASELINE].label]["caliente"] or 1e-9
    floor_time = statistics.median(t for t, _ in floor) or 1e-9
    for figures in out.values():
        figures["relativo"] = round(figures["caliente"] / base_time, 2)
        figures["relativo_piso"] = round(figures["caliente"] / floor_time, 2)
    return {"almacen": str(db), "ancho": width, "vistas": views,
            "visitante": "que vuelve" if returning else "nuevo",
            "piso": {"caliente": round(floor_time, 3), "cpu_servidor": round(statistics.median(c for _, c in floor), 3),
                     "vistas": len(floor)},
            "paginas": out}


def main(argv: list[str] | None = None) -> int:
    parser = SpanishParser(prog="python -m bench.browser_times",
                           description="Tiempo de cada página en un navegador real y CPU del servidor por vista.")
    parser.add_argument("--db", required=True, help="almacén DuckDB que sirve el tablero")
    parser.add_argument("--vistas", type=int, default=3, help="vistas calientes por página (3)")
    parser.add_argument("--ancho", type=int, default=1440, help="ancho de la ventana en píxeles (1440; 390 = teléfono)")
    parser.add_argument("--consulta", default="", help="filtros para todas las páginas, p. ej. '?tipo=mes&periodo=2025-10'")
    parser.add_argument("--paginas", default=None, help="solo estas páginas, por su nombre, separadas por comas")
    parser.add_argument("--vuelve", action="store_true",
                        help="visitante que vuelve: cada vista en una pestaña nueva del mismo navegador (con los "
                             "scripts de Streamlit en su caché); sin esta opción, cada vista es un navegador nuevo")
    parser.add_argument("--out", default=None, help="también escribe el JSON en este archivo")
    args = parser.parse_args(argv)
    if not Path(args.db).exists():
        print(f"ERROR: no existe el almacén {args.db}; constrúyalo con: python -m etl build", file=sys.stderr)
        return 1
    only = [p.strip() for p in args.paginas.split(",")] if args.paginas else None
    result = measure(Path(args.db), args.vistas, args.ancho, args.consulta, only, args.vuelve)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
