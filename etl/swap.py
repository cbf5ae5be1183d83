"""The served warehouse is only ever replaced whole: the build writes a new file beside it (checked first: can it be
written there at all?) and, once checked, swaps it in with os.replace; a full disk on the way is named."""
from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path

from common.errors import BuildError


def writable_target(db_path: Path) -> Path:
    """The file a build will replace (db_path, or the file a symlinked db_path points to), checked before any work:
    a folder, a read-only file or a folder that cannot be written get a message, not a traceback at the end."""
    if db_path.is_dir():
        raise BuildError(f"--db «{db_path}» es una carpeta, no un archivo. Indique el archivo del almacén, por ejemplo "
                         f"{db_path / 'tablero.duckdb'}.")
    target = db_path.resolve() if db_path.is_symlink() else db_path.absolute()
    if target.is_dir():
        raise BuildError(f"--db «{db_path}» apunta a la carpeta {target}, no a un archivo. Indique el archivo del "
                         "almacén.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"No se puede crear la carpeta {target.parent} para el almacén ({exc.strerror or exc}). "
                         "Revise la ruta de --db y los permisos.") from None
    if target.exists() and (not target.stat().st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise BuildError(f"El almacén {db_path} es de solo lectura: la construcción no lo reemplazará. Quítele la "
                         "protección contra escritura (chmod u+w) o indique otro archivo con --db.")
    if not os.access(target.parent, os.W_OK | os.X_OK) or os.statvfs(target.parent).f_flag & os.ST_RDONLY:
        raise BuildError(f"No se puede escribir en la carpeta {target.parent} (solo lectura o sin permiso): la "
                         "construcción escribe el almacén nuevo junto al anterior. Indique con --db un archivo en una "
                         "carpeta con permiso de escritura.")
    return target


@contextmanager
def named_disk_full(target: Path, work: Path):
    """Turns a full disk anywhere in the block into a BuildError that names which disk filled."""
    try:
        yield
    except BaseException as exc:
        if _is_disk_full(exc):
            raise _disk_full(target, work, exc) from exc
        raise


def swap_in(new: Path, target: Path) -> None:
    """The new warehouse replaces the served one in one step: a reader sees the old file or the new, never half."""
    os.replace(new, target)


def _is_disk_full(exc: BaseException | None) -> bool:
    """True when the error, or any error it was raised from, says the disk is full (ENOSPC)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if "No space left on device" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _disk_full(target: Path, work: Path, exc: BaseException) -> BuildError:
    """Names the disk that filled: the build folder beside the warehouse, or wherever the failing write was."""
    where = _failed_path(exc)
    if where is not None and work not in where.parents and where != work and target.parent not in where.parents:
        return BuildError(f"No queda espacio en disco en {where.parent} (carpeta temporal, al escribir {where.name}). "
                          "Libere espacio en esa carpeta y vuelva a intentarlo.")
    return BuildError(f"No queda espacio en disco en {target.parent} para escribir el almacén nuevo. Libere espacio "
                      f"(la construcción escribe un almacén completo y sus temporales en {work.name}, junto a "
                      f"{target.name}, antes de reemplazarlo) y vuelva a intentarlo.")


def _failed_path(exc: BaseException | None) -> Path | None:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.filename:
            return Path(exc.filename)
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None
