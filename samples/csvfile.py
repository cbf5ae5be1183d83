"""Every CSV of the sample is written here, in the encoding and line ending of the source it imitates."""
from __future__ import annotations

import csv
import io
from pathlib import Path


def write_csv(path: Path, header: list[str], rows: list[list], *, encoding: str = "utf-8",
              lineterminator: str = "\n") -> int:
    """Writes header and rows (utf-8-sig adds Excel's BOM, latin-1 imitates Infomex); returns the rows written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(rows)
    Path(path).write_bytes(buffer.getvalue().encode(encoding))
    return len(rows)
