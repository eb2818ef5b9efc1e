"""Record references, in one place: `<resource>:<primary key>`, a composite key's values joined by
`/` (`events:ch3-2001-09-24-putin-tv-address`, `memberships:RUS/CST/1992-05`).

The sentence map, the discrepancy register, the validator, the coverage reports and the book's pages
all name records this way; `format_ref` writes a reference and `parse_ref` reads one back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

SEPARATOR = ":"
KEY_JOINER = "/"
# A record's stable reference, `<file>:<key>` (`format_ref`):
# "events:ch3-2001-09-24-putin-tv-address", "memberships:RUS/CST/1992-05". Only the files of data/
# that hold records a reader cites.
RECORD_FILES = (
    "events",
    "facts",
    "stances",
    "memberships",
    "deployments",
    "aid",
    "iraq_war_responses",
    "periods",
    "period_relations",
    "indicators",
    "discrepancies",
    "coverage_exclusions",
    "actors",
    "places",
)
RECORD_REF = re.compile(rf"(?:{'|'.join(RECORD_FILES)}):[\w./-]+(?<![.])")


class Ref(NamedTuple):
    resource: str
    key: tuple[str, ...]

    @property
    def key_text(self) -> str:
        """The key as written after the resource: 'RUS/CST/1992-05'."""
        return KEY_JOINER.join(self.key)


def format_ref(resource: str, record: Mapping, key: Iterable[str]) -> str:
    """The reference of `record` of `resource`, whose primary key is the fields `key`."""
    return f"{resource}{SEPARATOR}" + KEY_JOINER.join(str(record[k]) for k in key)


def parse_ref(ref: str, key_size: int | None = None) -> Ref:
    """The resource and key values of a reference; `key_size` (the primary key's number of fields),
    when given, is checked. A key value never holds `/`, so the split is unambiguous."""
    resource, sep, key_text = str(ref).partition(SEPARATOR)
    if not sep or not resource or not key_text:
        raise ValueError(f"{ref!r} is not a record reference (form `<resource>:<primary key>`)")
    key = tuple(key_text.split(KEY_JOINER))
    if key_size is not None and len(key) != key_size:
        raise ValueError(
            f"{ref!r}: {resource} has a key of {key_size} field(s), the reference gives {len(key)}"
        )
    return Ref(resource, key)


def key_of(ref: str) -> str:
    """The key part of a reference as written: 'events:ch3-…' → 'ch3-…'."""
    return parse_ref(ref).key_text
