"""People's names in one style, the data's: a person the data name "Islam Karimov" is never printed
surname first ("Karimov, Islam"), in a list or anywhere else.

A plain function of text and the data's person names, so tests/support/test_name_styles.py shows it
fails on a small broken text; tests/test_reader_references.py runs it on both editions (HTML and
PDF).
"""

from __future__ import annotations

import re


def surname_first(text: str, names: list[str]) -> list[str]:
    """Every name of `names` (as the data write them, given name first) that `text` prints surname
    first, brackets around a part from outside the chapters kept ("Ivanov, [Igor]")."""
    flat = " ".join(text.split())
    found = []
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        given = r"\s".join(r"\[?" + re.escape(w) + r"\]?" for w in words[:-1])
        pattern = re.compile(r"\[?" + re.escape(words[-1]) + r"\]?,\s" + given + r"(?![\w])")
        for m in pattern.finditer(flat):
            found.append(
                f"{m.group(0)!r} for {name!r}: {flat[max(0, m.start() - 30) : m.end() + 20]!r}"
            )
    return found
