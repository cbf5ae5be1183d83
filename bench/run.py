"""`python -m bench run`: one command that measures, in the same run and on the same machine,

- the baseline: DuckDB's bare read_csv of the requests file (bench/baseline.py);
- `python -m etl build` on the whole input folder, as a subprocess (wall time, peak memory from wait4's
  ru_maxrss, and the build's own phase times from `--tiempos`);
- `python -m indicators export`;
- each page under Streamlit AppTest, first run and rerun, and the most expensive filter changes (bench/page_times.py);
- all of it at 1,000,000 requests too (unless --quick), to show how the cost grows;
- with --rondas N (3 by default), N alternated rounds of baseline and requests load: medians are reported, since
  on a shared machine the same baseline varies by ±10 %.

Results: a table on stdout and in <out>/resultados.md and <out>/resultados.json. Timings are compared with the
targets of the issue; a bench never fails for being slow (CI checks that it runs, not how fast).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path

from bench.generate import Scale, generate

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TARGETS = {"carga_vs_base": 1.5, "memoria_mib": 2048, "pagina_primera_s": 2.0, "pagina_repeticion_s": 0.3,
           "crecimiento": 1.15}


def _tag(scale: Scale) -> str:
    return f"r{scale.requests}_e{scale.entes}_a{scale.attendance}_m{scale.months}"


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Runs a command; returns (seconds, peak RSS in MiB of the process tree it waited for, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} terminó con código {proc.returncode}:\n{stderr[-3000:]}\n{stdout[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, stdout


def _phases(stdout: str) -> dict[str, float]:
    line = next((l for l in stdout.splitlines() if l.startswith("Tiempos por fase:")), "")
    return {k: float(v) for k, v in re.findall(r"(\w+) ([0-9.]+) s", line)}


def _requests_load(stdout: str) -> float:
    """The requests file against its own baseline: the appeals file is read and staged in phases of its own."""
    fases = _phases(stdout)
    return fases.get("lectura_solicitudes", 0) + fases.get("etapa_solicitudes", 0)


def _baseline(csv_path: Path, folder: Path) -> tuple[dict, float]:
    """bench/baseline.py in its own process: (its JSON result, peak MiB)."""
    _, mem, stdout = _run([PY, "-m", "bench.baseline", str(csv_path), str(folder / "base.duckdb")])
    return json.loads(stdout), mem


def _extra_round(folder: Path, csv_path: Path, env: dict[str, str]) -> dict[str, float]:
    """One more baseline and one more requests load (a build of the requests and appeals folders only: the build
    reads and stages one domain at a time, so the other folders do not change these phases)."""
    base = _baseline(csv_path, folder)[0]["segundos"]
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        inputs = Path(tmp) / "inputs"
        inputs.mkdir()
        for name in ("solicitudes", "recursos"):
            (inputs / name).symlink_to((folder / "inputs" / name).resolve(), target_is_directory=True)
        _, _, stdout = _run([PY, "-m", "etl", "build", "--inputs", str(inputs), "--db", str(Path(tmp) / "t.duckdb"),
                             "--tiempos"], env)
    return {"base": base, "carga": _requests_load(stdout)}


def measure_scale(scale: Scale, data_dir: Path, out_dir: Path, *, regenerate: bool, say, rounds: int = 1) -> dict:
    folder = data_dir / _tag(scale)
    result: dict = {"escala": asdict(scale)}
    if regenerate or not (folder / "inputs" / "solicitudes").is_dir():
        say(f"Generando datos ({scale.requests:,} solicitudes, {scale.entes:,} entes) en {folder}…")
        t0 = time.perf_counter()
        generate(folder, scale)
        result["generacion_s"] = time.perf_counter() - t0
    csv_path = folder / "inputs" / "solicitudes" / "solicitudes_nacional.csv"
    result["archivo_solicitudes_mb"] = csv_path.stat().st_size / 1e6
    env = {"TABLERO_CATALOGOS": str(folder / "catalogos")}
    db = folder / "tablero.duckdb"

    say("Línea base: read_csv de DuckDB…")
    base, mem = _baseline(csv_path, folder)
    result["base"] = {"segundos": base["segundos"], "memoria_mib": mem, "columnas": base["columnas"]}

    say("python -m etl build …")
    seconds, mem, stdout = _run([PY, "-m", "etl", "build", "--inputs", str(folder / "inputs"), "--db", str(db),
                                 "--tiempos"], env)
    result["build"] = {"segundos": seconds, "memoria_mib": mem, "fases": _phases(stdout)}
    # On a shared machine the same baseline varies by ±10 %: with rounds > 1, baseline and load alternate and the
    # medians are reported (each round's ratio is kept too).
    result["rondas"] = [{"base": base["segundos"], "carga": _requests_load(stdout)}]
    for n in range(2, rounds + 1):
        say(f"Ronda {n} de {rounds}: línea base y carga de solicitudes…")
        result["rondas"].append(_extra_round(folder, csv_path, env))
    result["base"]["segundos"] = statistics.median(r["base"] for r in result["rondas"])
    result["carga_solicitudes_s"] = statistics.median(r["carga"] for r in result["rondas"])

    say("python -m indicators export …")
    seconds, mem, stdout = _run([PY, "-m", "indicators", "export", "--db", str(db), "--out",
                                 str(folder / "indicadores.csv")])
    result["export"] = {"segundos": seconds, "memoria_mib": mem, "salida": stdout.strip()}

    say("Páginas (Streamlit AppTest)…")
    _, mem, stdout = _run([PY, "-m", "bench.page_times"], {**env, "TABLERO_DB": str(db)})
    result["paginas"] = json.loads(stdout.strip().splitlines()[-1])
    result["paginas"]["memoria_mib"] = mem
    return result


def machine() -> dict:
    import duckdb

    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                   if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu or platform.processor(), "nucleos": os.cpu_count(), "memoria_gib": round(mem, 1),
            "sistema": platform.platform(), "python": platform.python_version(), "duckdb": duckdb.__version__,
            "fecha": dt.datetime.now().isoformat(timespec="seconds")}


def _fmt(v, digits=1) -> str:
    if v is None:
        return "—"
    return f"{v:,.{digits}f}"


def checks(results: list[dict]) -> list[dict]:
    """Each target of the issue against the largest scale measured (and the growth between scales)."""
    big = results[-1]
    out = []
    ratio = big["carga_solicitudes_s"] / big["base"]["segundos"]
    out.append({"meta": "Carga de solicitudes ≤ 1.5 × línea base", "valor": f"{ratio:.2f} ×",
                "cumple": ratio <= TARGETS["carga_vs_base"]})
    mem = big["build"]["memoria_mib"]
    out.append({"meta": "Memoria pico de la construcción < 2 GiB", "valor": f"{mem:,.0f} MiB",
                "cumple": mem < TARGETS["memoria_mib"]})
    pages = big["paginas"]["paginas"]
    worst_first = max(pages.items(), key=lambda kv: kv[1]["primera"])
    out.append({"meta": "Cada página < 2 s en la primera carga",
                "valor": f"peor: {worst_first[0]} {worst_first[1]['primera']:.2f} s",
                "cumple": worst_first[1]["primera"] < TARGETS["pagina_primera_s"]})
    worst_again = max(pages.items(), key=lambda kv: kv[1]["repeticion"])
    out.append({"meta": "Cada página < 0.3 s al repetir",
                "valor": f"peor: {worst_again[0]} {worst_again[1]['repeticion']:.2f} s",
                "cumple": worst_again[1]["repeticion"] < TARGETS["pagina_repeticion_s"]})
    if len(results) > 1:
        small = results[0]
        per_m = lambda r, t: t / (r["escala"]["requests"] / 1e6)  # noqa: E731
        growth = per_m(big, big["carga_solicitudes_s"]) / per_m(small, small["carga_solicitudes_s"])
        growth_build = per_m(big, big["build"]["segundos"]) / per_m(small, small["build"]["segundos"])
        out.append({"meta": "Crecimiento no mayor que lineal (s por millón de solicitudes, mayor ÷ menor escala)",
                    "valor": f"carga de solicitudes {growth:.2f}; construcción completa {growth_build:.2f}",
                    "cumple": growth <= TARGETS["crecimiento"]})
    return out


def table_markdown(results: list[dict], info: dict) -> str:
    heads = [f"{r['escala']['requests'] / 1e6:g} M solicitudes" for r in results]
    rows: list[tuple[str, list[str]]] = []

    def add(label, fn, digits=1):
        vals = []
        for r in results:
            try:
                vals.append(_fmt(fn(r), digits))
            except (KeyError, TypeError, ZeroDivisionError):
                vals.append("—")
        rows.append((label, vals))

    add("Entes / asistencias / resultados de verificación (miles)",
        lambda r: None, 0)
    rows[-1] = (rows[-1][0], [f"{r['escala']['entes']:,} / {r['escala']['attendance'] / 1e3:,.0f} / "
                              f"{r['escala']['entes'] * 48 * r['escala']['months'] / 1e3:,.0f}" for r in results])
    add("Archivo de solicitudes (MB)", lambda r: r["archivo_solicitudes_mb"], 0)
    add("Línea base: read_csv a tabla (s)", lambda r: r["base"]["segundos"])
    add("Carga de solicitudes: lectura + normalización + validación + días hábiles (s)",
        lambda r: r["carga_solicitudes_s"])
    add("  razón contra la línea base (meta ≤ 1.5)", lambda r: r["carga_solicitudes_s"] / r["base"]["segundos"], 2)
    rows.append(("  razón en cada ronda (línea base y carga alternadas)",
                 [" / ".join(f"{x['carga'] / x['base']:.2f}" for x in r["rondas"]) for r in results]))
    add("  s por millón de solicitudes", lambda r: r["carga_solicitudes_s"] / (r["escala"]["requests"] / 1e6), 2)
    add("  línea base, s por millón", lambda r: r["base"]["segundos"] / (r["escala"]["requests"] / 1e6), 2)
    add("Construcción completa `python -m etl build` (s)", lambda r: r["build"]["segundos"])
    add("  memoria pico (MiB, meta < 2048)", lambda r: r["build"]["memoria_mib"], 0)
    phases = []
    for r in results:
        phases += [k for k in r["build"]["fases"] if k not in phases]
    for k in phases:
        add(f"  fase {k} (s)", lambda r, k=k: r["build"]["fases"].get(k))
    add("Exportación `python -m indicators export` (s)", lambda r: r["export"]["segundos"])
    pages = list(results[-1]["paginas"]["paginas"])
    for p in pages:
        add(f"Página {p}: primera / repetición (s)", lambda r: None)
        rows[-1] = (rows[-1][0], [f"{r['paginas']['paginas'][p]['primera']:.2f} / {r['paginas']['paginas'][p]['repeticion']:.2f}"
                                  if p in r["paginas"]["paginas"] else "—" for r in results])
    for c in results[-1]["paginas"]["cambios"]:
        add(f"{c} (s)", lambda r, c=c: r["paginas"]["cambios"].get(c), 2)
    lines = ["| medición | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    lines += [f"| {label} | " + " | ".join(vals) + " |" for label, vals in rows]
    lines += ["", "| meta | valor | cumple |", "|---|---|---|"]
    lines += [f"| {c['meta']} | {c['valor']} | {'sí' if c['cumple'] else '**no**'} |" for c in checks(results)]
    machine_line = (f"Máquina: {info['cpu']}, {info['nucleos']} núcleos, {info['memoria_gib']} GiB; {info['sistema']}; "
                    f"Python {info['python']}, DuckDB {info['duckdb']}; medido el {info['fecha']}.")
    base_note = ("Línea base: `read_csv` de DuckDB del mismo archivo a una tabla de un archivo nuevo, con esquema "
                 "explícito (las 26 columnas de la PNT como VARCHAR, como las declara el cargador), sin detección "
                 "automática, seguido de CHECKPOINT.")
    return "\n".join(["# Resultados del banco de rendimiento", "", machine_line, "", base_note, "", *lines, ""])


def run_benchmark(args, scale: Scale) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    data_dir = Path(args.data)
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    scales = [scale]
    if not args.quick and not args.sin_escala_1m and scale.requests > 1_000_000:
        scales = [replace(scale, requests=1_000_000), scale]
    results = []
    for sc in scales:
        say(f"== Escala: {sc.requests:,} solicitudes ==")
        results.append(measure_scale(sc, data_dir, out_dir, regenerate=args.regenerar, say=say, rounds=args.rondas))
    info = machine()
    md = table_markdown(results, info)
    (out_dir / "resultados.md").write_text(md, encoding="utf-8")
    (out_dir / "resultados.json").write_text(json.dumps({"maquina": info, "resultados": results,
                                                          "metas": checks(results)}, indent=2, ensure_ascii=False),
                                             encoding="utf-8")
    print(md)
    print(f"Resultados escritos en {out_dir / 'resultados.md'} y {out_dir / 'resultados.json'}")
    return 0
