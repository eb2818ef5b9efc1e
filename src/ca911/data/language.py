"""The book's languages, and the language of the edition being made.

Every module that makes words for the reader (dates, numbers, names, references, figure text) takes
the language as a parameter `lang`, one of `LANGUAGES`. Sphinx knows the edition's language from its
`language` setting; a notebook's kernel knows it from `CA911_LANG`, which the hidden first cell of
every notebook sets (see `ca911.book.execution_hash`), so a notebook run by hand draws the same
edition as the book that cached it.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "ja")
DEFAULT_LANG = "en"
LANGUAGE_VARIABLE = "CA911_LANG"


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(
            f"the book has no {lang!r} edition (its languages: {', '.join(LANGUAGES)})"
        )
    return lang


def edition_language() -> str:
    """The language of the edition a notebook is drawing, from `CA911_LANG` (English if unset)."""
    return check_language(os.environ.get(LANGUAGE_VARIABLE) or DEFAULT_LANG)
