"""`python -m etl fetch`: timeouts, retries, size caps, truncated bodies, safe names, atomic writes, sidecars.

Every request goes to a local http.server on 127.0.0.1 started by the test; nothing leaves the machine."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from etl.fetch import FetchError, fetch, safe_name
from helpers import PLANTILLA_HEADER, build, query

ROOT = Path(__file__).resolve().parent.parent
ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
GOOD_CSV = (PLANTILLA_HEADER + "\n" +
            f"240000000000001,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No\n"
            ).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()

    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, headers: dict | None = None, length: int | None = None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length is not False:
            self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        Handler.hits[path] += 1
        csv_type = {"Content-Type": "text/csv; charset=utf-8"}
        if path == "/datos/solicitudes%202024.csv":
            self._send(200, GOOD_CSV, csv_type)
        elif path == "/lento.csv":
            self.send_response(200)
            self.send_header("Content-Length", str(len(GOOD_CSV)))
            self.end_headers()
            self.wfile.write(GOOD_CSV[:10])
            self.wfile.flush()
            time.sleep(2.0)  # longer than the test's read timeout
            self.wfile.write(GOOD_CSV[10:])
        elif path == "/cortado.csv":
            self._send(200, GOOD_CSV[:40], csv_type, length=len(GOOD_CSV))  # promises more than it sends
        elif path == "/enorme_declarado.csv":
            self._send(200, b"", csv_type, length=50 << 20)
        elif path == "/enorme_sin_longitud.csv":
            self._send(200, b"x" * (3 << 20), csv_type, length=False)  # HTTP/1.0: the body ends at close
        elif path == "/no_existe.csv":
            self._send(404, b"no encontrado")
        elif path == "/siempre_falla.csv":
            self._send(503, b"mantenimiento")
        elif path == "/falla_una_vez.csv":
            if Handler.hits[path] == 1:
                self._send(500, b"error interno")
            else:
                self._send(200, GOOD_CSV, csv_type)
        elif path == "/parcial":
            self._send(200, GOOD_CSV, {**csv_type, "Content-Disposition": 'attachment; filename="datos.csv.part"'})
        elif path == "/descarga":
            self._send(200, GOOD_CSV, {**csv_type,
                                       "Content-Disposition": 'attachment; filename="../../../fuera.csv"'})
        else:
            self._send(404, b"?")


def _serve(handler):
    """A real HTTP server on 127.0.0.1, one thread per request, for the module's tests."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server():
    yield from _serve(Handler)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """A proxy variable in the environment must not send the test's requests anywhere but 127.0.0.1."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    Handler.hits.clear()


def _fast(**kwargs):
    """Short timeouts and no real sleeping: the tests prove behaviour, not durations."""
    return {"timeout": (2.0, 0.5), "retries": 2, "backoff_s": 0.01, "sleep": lambda _s: None, **kwargs}


def _all_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_good_file_is_saved_with_a_provenance_sidecar(server, tmp_path):
    result = fetch(f"{server}/datos/solicitudes%202024.csv", tmp_path / "in", "solicitudes", **_fast())
    target = tmp_path / "in" / "solicitudes" / "solicitudes 2024.csv"
    assert Path(result.path) == target and target.read_bytes() == GOOD_CSV
    assert _all_files(tmp_path) == ["in/solicitudes/solicitudes 2024.csv", "in/solicitudes/solicitudes 2024.csv.fetch.json"]
    sidecar = json.loads((target.parent / "solicitudes 2024.csv.fetch.json").read_text(encoding="utf-8"))
    assert sidecar["url"] == f"{server}/datos/solicitudes%202024.csv"
    assert sidecar["sha256"] == hashlib.sha256(GOOD_CSV).hexdigest()
    assert sidecar["bytes"] == len(GOOD_CSV)
    assert sidecar["content_type"] == "text/csv; charset=utf-8"
    assert sidecar["fecha"][:4].isdigit() and sidecar["archivo"] == "solicitudes 2024.csv"


def test_the_build_ignores_sidecars_and_partial_downloads(server, tmp_path):
    fetch(f"{server}/datos/solicitudes%202024.csv", tmp_path / "in", "solicitudes", **_fast())
    (tmp_path / "in" / "solicitudes" / "otra.csv.part").write_bytes(GOOD_CSV[:50])  # a browser's partial download
    db = build(tmp_path / "in", tmp_path)
    assert query(db, "SELECT archivo, filas_leidas, filas_cargadas FROM carga") == [("solicitudes 2024.csv", 1, 1)]


def test_slow_server_hits_the_read_timeout_and_leaves_nothing(server, tmp_path):
    with pytest.raises(FetchError, match="intentos") as err:
        fetch(f"{server}/lento.csv", tmp_path / "in", **_fast(retries=1))
    assert "tiempo" in str(err.value)
    assert Handler.hits["/lento.csv"] == 2  # a timeout is worth one more try
    assert _all_files(tmp_path) == []


def test_truncated_body_is_retried_then_refused(server, tmp_path):
    with pytest.raises(FetchError, match="incompleta|cortó"):
        fetch(f"{server}/cortado.csv", tmp_path / "in", **_fast())
    assert Handler.hits["/cortado.csv"] == 3
    assert _all_files(tmp_path) == []


def test_declared_oversize_is_refused_before_downloading(server, tmp_path):
    with pytest.raises(FetchError, match="límite de 1 MB") as err:
        fetch(f"{server}/enorme_declarado.csv", tmp_path / "in", max_bytes=1 << 20, **_fast())
    assert "--max-mb" in str(err.value)
    assert Handler.hits["/enorme_declarado.csv"] == 1  # not retried: it will not shrink
    assert _all_files(tmp_path) == []


def test_undeclared_oversize_is_cut_while_streaming(server, tmp_path):
    with pytest.raises(FetchError, match="límite de 1 MB"):
        fetch(f"{server}/enorme_sin_longitud.csv", tmp_path / "in", max_bytes=1 << 20, **_fast())
    assert _all_files(tmp_path) == []


def test_404_is_not_retried(server, tmp_path):
    with pytest.raises(FetchError, match="404"):
        fetch(f"{server}/no_existe.csv", tmp_path / "in", **_fast())
    assert Handler.hits["/no_existe.csv"] == 1


def test_500_then_200_succeeds_after_a_backoff(server, tmp_path):
    waits = []
    result = fetch(f"{server}/falla_una_vez.csv", tmp_path / "in", **_fast(sleep=waits.append, backoff_s=0.5))
    assert Path(result.path).read_bytes() == GOOD_CSV
    assert Handler.hits["/falla_una_vez.csv"] == 2 and waits == [0.5]


def test_5xx_retries_back_off_exponentially_then_give_up(server, tmp_path):
    waits = []
    with pytest.raises(FetchError, match="503") as err:
        fetch(f"{server}/siempre_falla.csv", tmp_path / "in", **_fast(sleep=waits.append, backoff_s=1.0, retries=3))
    assert "4 intentos" in str(err.value)
    assert waits == [1.0, 2.0, 4.0] and Handler.hits["/siempre_falla.csv"] == 4
    assert _all_files(tmp_path) == []


def test_content_disposition_cannot_escape_the_folder(server, tmp_path):
    result = fetch(f"{server}/descarga", tmp_path / "in", "solicitudes", **_fast())
    assert Path(result.path) == tmp_path / "in" / "solicitudes" / "fuera.csv"
    assert _all_files(tmp_path) == ["in/solicitudes/fuera.csv", "in/solicitudes/fuera.csv.fetch.json"]


@pytest.mark.parametrize("raw, expected", [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    ("/abs/ruta/sol.csv", "sol.csv"),
    ("..", "descarga"),
    (".oculto.csv", "oculto.csv"),
    ("~$bloqueo.xlsx", "_bloqueo.xlsx"),
    ("solicitudes;rm -rf $HOME.csv", "solicitudes_rm -rf _HOME.csv"),
    ("año\x00\n.csv", "ano_.csv"),
    ("x.fetch.json", "x.json"),
])
def test_safe_names(raw, expected):
    assert safe_name(raw) == expected


def test_unknown_fuente_and_bad_scheme_are_spanish_errors(tmp_path):
    with pytest.raises(FetchError, match="Fuente desconocida"):
        fetch("http://127.0.0.1:9/x.csv", tmp_path, "nada")
    with pytest.raises(FetchError, match="URL http"):
        fetch("file:///etc/passwd", tmp_path)


def test_cli_fetch_ok_and_error(server, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"}
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(var, None)
    run = lambda url, *a: subprocess.run([sys.executable, "-m", "etl", "fetch", url, "--inputs",  # noqa: E731
                                          str(tmp_path / "in"), *a], cwd=ROOT, env=env, capture_output=True, text=True)
    ok = run(f"{server}/datos/solicitudes%202024.csv", "--fuente", "recursos")
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "in" / "recursos" / "solicitudes 2024.csv").read_bytes() == GOOD_CSV
    assert "sha256" in ok.stdout
    bad = run(f"{server}/no_existe.csv")
    assert bad.returncode == 1 and "404" in bad.stderr and "No se escribió nada" in bad.stderr


# ------------------------------------------------------------------------------- hostile servers, names

class Dribble(BaseHTTPRequestHandler):
    """A real server that sends its body a few bytes at a time: per-read timeouts never fire."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        body = GOOD_CSV * 40
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step, pause = (1, 0.02) if self.path.startswith("/goteo") else (200, 0.02)  # 50 B/s, or 10 KB/s
        try:
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


