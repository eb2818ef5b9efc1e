"""Readers of built files that remember what they read, for the whole test session (per xdist
worker): a PDF's characters and links are read once however many test files ask for them, and a
page's visible text is made once however many checks read it.

A file is known by its resolved path and a digest of its bytes (a few milliseconds for a book's PDF,
against seconds to read its characters), so a file written again (a scratch book built anew, a
specimen PDF rewritten in place within the timestamps' granularity) is read again. Each caller
gets its own shallow copy of the container, so a check that sorts or filters what it got cannot
change what the next one reads; the items (pages, links, places) are the reader's own objects and
the checks only read them."""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path


def file_key(path: Path | str) -> tuple[str, str]:
    """What identifies a file and its content: its resolved path and its bytes' BLAKE2 digest."""
    resolved = Path(path).resolve()
    with resolved.open("rb") as fh:
        return str(resolved), hashlib.file_digest(fh, "blake2b").hexdigest()


def per_file(copy: Callable, keep: int = 8):
    """Decorate `reader(path, *args)` so that it runs once per file content and arguments; at most
    `keep` results are held (the book's PDFs, with room for the specimens some tests lay out).
    `copy` makes each caller's copy of the cached result (list, dict, …)."""

    def decorate(reader):
        cache: OrderedDict = OrderedDict()

        @functools.wraps(reader)
        def cached(path, *args, **kwargs):
            key = (file_key(path), args, tuple(sorted(kwargs.items())))
            if key in cache:
                cache.move_to_end(key)
            else:
                cache[key] = reader(path, *args, **kwargs)
                while len(cache) > keep:
                    cache.popitem(last=False)
            return copy(cache[key])

        cached.cache_clear = cache.clear
        cached.uncached = reader
        return cached

    return decorate
