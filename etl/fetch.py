"""`python -m etl fetch URL`: download a source file into data/inputs/<folder>/, safely.

A download may be slow, cut short, huge or hostile. So: connect and read timeouts; retries with exponential
backoff on connection errors, timeouts, cut-short bodies and 5xx (a 4xx will not change by asking again); a size
cap checked against Content-Length and again while streaming; the file name taken from Content-Disposition or
the URL and reduced to a plain name (no folders, no '..'); the body written to a hidden temporary file in the
target folder (the build skips hidden files), fsynced and renamed into place, so a build never sees half a
download. Provenance (url, fecha, content_type, sha256, bytes) goes to a NAME.fetch.json sidecar, which the
build ignores.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import socket
import time
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import requests
import urllib3

from common.errors import FetchError
from etl.sources import SOURCES, is_input_name

DEFAULT_MAX_MB = 200
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 60.0
RETRIES = 3            # attempts after the first one
BACKOFF_S = 1.0        # waits 1, 2, 4 … seconds between attempts
CHUNK_BYTES = 1 << 16
# A server that dribbles (a byte every few seconds) never trips the read timeout, which is per read: the whole
# download has a deadline, and a rate below MIN_RATE_BPS averaged over RATE_WINDOW_S abandons it.
DEADLINE_S = 30 * 60.0
MIN_RATE_BPS = 1024
RATE_WINDOW_S = 30.0
SIDECAR_SUFFIX = ".fetch.json"
USER_AGENT = "tablero-transparencia-qroo/1 (python -m etl fetch)"
_UNSAFE = re.compile(r"[^A-Za-z0-9._\- ]+")


class _Retryable(Exception):
    """A failure that another attempt may fix (connection, timeout, cut-short body, 5xx)."""


@dataclass
class FetchResult:
    path: str
    url: str
    url_final: str
    fecha: str
    content_type: str | None
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Pace:
    """The limits of one download as a whole (besides the per-read timeout)."""
    deadline_s: float = DEADLINE_S
    min_rate_bps: float = MIN_RATE_BPS
    window_s: float = RATE_WINDOW_S


def fetch(url: str, inputs_dir: Path, fuente: str = "solicitudes", *, max_bytes: int = DEFAULT_MAX_MB << 20,
          timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S), retries: int = RETRIES,
          backoff_s: float = BACKOFF_S, session: requests.Session | None = None,
          sleep: Callable[[float], None] = time.sleep, pace: Pace = Pace(), name: str | None = None,
          replace: bool = False) -> FetchResult:
    """Downloads `url` into inputs_dir/<folder of fuente>/ and returns what was written. Raises FetchError.
    `name` chooses the file's name; an existing input is never overwritten unless `replace`."""
    _check_url(url)
    folder = Path(inputs_dir) / source_folder(fuente)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise FetchError(f"{folder} no es una carpeta (hay un archivo con ese nombre). Revise --inputs.") from None
    if name is not None:
        _check_target(folder, safe_name(name), replace)
    http = session or requests.Session()
    http.headers.setdefault("User-Agent", USER_AGENT)
    last: _Retryable | None = None
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff_s * 2 ** (attempt - 1))
        try:
            return _attempt(http, url, folder, max_bytes, timeout, pace, name, replace)
        except _Retryable as exc:
            last = exc
    raise FetchError(f"No se pudo descargar {url} después de {retries + 1} intentos: {last}. "
                     "Verifique la dirección y la conexión, y vuelva a intentarlo más tarde.")


def source_folder(fuente: str) -> str:
    """The inputs folder of a fuente ('solicitudes', 'asistencias' → 'capacitacion'…) or of a folder name."""
    folders = [s for s in SOURCES if not s.store]  # a store's snapshot is no folder of files
    for source in folders:
        if fuente in (source.fuente, source.folder):
            return source.folder
    known = sorted({s.folder for s in folders})
    raise FetchError(f"Fuente desconocida «{fuente}». Use una de: {', '.join(known)}.")


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"La dirección «{url}» no es una URL http(s) válida. Ejemplo: "
                         "https://servidor.gob.mx/datos/solicitudes2024.JSON")


