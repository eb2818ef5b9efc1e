"""The one date the build writes into its outputs: figure metadata, the ZIP downloads' file dates,
the GEXF files' `lastmodifieddate` and the imprint's "built" date.

The date is `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention that
matplotlib and Sphinx read too) when the environment sets it, else DEFAULT_SOURCE_DATE_EPOCH; the
build script puts the value into the environment (`python -m ca911 source-date-epoch`), so every
tool it runs sees the same date and a rebuild on another day gives the same bytes."""

from __future__ import annotations

import os
from datetime import UTC, datetime

DEFAULT_SOURCE_DATE_EPOCH = 1767225600  # 2026-01-01T00:00:00Z
VARIABLE = "SOURCE_DATE_EPOCH"


def source_date_epoch() -> int:
    """The environment's SOURCE_DATE_EPOCH, else the default; a value that is not a whole number of
    seconds is an error, not silently today's date."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return DEFAULT_SOURCE_DATE_EPOCH
    if not value.isdigit():
        raise ValueError(f"{VARIABLE}={value!r} is not a number of seconds since 1970-01-01")
    return int(value)


def output_datetime() -> datetime:
    """The output date as an aware UTC datetime."""
    return datetime.fromtimestamp(source_date_epoch(), tz=UTC)


def output_iso_date() -> str:
    """'2026-01-01'."""
    return output_datetime().date().isoformat()


def zip_date_time() -> tuple[int, int, int, int, int, int]:
    """The date for a ZIP member (the format cannot store a year before 1980)."""
    moment = max(output_datetime(), datetime(1980, 1, 1, tzinfo=UTC))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def fix_in_environment() -> None:
    """Put the output date into this process's environment, for the libraries that read it there
    (matplotlib's figure metadata) and for the processes it starts (notebook kernels)."""
    os.environ[VARIABLE] = str(source_date_epoch())
