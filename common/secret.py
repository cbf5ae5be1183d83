"""The key of every pseudonym (HMAC-SHA256): of the persons in training lists (etl/read/pseudonym.py) and of the
people in the access log (pages/ui/gate.py).

The key is a secret kept outside the warehouse: the environment variable TABLERO_SECRETO, or the file
data/secreto.key (created with os.urandom on first use, gitignored). Without the key a hash cannot be turned
back into an e-mail by trying likely addresses; with the same key the same person gets the same hash in every
build, so counts are stable. Losing or changing the key only changes the pseudonyms, not any indicator.
"""
from __future__ import annotations

import os
from pathlib import Path

from common.paths import ROOT

SECRET_ENV = "TABLERO_SECRETO"
SECRET_FILE = ROOT / "data" / "secreto.key"
SECRET_BYTES = 32


def secret(path: Path = SECRET_FILE) -> bytes:
    """The HMAC key: TABLERO_SECRETO if set, else data/secreto.key, created once (atomically) when missing."""
    from_env = os.environ.get(SECRET_ENV, "").strip()
    if from_env:
        return from_env.encode("utf-8")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 'x' mode: if two builds start at once, exactly one creates the key and the other reads it.
        with open(path, "xb") as fh:
            fh.write(os.urandom(SECRET_BYTES))
        os.chmod(path, 0o600)
    except FileExistsError:
        pass
    return path.read_bytes()
