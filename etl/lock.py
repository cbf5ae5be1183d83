"""One build at a time per warehouse, and what crashed builds left behind."""
from __future__ import annotations

import fcntl
import shutil
from contextlib import contextmanager
from pathlib import Path

from common.errors import BuildError


@contextmanager
def build_lock(db_path: Path):
    """Only one build at a time per warehouse: a second one is refused with a clear message."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"Ya hay otra construcción en curso para {db_path}. Espere a que termine "
                             "y vuelva a intentarlo.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(db_path: Path) -> None:
    """Build folders of builds that crashed (kill -9, power loss) are removed, with the temporary files of older
    versions; we hold the lock, so none is live."""
    for leftover in [*db_path.parent.glob(f".{db_path.name}.build-*"), *db_path.parent.glob(f".{db_path.name}.spill-*")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