def _check_target(folder: Path, name: str, replace: bool) -> None:
    """A name the build would skip, a folder, or an input that exists already (unless replace) are refused before
    anything is downloaded."""
    if not is_input_name(name):
        raise FetchError(f"El nombre «{name}» es de los que la construcción ignora (ocultos, descargas a medias como "
                         ".part o .crdownload, temporales .tmp, notas .md…): el archivo nunca se cargaría. "
                         "Elija otro nombre con --nombre.")
    target = folder / name
    if target.is_dir():
        raise FetchError(f"«{name}» es una carpeta dentro de {folder}: no se puede guardar un archivo con ese nombre. "
                         "Elija otro nombre con --nombre.")
    if target.exists() and not replace:
        raise FetchError(f"Ya existe «{name}» en {folder}: no se reemplaza sin pedirlo. Use --reemplazar para "
                         "sustituirlo o --nombre para guardar la descarga con otro nombre.")


def _attempt(http: requests.Session, url: str, folder: Path, max_bytes: int, timeout, pace: Pace,
             name: str | None, replace: bool) -> FetchResult:
    try:
        response = http.get(url, stream=True, timeout=timeout)
    except requests.exceptions.ConnectionError as exc:  # includes ConnectTimeout
        raise _Retryable(f"no se pudo conectar ({type(exc).__name__})") from exc
    except requests.exceptions.Timeout as exc:
        raise _Retryable("el servidor no respondió a tiempo") from exc
    except requests.exceptions.RequestException as exc:
        raise FetchError(f"No se pudo descargar {url}: {exc}. Revise la dirección.") from exc
    with response:
        _check_status(response, url)
        _check_declared_size(response, url, max_bytes)
        name = safe_name(name) if name is not None else file_name(response, url)
        _check_target(folder, name, replace)
        return _save(response, url, folder, name, max_bytes, pace)


def _check_status(response: requests.Response, url: str) -> None:
    if response.status_code >= 500:
        raise _Retryable(f"el servidor respondió {response.status_code} {response.reason}")
    if response.status_code >= 400:
        raise FetchError(f"El servidor respondió {response.status_code} {response.reason} para {url}. "
                         "Revise que la dirección sea correcta y que el archivo siga publicado.")


def _check_declared_size(response: requests.Response, url: str, max_bytes: int) -> None:
    declared = _content_length(response)
    if declared is not None and declared > max_bytes:
        raise FetchError(_too_big(url, declared, max_bytes))


def _content_length(response: requests.Response) -> int | None:
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def _too_big(url: str, size: int, max_bytes: int) -> str:
    return (f"El archivo de {url} mide {size / (1 << 20):,.1f} MB, más que el límite de "
            f"{max_bytes / (1 << 20):,.0f} MB. Si es correcto, vuelva a intentarlo con --max-mb mayor.")


def _save(response: requests.Response, url: str, folder: Path, name: str, max_bytes: int, pace: Pace) -> FetchResult:
    """Streams the body into a hidden temp file in `folder`, then renames it into place."""
    tmp = folder / f".{name}.{uuid.uuid4().hex[:8]}.part"
    try:
        digest, size = _stream_to(response, tmp, url, max_bytes, pace)
        declared = _content_length(response)
        if declared is not None and size != declared and not response.headers.get("Content-Encoding"):
            raise _Retryable(f"la descarga quedó incompleta ({size:,} de {declared:,} bytes)")
        target = folder / name
        os.replace(tmp, target)
        _fsync_dir(folder)
    finally:
        tmp.unlink(missing_ok=True)
    result = FetchResult(str(target), url, response.url, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                         response.headers.get("Content-Type"), digest, size)
    _write_sidecar(target, result)
    return result