@pytest.fixture(scope="module")
def dribbler():
    yield from _serve(Dribble)


def test_a_dribbling_download_is_abandoned_by_the_minimum_rate(dribbler, tmp_path):
    from etl.fetch import Pace
    started = time.monotonic()
    with pytest.raises(FetchError, match="bytes/s") as err:
        fetch(f"{dribbler}/goteo.csv", tmp_path / "in", **_fast(pace=Pace(deadline_s=60, min_rate_bps=1024,
                                                                           window_s=0.3)))
    assert "se abandonó" in str(err.value) and "intentos" not in str(err.value)  # final, not retried
    assert time.monotonic() - started < 5  # the rule, not the 60 s deadline nor the server, ended it
    assert _all_files(tmp_path) == []


def test_a_download_past_its_deadline_is_abandoned(dribbler, tmp_path):
    from etl.fetch import Pace
    with pytest.raises(FetchError, match="no terminó en 0 s"):
        fetch(f"{dribbler}/lenta_pero_constante.csv", tmp_path / "in",
              **_fast(pace=Pace(deadline_s=0.3, min_rate_bps=1024, window_s=0.2)))
    assert _all_files(tmp_path) == []


def test_a_steady_download_within_the_limits_is_saved(dribbler, tmp_path):
    from etl.fetch import Pace
    result = fetch(f"{dribbler}/constante.csv", tmp_path / "in", **_fast(pace=Pace(deadline_s=30, min_rate_bps=1024,
                                                                                      window_s=0.2)))
    assert Path(result.path).read_bytes() == GOOD_CSV * 40


