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
import time
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import requests

DEFAULT_MAX_MB = 200
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 60.0
RETRIES = 3            # attempts after the first one
BACKOFF_S = 1.0        # waits 1, 2, 4 … seconds between attempts
CHUNK_BYTES = 1 << 16
SIDECAR_SUFFIX = ".fetch.json"
USER_AGENT = "tablero-transparencia-qroo/1 (python -m etl fetch)"
_UNSAFE = re.compile(r"[^A-Za-z0-9._\- ]+")


class FetchError(Exception):
    """The download failed; nothing was written to the inputs folder. The message is Spanish and says what to do."""


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


def fetch(url: str, inputs_dir: Path, fuente: str = "solicitudes", *, max_bytes: int = DEFAULT_MAX_MB << 20,
          timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S), retries: int = RETRIES,
          backoff_s: float = BACKOFF_S, session: requests.Session | None = None,
          sleep: Callable[[float], None] = time.sleep) -> FetchResult:
    """Downloads `url` into inputs_dir/<folder of fuente>/ and returns what was written. Raises FetchError."""
    _check_url(url)
    folder = Path(inputs_dir) / source_folder(fuente)
    folder.mkdir(parents=True, exist_ok=True)
    http = session or requests.Session()
    http.headers.setdefault("User-Agent", USER_AGENT)
    last: _Retryable | None = None
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff_s * 2 ** (attempt - 1))
        try:
            return _attempt(http, url, folder, max_bytes, timeout)
        except _Retryable as exc:
            last = exc
    raise FetchError(f"No se pudo descargar {url} después de {retries + 1} intentos: {last}. "
                     "Verifique la dirección y la conexión, y vuelva a intentarlo más tarde.")


def source_folder(fuente: str) -> str:
    """The inputs folder of a fuente ('solicitudes', 'asistencias' → 'capacitacion'…) or of a folder name."""
    from etl.sources import SOURCES

    for source in SOURCES:
        if fuente in (source.fuente, source.folder):
            return source.folder
    known = sorted({s.folder for s in SOURCES})
    raise FetchError(f"Fuente desconocida «{fuente}». Use una de: {', '.join(known)}.")


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"La dirección «{url}» no es una URL http(s) válida. Ejemplo: "
                         "https://servidor.gob.mx/datos/solicitudes2024.JSON")


def _attempt(http: requests.Session, url: str, folder: Path, max_bytes: int, timeout) -> FetchResult:
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
        name = file_name(response, url)
        return _save(response, url, folder, name, max_bytes)


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


def _save(response: requests.Response, url: str, folder: Path, name: str, max_bytes: int) -> FetchResult:
    """Streams the body into a hidden temp file in `folder`, then renames it into place."""
    tmp = folder / f".{name}.{uuid.uuid4().hex[:8]}.part"
    try:
        digest, size = _stream_to(response, tmp, url, max_bytes)
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


def _stream_to(response: requests.Response, tmp: Path, url: str, max_bytes: int) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    try:
        with tmp.open("xb") as out:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:  # a lying or absent Content-Length does not get past the cap
                    raise FetchError(_too_big(url, size, max_bytes))
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError,
            requests.exceptions.Timeout) as exc:
        # requests reports a read timeout inside the body as a ConnectionError wrapping urllib3's ReadTimeoutError.
        if isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc).lower():
            raise _Retryable("el servidor dejó de enviar datos (tiempo de espera agotado)") from exc
        raise _Retryable(f"la conexión se cortó a mitad de la descarga ({size:,} bytes recibidos)") from exc
    except OSError as exc:
        raise FetchError(f"No se pudo escribir en {tmp.parent}: {exc.strerror or exc}. "
                         "Revise el espacio en disco y los permisos de la carpeta.") from exc
    return digest.hexdigest(), size


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
