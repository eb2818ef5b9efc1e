"""The one deterministic ZIP writer: the data and network downloads are archives whose bytes depend on
their content alone."""

from __future__ import annotations

import io
import zipfile

ZIP_DATE = (2001, 9, 11, 0, 0, 0)  # fixed, so the archive's bytes depend on its content alone


def deterministic_zip(folder: str, files: dict[str, bytes]) -> bytes:
    """A ZIP of `files` under `folder/`, sorted, with fixed dates and modes: same content, same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buf.getvalue()
