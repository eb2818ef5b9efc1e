"""The one deterministic ZIP writer: the data and network downloads are archives whose bytes depend
on their content alone."""

from __future__ import annotations

import io
import zipfile

from ca911.data.output_date import zip_date_time


def deterministic_zip(folder: str, files: dict[str, bytes]) -> bytes:
    """A ZIP of `files` under `folder/`, sorted, with the output date and fixed modes: same content,
    same bytes."""
    date_time = zip_date_time()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=date_time)
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buf.getvalue()