def _stream_to(response: requests.Response, tmp: Path, url: str, max_bytes: int, pace: Pace) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    clock = _Pace(pace, url)
    try:
        with tmp.open("xb") as out:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > max_bytes:  # a lying or absent Content-Length does not get past the cap
                    raise FetchError(_too_big(url, size, max_bytes))
                clock.check(size)
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError,
            requests.exceptions.Timeout, urllib3.exceptions.HTTPError, socket.timeout) as exc:
        # A read timeout inside the body arrives as urllib3's ReadTimeoutError (or wrapped by requests).
        if isinstance(exc, (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, socket.timeout)) \
                or "timed out" in str(exc).lower():
            raise _Retryable("el servidor dejó de enviar datos (tiempo de espera agotado)") from exc
        raise _Retryable(f"la conexión se cortó a mitad de la descarga ({size:,} bytes recibidos)") from exc
    except OSError as exc:
        raise FetchError(f"No se pudo escribir en {tmp.parent}: {exc.strerror or exc}. "
                         "Revise el espacio en disco y los permisos de la carpeta.") from exc
    return digest.hexdigest(), size


def _chunks(response: requests.Response):
    """The body as it arrives: read1 returns what the socket has, so a dribbling server is noticed between bytes
    instead of inside a read that waits for a whole chunk."""
    raw = response.raw
    read = getattr(raw, "read1", None) or raw.read
    while chunk := read(CHUNK_BYTES, decode_content=True):
        yield chunk


class _Pace:
    """The deadline of the whole download and its minimum rate over a sliding window."""

    def __init__(self, pace: Pace, url: str):
        self.pace, self.url = pace, url
        self.start = self.window_start = time.monotonic()
        self.window_bytes = 0

    def check(self, size: int) -> None:
        now = time.monotonic()
        if now - self.start > self.pace.deadline_s:
            raise FetchError(f"La descarga de {self.url} no terminó en {self.pace.deadline_s:,.0f} s ({size:,} bytes "
                             "recibidos): se abandonó. Intente más tarde o descargue el archivo por otro medio.")
        if now - self.window_start >= self.pace.window_s:
            rate = (size - self.window_bytes) / (now - self.window_start)
            if rate < self.pace.min_rate_bps:
                raise FetchError(f"La descarga de {self.url} avanzaba a {rate:,.0f} bytes/s, menos de "
                                 f"{self.pace.min_rate_bps:,.0f} bytes/s durante {self.pace.window_s:,.0f} s: se "
                                 "abandonó. Intente más tarde o descargue el archivo por otro medio.")
            self.window_start, self.window_bytes = now, size


def _fsync_dir(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder's entry is on disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_sidecar(target: Path, result: FetchResult) -> None:
    sidecar = target.with_name(target.name + SIDECAR_SUFFIX)
    tmp = sidecar.with_name(f".{sidecar.name}.{uuid.uuid4().hex[:8]}.part")
    data = {k: v for k, v in asdict(result).items() if k != "path"} | {"archivo": target.name}
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, sidecar)
    finally:
        tmp.unlink(missing_ok=True)


# ------------------------------------------------------------------------------------------------ names


def file_name(response: requests.Response, url: str) -> str:
    """The name from Content-Disposition, else from the URL path; always a plain, safe file name."""
    header = response.headers.get("Content-Disposition", "")
    return safe_name(_disposition_name(header) or unquote(urlsplit(url).path.rsplit("/", 1)[-1]))


def _disposition_name(header: str) -> str | None:
    # RFC 6266: filename*=UTF-8''name%20x.csv wins over filename="name.csv".
    extended = re.search(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", header, re.I)
    if extended:
        return unquote(extended.group(2).strip().strip('"'), encoding=extended.group(1) or "utf-8", errors="replace")
    plain = re.search(r'filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)', header, re.I)
    if plain:
        return (plain.group(1) or plain.group(2) or "").strip()
    return None


def safe_name(raw: str) -> str:
    """Last path component only, accents folded, no control or shell characters, no leading dot or '~$'
    (the build would skip it), never a sidecar name. '../../etc/passwd' → 'passwd'."""
    base = re.split(r"[\\/]", raw or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE.sub("_", base).strip(" .")  # '~' and '$' are unsafe characters, so no '~$' prefix survives
    if base.lower().endswith(SIDECAR_SUFFIX):
        base = base[: -len(SIDECAR_SUFFIX)] + ".json"
    return base[:120] or "descarga"
