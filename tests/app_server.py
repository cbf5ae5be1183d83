"""The real dashboard server for browser tests: `streamlit run app.py` on 127.0.0.1, started and stopped; a real
OpenID Connect provider (oidc-provider-mock) to log in with; and a TCP proxy that plays the load balancer in front
of several app servers."""
from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


SECRET = "clave-de-cookies-de-prueba-" + "0123456789abcdef" * 2


def auth_secrets(path: Path, issuer: str, store_url: str, *, redirect: str = "http://127.0.0.1:{port}/oauth2callback",
                 cookie_secret: str = SECRET) -> Path:
    """A secrets.toml with login through the OIDC provider at `issuer` and the participación store at `store_url`."""
    path.write_text(f'''[auth]
redirect_uri = "{redirect}"
cookie_secret = "{cookie_secret}"
client_id = "tablero"
client_secret = "secreto-del-cliente"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[connections.participacion]
url = "{store_url}"
''', encoding="utf-8")
    return path


def login(page, base: str, email: str) -> None:
    """Logs the browser page in at the app `base` through the provider's form, as `email`."""
    from playwright.sync_api import expect
    page.goto(base + "/")
    page.get_by_role("button", name="Iniciar sesión").first.click()
    page.wait_for_url("**/oauth2/authorize**")
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(base + "/**")
    expect(page.get_by_text(f"Sesión: {email}", exact=False)).to_be_visible()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90, path: str = "/_stcore/health") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[2]} terminó antes de arrancar (código {proc.returncode})")
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit no respondió en {timeout} s")


@contextlib.contextmanager
def running_app(db: Path, log_path: Path, *, secrets: Path | None = None, env: dict[str, str] | None = None,
                script: str = "app.py"):
    """Yields the base URL of a real server reading the warehouse `db`; stops it (and its children) afterwards.
    secrets: the server's only secrets.toml (else Streamlit's usual places); env: variables to set, where a value
    of None removes the variable; script: what the server runs (bench/piso.py: a bare Streamlit page)."""
    port = free_port()
    environment = {**os.environ, "TABLERO_DB": str(db)}
    for name, value in (env or {}).items():
        environment.pop(name, None) if value is None else environment.__setitem__(name, value)
    args = ["--secrets.files", str(secrets)] if secrets else []
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1", *args],
            cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc)
            yield url
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@contextlib.contextmanager
def running_oidc_provider(log_path: Path):
    """Yields the issuer URL of a real OpenID Connect provider (oidc-provider-mock) on 127.0.0.1. Its login form
    asks for a subject; the identity token then carries that subject as `email`."""
    port = free_port()
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
                                env={**os.environ, "NO_COLOR": "1"}, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, path="/.well-known/openid-configuration")
            yield url
        finally:
            _stop(proc)


class SwitchingProxy:
    """One address in front of several app servers, as a load balancer in front of replicas: every TCP
    connection goes to the current backend; `switch` sends new ones to another and closes the open ones (the
    browser reconnects, now to the other server, with the same cookies and the same origin)."""

    def __init__(self):
        self.port = free_port()
        self.backend: int | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "SwitchingProxy":
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _shutdown(self) -> None:
        """Closes the open connections and ends their pipes before the loop stops (no task left to a closed loop)."""
        await self._close_open()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def switch(self, backend_url: str) -> None:
        self.backend = int(backend_url.rsplit(":", 1)[1])
        asyncio.run_coroutine_threadsafe(self._close_open(), self._loop).result(10)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", self.port))
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            server.close()
            self._loop.close()

    async def _close_open(self) -> None:
        for writer in list(self._open):
            writer.close()
        self._open.clear()

    async def _handle(self, client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.backend)
        except OSError:
            client_writer.close()
            return
        self._open |= {client_writer, server_writer}

        async def pipe(reader, writer):
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                writer.close()

        await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))
        self._open -= {client_writer, server_writer}


class ForwardingProxy(SwitchingProxy):
    """A reverse proxy on this machine that says who the client is, as nginx does: it adds `X-Forwarded-For:
    <address>` to the first request of every connection (a WebSocket is one request per connection). uvicorn trusts
    it because it connects from 127.0.0.1 (FORWARDED_ALLOW_IPS)."""

    def __init__(self, backend_url: str, address: str):
        super().__init__()
        self.backend = int(backend_url.rsplit(":", 1)[1])
        self.address = address

    async def _handle(self, client_reader, client_writer) -> None:
        head = b""
        try:
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = await client_reader.read(4096)
                if not chunk:
                    break
                head += chunk
        except ConnectionError:
            client_writer.close()
            return
        line_end = head.find(b"\r\n")
        if line_end > 0:
            head = head[:line_end + 2] + f"X-Forwarded-For: {self.address}\r\n".encode() + head[line_end + 2:]
        await super()._handle(_Prefixed(head, client_reader), client_writer)


class _Prefixed:
    """A stream reader that first returns bytes already read, then the rest of the connection."""

    def __init__(self, first: bytes, rest: asyncio.StreamReader):
        self._first, self._rest = first, rest

    async def read(self, n: int) -> bytes:
        if self._first:
            data, self._first = self._first, b""
            return data
        return await self._rest.read(n)