@pytest.mark.parametrize("name", ["datos.csv.part", "datos.tmp", "LEEME.md", "x.crdownload", "notas.MD"])
def test_a_name_the_build_would_skip_is_refused(server, tmp_path, name):
    with pytest.raises(FetchError, match="la construcción ignora"):
        fetch(f"{server}/datos/solicitudes%202024.csv", tmp_path / "in", name=name, **_fast())
    assert Handler.hits["/datos/solicitudes%202024.csv"] == 0  # refused before downloading


def test_a_served_name_the_build_would_skip_is_refused(server, tmp_path):
    Handler.hits.clear()
    with pytest.raises(FetchError, match="la construcción ignora"):
        fetch(f"{server}/parcial", tmp_path / "in", **_fast())
    assert _all_files(tmp_path) == []


def test_an_existing_input_is_never_overwritten_silently(server, tmp_path):
    url = f"{server}/datos/solicitudes%202024.csv"
    target = tmp_path / "in" / "solicitudes" / "solicitudes 2024.csv"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"lo que el usuario ya tenia")
    with pytest.raises(FetchError, match="--reemplazar"):
        fetch(url, tmp_path / "in", **_fast())
    assert target.read_bytes() == b"lo que el usuario ya tenia"
    fetch(url, tmp_path / "in", name="solicitudes 2024 nueva.csv", **_fast())  # keep both
    assert (target.parent / "solicitudes 2024 nueva.csv").read_bytes() == GOOD_CSV
    fetch(url, tmp_path / "in", replace=True, **_fast())
    assert target.read_bytes() == GOOD_CSV


def test_a_name_that_is_a_folder_gets_a_message(server, tmp_path):
    (tmp_path / "in" / "solicitudes" / "solicitudes 2024.csv").mkdir(parents=True)
    with pytest.raises(FetchError, match="es una carpeta"):
        fetch(f"{server}/datos/solicitudes%202024.csv", tmp_path / "in", **_fast())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"}
    done = subprocess.run([sys.executable, "-m", "etl", "fetch", f"{server}/datos/solicitudes%202024.csv", "--inputs",
                           str(tmp_path / "in")], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "es una carpeta" in done.stderr and "Traceback" not in done.stderr
